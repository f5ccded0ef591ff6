package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SourcePos;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Table writes without declared columns on a real database, run once per database by the subclasses: every inferred
 * type, first-seen order, widening across pages, and what each schema_evolution does to a table that exists.
 */
abstract class InferredSchemaBehaviourTest extends OpenedDatabaseTest {

    static final SourcePos POS = new SourcePos("flows/load.yaml", 9, 7);

    /** The type names this database reports for the inferred types, in {@link InferredKind} order from BIGINT. */
    abstract List<String> typeNames();

    /** A batch for one op's writes, as the op would make it. */
    TableWriteBatch batch() {
        return new TableWriteBatch();
    }

    @SafeVarargs
    final void write(String table, WriteSpec spec, List<Map<String, Object>>... pages) {
        try (TableWriteBatch batch = batch()) {
            for (List<Map<String, Object>> page : pages) {
                batch.target(db, ns, table, null, spec, POS).addRows(page);
            }
            batch.commit();
        }
    }

    static final WriteSpec CREATE = WriteSpec.of(WriteMode.CREATE);
    static final WriteSpec APPEND = WriteSpec.of(WriteMode.APPEND);

    /** {@code name type} of each column, in table order, types lower case. */
    List<String> columns(String table) {
        return db.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '" + ns
                + "' AND table_name = '" + table + "' ORDER BY ordinal_position").stream()
                .map(r -> r.get(0) + " " + String.valueOf(r.get(1)).toLowerCase(Locale.ROOT)).toList();
    }

    List<String> texts(String sql) {
        List<String> out = new ArrayList<>();
        for (Row r : db.query(sql)) {
            List<String> cells = new ArrayList<>();
            r.values().forEach(v -> cells.add(String.valueOf(v)));
            out.add(String.join("|", cells));
        }
        return out;
    }

    @Test
    void everyTypeIsInferredInFirstSeenOrder() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a", 1);
        write("inf_types", CREATE, List.of(rec("n", 1, "big", new BigInteger("123456789012345678901234567890"),
                "x", 1.5, "ok", true, "ts", "2024-05-01T10:00:00+02:00", "day", "2024-05-01", "s", "hi",
                "obj", nested, "arr", List.of(1, 2), "nothing", null)));
        List<String> t = typeNames();
        assertThat(columns("inf_types")).containsExactly("n " + t.get(0), "big " + t.get(1), "x " + t.get(2),
                "ok " + t.get(3), "ts " + t.get(4), "day " + t.get(5), "s " + t.get(7), "obj " + t.get(6),
                "arr " + t.get(6), "nothing " + t.get(7));
        assertThat(texts("SELECT n + 1 AS n1, big, x * 2 AS x2, NOT ok AS nok, CAST(ts AT TIME ZONE 'UTC' AS VARCHAR)"
                + " AS utc, day + 1 AS next, s, nothing FROM " + q("inf_types")))
                .containsExactly("2|123456789012345678901234567890|3.0|false|2024-05-01 08:00:00|2024-05-02|hi|null");
    }

    @Test
    void valuesThatDisagreeWidenAcrossPages() {
        write("inf_widen", CREATE,
                List.of(rec("i", 1, "d", 1, "t", 1, "when", "2024-01-02", "o", rec("k", 1), "b", true)),
                List.of(rec("i", 2, "d", 2.5, "t", "x", "when", "soon", "o", "plain", "b", null)),
                List.of(rec("i", new BigInteger("99999999999999999999"), "d", 3, "t", 3, "when", null, "o", null)));
        List<String> t = typeNames();
        assertThat(columns("inf_widen")).containsExactly("i " + t.get(1), "d " + t.get(2), "t " + t.get(7),
                "when " + t.get(7), "o " + t.get(7), "b " + t.get(3));
        assertThat(texts("SELECT i, d, t, \"when\", o FROM " + q("inf_widen") + " ORDER BY i")).containsExactly(
                "1|1.0|1|2024-01-02|{\"k\":1}", "2|2.5|x|soon|plain", "99999999999999999999|3.0|3|null|null");
    }

    /** The offsets a declared timestamp column takes ({@code +00}, {@code +0530}) make a timestamptz column too. */
    @Test
    void offsetsWithoutAColonOrMinutesAreTimestamps() {
        String utc = "2024-05-01T10:00:00Z";
        write("inf_offsets", CREATE, List.of(rec("id", 1, "ts", "2024-05-01 10:00:00+00", "z", utc),
                rec("id", 2, "ts", "2024-05-01T15:00:00+05", "z", utc),
                rec("id", 3, "ts", "2024-05-01 15:30+0530", "z", utc),
                rec("id", 4, "ts", "2024-05-01T06:30:00.000-0330", "z", utc)));
        assertThat(columns("inf_offsets")).containsExactly("id " + typeNames().get(0), "ts " + typeNames().get(4),
                "z " + typeNames().get(4));
        assertThat(texts("SELECT id FROM " + q("inf_offsets") + " WHERE ts = z ORDER BY id"))
                .containsExactly("1", "2", "3", "4");
    }

    /** Year 0000 is 1 BC to DuckDB and out of range to PostgreSQL: text on every database. */
    @Test
    void yearZeroIsText() {
        write("inf_year0", CREATE, List.of(rec("id", 1, "day", "0000-01-01", "seen", "0000-06-01T10:00:00Z"),
                rec("id", 2, "day", "0001-01-01", "seen", "0001-06-01T10:00:00Z")));
        assertThat(columns("inf_year0")).containsExactly("id " + typeNames().get(0), "day " + typeNames().get(7),
                "seen " + typeNames().get(7));
        assertThat(texts("SELECT day, seen FROM " + q("inf_year0") + " ORDER BY id"))
                .containsExactly("0000-01-01|0000-06-01T10:00:00Z", "0001-01-01|0001-06-01T10:00:00Z");
    }

    @Test
    void edgesLandExactly() {
        String odd = "tab\there, \"quoted\" 'single'\nnew line; comma, back\\slash ünïcødé 😀";
        write("inf_edges", CREATE, List.of(
                rec("id", Long.MAX_VALUE, "f", 1.5e300, "s", odd, "e", "", "ts", "2024-12-31T23:30:00-05:30"),
                rec("id", Long.MIN_VALUE, "f", 1e-05, "s", null, "e", "", "ts", "2024-06-01T00:00:00Z")));
        assertThat(texts("SELECT id, f, s, e, CAST(ts AT TIME ZONE 'UTC' AS VARCHAR) AS utc FROM " + q("inf_edges")
                + " ORDER BY id")).containsExactly(
                Long.MIN_VALUE + "|1.0E-5|null||2024-06-01 00:00:00",
                Long.MAX_VALUE + "|1.5E300|" + odd + "||2025-01-01 05:00:00");
        assertThat(columns("inf_edges").get(3)).isEqualTo("e " + typeNames().get(7));
    }

    @Test
    void evolveAddsColumnsAndWidensAnExistingTableAcrossRuns() {
        write("inf_evolve", CREATE, List.of(rec("id", 1, "name", "a")));
        db.execute("CREATE VIEW " + q("inf_evolve_v") + " AS SELECT id FROM " + q("inf_evolve"));
        write("inf_evolve", APPEND, List.of(rec("id", 2, "name", "b", "score", 7.5)));
        List<String> t = typeNames();
        assertThat(columns("inf_evolve")).containsExactly("id " + t.get(0), "name " + t.get(7), "score " + t.get(2));
        assertThat(texts("SELECT id, name, score FROM " + q("inf_evolve") + " ORDER BY id"))
                .containsExactly("1|a|null", "2|b|7.5");
    }

    @Test
    void evolveWidensAnExistingColumnThatNoLongerFits() {
        write("inf_widen_existing", CREATE, List.of(rec("id", 1, "code", 10)));
        write("inf_widen_existing", APPEND, List.of(rec("id", 2, "code", "X-11")));
        assertThat(columns("inf_widen_existing")).containsExactly("id " + typeNames().get(0),
                "code " + typeNames().get(7));
        assertThat(texts("SELECT code FROM " + q("inf_widen_existing") + " ORDER BY id")).containsExactly("10", "X-11");
    }

    @Test
    void freezeRefusesANewFieldAndAWideningNamingThem() {
        write("inf_freeze", CREATE, List.of(rec("id", 1, "name", "a")));
        WriteSpec freeze = APPEND.withEvolution(SchemaEvolution.FREEZE);
        assertThatThrownBy(() -> write("inf_freeze", freeze, List.of(rec("id", 2, "name", "b"),
                rec("id", 3, "name", "c", "email", "c@x"))))
                .hasMessage("Row 2 for table 'inf_freeze' has a field 'email' that the table has no column for, and"
                        + " schema_evolution is freeze; add the column to the table, or write schema_evolution: evolve"
                        + " (adds it) or discard (drops the field).");
        assertThatThrownBy(() -> write("inf_freeze", freeze, List.of(rec("id", 2, "name", "b", "email", "b@x",
                "phone", "1", "age", 3))))
                .hasMessage("Row 1 for table 'inf_freeze' has fields 'email', 'phone', 'age' that the table has no"
                        + " columns for, and schema_evolution is freeze; add the columns to the table, or write"
                        + " schema_evolution: evolve (adds them) or discard (drops the fields).");
        assertThatThrownBy(() -> write("inf_freeze", freeze, List.of(rec("id", "three"))))
                .hasMessage("Value 'three' in row 1 for table 'inf_freeze' does not fit column 'id' of type "
                        + typeNames().get(0) + " (it needs text), and schema_evolution is freeze; write"
                        + " schema_evolution: evolve to widen the column, or fix the value.");
        assertThat(texts("SELECT id, name FROM " + q("inf_freeze"))).containsExactly("1|a");
        assertThat(columns("inf_freeze")).hasSize(2);
    }

    @Test
    void freezeOnANewTableFixesTheShapeOfTheFirstPage() {
        WriteSpec freeze = CREATE.withEvolution(SchemaEvolution.FREEZE);
        assertThatThrownBy(() -> write("inf_freeze_new", freeze, List.of(rec("id", 1), rec("id", 2, "late", 1)),
                List.of(rec("id", 3, "later", 1))))
                .hasMessageStartingWith("Row 3 for table 'inf_freeze_new' has a field 'later' that the table has no"
                        + " column for, and schema_evolution is freeze; add the column to the records of the first"
                        + " page");
        assertThat(db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'inf_freeze_new'")).isEmpty();
    }

    @Test
    void discardDropsNewFields() {
        write("inf_discard", CREATE, List.of(rec("id", 1, "name", "a")));
        write("inf_discard", APPEND.withEvolution(SchemaEvolution.DISCARD),
                List.of(rec("id", 2, "extra", "x", "name", "b")));
        assertThat(columns("inf_discard")).hasSize(2);
        assertThat(texts("SELECT id, name FROM " + q("inf_discard") + " ORDER BY id")).containsExactly("1|a", "2|b");
    }

    @Test
    void mergeWithInferredColumnsUpsertsOnTheKey() {
        WriteSpec merge = WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT);
        write("inf_merge", merge, List.of(rec("id", 1, "name", "a"), rec("id", 2, "name", "b")));
        write("inf_merge", merge, List.of(rec("id", 2, "name", "b2", "tag", rec("x", true))),
                List.of(rec("tag", List.of(), "id", 3, "name", "c")));
        // jsonb prints {"x": true}, JSON {"x":true}
        assertThat(texts("SELECT id, name, tag FROM " + q("inf_merge") + " ORDER BY id").stream()
                .map(r -> r.replace(" ", "")).toList())
                .containsExactly("1|a|null", "2|b2|{\"x\":true}", "3|c|[]");
    }

    @Test
    void aFieldWithAnEmptyNameIsRefusedNamingItsRow() {
        assertThatThrownBy(() -> write("inf_empty_name", CREATE, List.of(rec("id", 1)), List.of(rec("id", 2, "", "x"))))
                .hasMessage("Row 2 for table 'inf_empty_name' has a field with an empty name, which cannot be a"
                        + " column; rename it before it lands (data_expression), or declare the table's columns");
        assertThat(columns("inf_empty_name")).isEmpty();
    }

    @Test
    void aMissingKeyFieldIsAnError() {
        WriteSpec merge = WriteSpec.merge(List.of("uid"), MergeStrategy.UPSERT);
        assertThatThrownBy(() -> write("inf_nokey", merge, List.of(rec("id", 1))))
                .hasMessage("primary_key column 'uid' of table 'inf_nokey' is not a field of its records; fields: id");
    }

    @Test
    void anExistingColumnOfATypeOutsideTheLatticeTakesTheTextAndTheDatabaseConvertsIt() {
        db.execute("CREATE TABLE " + q("inf_other") + " (id integer, seen timestamp, n smallint)");
        write("inf_other", APPEND, List.of(rec("id", 1, "seen", "2024-05-01 10:00:00", "n", 3)));
        assertThat(texts("SELECT id, CAST(seen AS VARCHAR) AS seen, n FROM " + q("inf_other")))
                .containsExactly("1|2024-05-01 10:00:00|3");
        assertThatThrownBy(() -> write("inf_other", APPEND, List.of(rec("id", 2, "seen", "not a time"))))
                .hasMessageContaining("not a time");
        assertThat(texts("SELECT id FROM " + q("inf_other"))).containsExactly("1");
    }

    @Test
    void replaceKeepsTheTableAndFillsTheFieldsItHas() {
        db.execute("CREATE TABLE " + q("inf_repl") + " (id bigint, name text, note text DEFAULT 'none')");
        db.execute("INSERT INTO " + q("inf_repl") + " VALUES (9, 'old', 'x')");
        write("inf_repl", WriteSpec.of(WriteMode.REPLACE), List.of(rec("name", "new", "id", 1)));
        assertThat(texts("SELECT id, name, note FROM " + q("inf_repl"))).containsExactly("1|new|none");
    }

    @Test
    void noRecordsCreateNoTable() {
        write("inf_empty", CREATE, List.of());
        assertThat(db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'inf_empty'")).isEmpty();
    }

    @Test
    void evolveWidensAColumnOfATableThatMergeCreatedWithItsKey() {
        WriteSpec merge = WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT);
        write("inf_merge_widen", merge, List.of(rec("id", 1, "score", 1)));
        write("inf_merge_widen", merge, List.of(rec("id", 1, "score", 1.5), rec("id", 2, "score", "n/a")));
        assertThat(columns("inf_merge_widen")).containsExactly("id " + typeNames().get(0), "score " + typeNames().get(7));
        assertThat(texts("SELECT id, score FROM " + q("inf_merge_widen") + " ORDER BY id"))
                .containsExactly("1|1.5", "2|n/a");
    }

    @Test
    void anExistingNumericColumnTakesFractionsWithoutWidening() {
        db.execute("CREATE TABLE " + q("inf_money") + " (id integer, amount numeric(12,2))");
        write("inf_money", APPEND.withEvolution(SchemaEvolution.FREEZE),
                List.of(rec("id", 1, "amount", 19.99), rec("id", 2, "amount", 5), rec("id", 3, "amount", 1.5e3)));
        assertThat(columns("inf_money").get(1)).isIn("amount numeric", "amount decimal(12,2)");
        assertThat(texts("SELECT id, amount FROM " + q("inf_money") + " ORDER BY id"))
                .containsExactly("1|19.99", "2|5.00", "3|1500.00");
    }

    /**
     * A number with more integer digits than an existing {@code numeric(12,2)} column holds is refused, under evolve
     * too (the column keeps its declared precision), naming the table, the row, the column and the value, followed by
     * the database's {@code words}; nothing lands. The same under a merge, whose rows are moved from staging by a
     * statement that names no row (PostgreSQL said only "numeric field overflow").
     */
    void aNumberBeyondAnExistingNumericColumnsPrecisionIsRefusedNamingIt(String words) {
        db.execute("CREATE TABLE " + q("inf_money_over") + " (id integer, amount numeric(12,2))");
        for (WriteSpec spec : List.of(APPEND, WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT),
                WriteSpec.merge(List.of("id"), MergeStrategy.DELETE_INSERT))) {
            assertThatThrownBy(() -> write("inf_money_over", spec, List.of(rec("id", 1, "amount", 1.5)),
                    List.of(rec("id", 2, "amount", 12345678901.5))))
                    .as(spec.toString())
                    .hasMessage("Value '12345678901.5' in row 2 for table 'inf_money_over' does not fit column 'amount'"
                            + " (SQL error on source 'stage': " + words + ").");
            assertThat(texts("SELECT id FROM " + q("inf_money_over"))).isEmpty();
        }
    }

    /** Whether this database's inferred DECIMAL has scale 0 (DuckDB, MySQL) rather than none (PostgreSQL). */
    boolean wholeDecimal() {
        return typeNames().get(1).endsWith(",0)");
    }

    @Test
    void aFractionLaterNeverRoundsInAnInferredDecimalColumn() {
        // a first run infers DECIMAL for an integer beyond 64 bits; a later run brings a fraction into that column
        write("inf_big_then_fraction", CREATE, List.of(rec("id", 1, "n", BigInteger.TWO.pow(70))));
        write("inf_big_then_fraction", APPEND, List.of(rec("id", 2, "n", 1.5)));
        // DECIMAL(38,0) widens to DOUBLE under evolve; PostgreSQL's unconstrained numeric holds the fraction as it is
        assertThat(columns("inf_big_then_fraction").get(1))
                .isEqualTo("n " + typeNames().get(wholeDecimal() ? 2 : 1));
        assertThat(texts("SELECT n FROM " + q("inf_big_then_fraction") + " WHERE id = 2")).containsExactly("1.5");
    }

    @Test
    void freezeRefusesAFractionForAnInferredWholeDecimalColumn() {
        write("inf_big_frozen", CREATE, List.of(rec("id", 1, "n", BigInteger.TWO.pow(70))));
        WriteSpec frozen = APPEND.withEvolution(SchemaEvolution.FREEZE);
        if (!wholeDecimal()) {
            write("inf_big_frozen", frozen, List.of(rec("id", 2, "n", 1.5)));
            assertThat(texts("SELECT n FROM " + q("inf_big_frozen") + " WHERE id = 2")).containsExactly("1.5");
            return;
        }
        assertThatThrownBy(() -> write("inf_big_frozen", frozen, List.of(rec("id", 2, "n", 1.5))))
                .hasMessage("Value 1.5 in row 1 for table 'inf_big_frozen' does not fit column 'n' of type "
                        + typeNames().get(1) + " (it needs double), and schema_evolution is freeze; write"
                        + " schema_evolution: evolve to widen the column, or fix the value.");
        assertThat(texts("SELECT count(*) FROM " + q("inf_big_frozen"))).containsExactly("1");
    }

    /** How this database's catalog spells a decimal type, as messages name it: {@code decimal(10,0)}. */
    String decimalTypeName(int precision, int scale) {
        return "decimal(" + precision + "," + scale + ")";
    }

    @Test
    void aFractionWidensAnExistingScaleZeroDecimalColumnUnderEvolve() {
        // a table made outside Sequor with decimal(10,0): the fraction must not land rounded to 2
        db.execute("CREATE TABLE " + q("inf_whole_evolve") + " (id integer, n decimal(10,0))");
        write("inf_whole_evolve", APPEND, List.of(rec("id", 1, "n", 1.5), rec("id", 2, "n", 7)));
        assertThat(columns("inf_whole_evolve").get(1)).isEqualTo("n " + typeNames().get(2));
        assertThat(texts("SELECT id, n FROM " + q("inf_whole_evolve") + " ORDER BY id"))
                .containsExactly("1|1.5", "2|7.0");
    }

    @Test
    void freezeRefusesAFractionForAnExistingScaleZeroDecimalColumn() {
        db.execute("CREATE TABLE " + q("inf_whole_frozen") + " (id integer, n decimal(10,0))");
        assertThatThrownBy(() -> write("inf_whole_frozen", APPEND.withEvolution(SchemaEvolution.FREEZE),
                List.of(rec("id", 1, "n", 3), rec("id", 2, "n", 1.5))))
                .hasMessage("Value 1.5 in row 2 for table 'inf_whole_frozen' does not fit column 'n' of type "
                        + decimalTypeName(10, 0) + " (it needs double), and schema_evolution is freeze; write"
                        + " schema_evolution: evolve to widen the column, or fix the value.");
        assertThat(texts("SELECT count(*) FROM " + q("inf_whole_frozen"))).containsExactly("0");
    }

    @Test
    void aMergeRefusesAFieldNamedLikeItsBookkeeping() {
        WriteSpec merge = WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT);
        assertThatThrownBy(() -> write("inf_reserved", merge, List.of(rec("id", 1, "_sequor_row", 5))))
                .hasMessage("Field '_sequor_row' of the records for table 'inf_reserved' has a name that write_mode"
                        + " merge uses for itself; rename it");
        assertThat(db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'inf_reserved'")).isEmpty();
    }
}
