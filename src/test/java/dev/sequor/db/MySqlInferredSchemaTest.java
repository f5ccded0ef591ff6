package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.testing.OpenedDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inferred columns on the real MariaDB (or MySQL), in a database of its own: the shared cases (those whose SQL is
 * PostgreSQL's, {@code AT TIME ZONE} and double quotes, are written here in MySQL's), every write mode under every
 * schema_evolution policy, and the values at the edges. Column types are listed as the inference reads them back
 * ({@link Dialect#existingColumnsQuery}): {@code tinyint(1)} is BOOLEAN, MariaDB's JSON reads as json.
 */
class MySqlInferredSchemaTest extends InferredSchemaBehaviourTest {

    @Override
    OpenedDatabase open() throws Exception {
        return OpenedDatabase.mySql("sequor-mysql-inf", POS);
    }

    /** MariaDB's CAST names no column: {@code '(null)'}. */
    @Test
    void aNumberBeyondAnExistingNumericColumnsPrecisionIsRefusedNamingIt() {
        aNumberBeyondAnExistingNumericColumnsPrecisionIsRefusedNamingIt(
                "Out of range value for column '(null)' at row 2");
    }

    @Override
    List<String> typeNames() {
        return List.of("bigint", "decimal(38,0)", "double", "tinyint(1)", "datetime(6)", "date", "json", "longtext");
    }

    @Override
    List<String> columns(String table) {
        String sql = db.dialect().existingColumnsQuery().replaceFirst("\\?", "'" + ns + "'")
                .replaceFirst("\\?", "'" + table + "'");
        return db.query(sql).stream().map(r -> r.get(0) + " " + r.get(1)).toList();
    }

    @Override
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
        assertThat(texts("SELECT n + 1 AS n1, big, x * 2 AS x2, NOT ok AS nok, DATE_FORMAT(ts, '%Y-%m-%d %T') AS utc,"
                + " day + INTERVAL 1 DAY AS next, s, JSON_EXTRACT(obj, '$.a') AS a, JSON_LENGTH(arr) AS len, nothing"
                + " FROM " + q("inf_types")))
                .containsExactly("2|123456789012345678901234567890|3.0|0|2024-05-01 08:00:00|2024-05-02|hi|1|2|null");
    }

    @Override
    @Test
    void valuesThatDisagreeWidenAcrossPages() {
        write("inf_widen", CREATE,
                List.of(rec("i", 1, "d", 1, "t", 1, "when", "2024-01-02", "o", rec("k", 1), "b", true)),
                List.of(rec("i", 2, "d", 2.5, "t", "x", "when", "soon", "o", "plain", "b", null)),
                List.of(rec("i", new BigInteger("99999999999999999999"), "d", 3, "t", 3, "when", null, "o", null)));
        List<String> t = typeNames();
        assertThat(columns("inf_widen")).containsExactly("i " + t.get(1), "d " + t.get(2), "t " + t.get(7),
                "when " + t.get(7), "o " + t.get(7), "b " + t.get(3));
        assertThat(texts("SELECT i, d, t, `when`, o, b FROM " + q("inf_widen") + " ORDER BY i")).containsExactly(
                "1|1.0|1|2024-01-02|{\"k\":1}|true", "2|2.5|x|soon|plain|null",
                "99999999999999999999|3.0|3|null|null|null");
    }

    @Override
    @Test
    void edgesLandExactly() {
        String odd = "tab\there, \"quoted\" 'single' `back`\nnew line; comma, back\\slash ünïcødé 😀";
        write("inf_edges", CREATE, List.of(
                rec("id", Long.MAX_VALUE, "f", 1.5e300, "s", odd, "e", "", "ts", "2024-12-31T23:30:00-05:30",
                        "big", new BigInteger("-99999999999999999999999999999999999999"), "x", new BigDecimal("1E+3")),
                rec("id", Long.MIN_VALUE, "f", 1e-05, "s", null, "e", "", "ts", "2024-06-01T00:00:00.123456Z",
                        "big", 1, "x", new BigDecimal("-2.5E-7"))));
        assertThat(texts("SELECT id, f, s, e, DATE_FORMAT(ts, '%Y-%m-%d %T.%f') AS utc, big, x FROM "
                + q("inf_edges") + " ORDER BY id")).containsExactly(
                Long.MIN_VALUE + "|1.0E-5|null||2024-06-01 00:00:00.123456|1|-2.5E-7",
                Long.MAX_VALUE + "|1.5E300|" + odd + "||2025-01-01 05:00:00.000000"
                        + "|-99999999999999999999999999999999999999|1000.0");
        assertThat(columns("inf_edges")).containsExactly("id bigint", "f double", "s longtext", "e longtext",
                "ts datetime(6)", "big decimal(38,0)", "x double");
    }

    /** A TIME column is outside the lattice: the text goes in and MariaDB converts it, or says it cannot. */
    @Override
    @Test
    void anExistingColumnOfATypeOutsideTheLatticeTakesTheTextAndTheDatabaseConvertsIt() {
        db.execute("CREATE TABLE " + q("inf_other") + " (id integer, seen time, n smallint)");
        write("inf_other", APPEND, List.of(rec("id", 1, "seen", "10:00:00", "n", 3)));
        assertThat(texts("SELECT id, CAST(seen AS CHAR) AS seen, n FROM " + q("inf_other")))
                .containsExactly("1|10:00:00|3");
        assertThatThrownBy(() -> write("inf_other", APPEND, List.of(rec("id", 2, "seen", "not a time"))))
                .hasMessageContaining("not a time");
        assertThat(texts("SELECT id FROM " + q("inf_other"))).containsExactly("1");
    }

    @Test
    void aTableOfBooleansAndTimestampsIsAppendedToAsItWasInferred() {
        write("inf_roundtrip", CREATE, List.of(rec("id", 1, "ok", true, "at", "2024-05-01T10:00:00+02:00",
                "meta", rec("a", 1))));
        // read back, tinyint(1) is a boolean, datetime a timestamp and MariaDB's LONGTEXT JSON is json: none widens
        write("inf_roundtrip", APPEND.withEvolution(SchemaEvolution.FREEZE), List.of(rec("id", 2, "ok", false,
                "at", "2024-05-02T00:00:00Z", "meta", List.of(1))));
        assertThat(columns("inf_roundtrip")).containsExactly("id bigint", "ok tinyint(1)", "at datetime(6)",
                "meta json");
        assertThat(texts("SELECT id, ok, DATE_FORMAT(at, '%Y-%m-%d %T') AS at, meta FROM " + q("inf_roundtrip")
                + " ORDER BY id")).containsExactly("1|true|2024-05-01 08:00:00|{\"a\":1}",
                "2|false|2024-05-02 00:00:00|[1]");
        // text in the JSON column widens it to LONGTEXT (which drops MariaDB's json_valid check)
        write("inf_roundtrip", APPEND, List.of(rec("id", 3, "meta", "plain")));
        assertThat(columns("inf_roundtrip").get(3)).isEqualTo("meta longtext");
        assertThat(texts("SELECT meta FROM " + q("inf_roundtrip") + " WHERE id = 3")).containsExactly("plain");
    }

    @Test
    void keysBeyondTheDoublesPrecisionMergeExactly() {
        WriteSpec delete = WriteSpec.merge(List.of("id"), MergeStrategy.DELETE_INSERT);
        write("inf_bigkeys", delete, List.of(rec("id", 9007199254740993L, "v", "a"),
                rec("id", 9007199254740992L, "v", "b")));
        write("inf_bigkeys", delete, List.of(rec("id", 9007199254740993L, "v", "a2")));
        assertThat(texts("SELECT id, v FROM " + q("inf_bigkeys") + " ORDER BY id"))
                .containsExactly("9007199254740992|b", "9007199254740993|a2");
        write("inf_deckeys", delete, List.of(rec("id", new BigInteger("99999999999999999999"), "v", "a"),
                rec("id", new BigInteger("99999999999999999998"), "v", "b")));
        write("inf_deckeys", delete, List.of(rec("id", new BigInteger("99999999999999999999"), "v", "a2")));
        assertThat(texts("SELECT id, v FROM " + q("inf_deckeys") + " ORDER BY id"))
                .containsExactly("99999999999999999998|b", "99999999999999999999|a2");
    }

    /** MariaDB's CAST to DECIMAL makes 0 of what is no number; the guard makes it fail, and an overflow too. */
    @Test
    void anExistingDecimalColumnRefusesWhatItCannotHold() {
        db.execute("CREATE TABLE " + q("inf_dec") + " (id bigint, amount decimal(12,2))");
        write("inf_dec", APPEND, List.of(rec("id", 1, "amount", 1e-05), rec("id", 2, "amount", -12.345)));
        assertThatThrownBy(() -> write("inf_dec", APPEND, List.of(rec("id", 3, "amount", Double.NaN))))
                .hasMessage("Value 'NaN' in row 1 for table 'inf_dec' does not fit column 'amount' (SQL error on"
                        + " source 'stage': Truncated incorrect INTEGER value: 'NaN').");
        assertThatThrownBy(() -> write("inf_dec", APPEND, List.of(rec("id", 4, "amount", 1.5e300))))
                .hasMessageStartingWith("Value '1.5e+300' in row 1 for table 'inf_dec' does not fit column 'amount'"
                        + " (SQL error on source 'stage': Got overflow when converting");
        assertThatThrownBy(() -> write("inf_dec", APPEND, List.of(rec("id", 5, "amount", 12345678901L))))
                .hasMessage("Value '12345678901' in row 1 for table 'inf_dec' does not fit column 'amount' (SQL error"
                        + " on source 'stage': Out of range value for column '(null)' at row 1).");
        assertThat(texts("SELECT id, amount FROM " + q("inf_dec") + " ORDER BY id"))
                .containsExactly("1|0.00", "2|-12.35");
    }

    /**
     * A value MySQL refuses when the rows move from staging (all text for inferred columns) is named as a declared
     * column's is: a timestamp whose UTC time is beyond DATETIME's years 1000-9999, a merge key longer than the
     * VARCHAR(255) a merge's key column is, a number an existing INT column cannot hold. The database's words are about
     * the value named.
     */
    @Test
    void aValueRefusedWhenTheRowsMoveIsNamedWithItsRowAndColumn() {
        assertThatThrownBy(() -> write("inf_ts_over", CREATE, List.of(rec("id", 1, "t", "2024-05-01T10:00:00Z")),
                List.of(rec("id", 2, "t", "9999-12-31T23:00:00-05:00"))))
                .hasMessage("Value '9999-12-31T23:00:00-05:00' in row 2 for table 'inf_ts_over' does not fit column"
                        + " 't' (SQL error on source 'stage': Datetime function: datetime field overflow).");
        assertThatThrownBy(() -> write("inf_ts_over", CREATE, List.of(rec("id", 1, "t", "0001-01-01T00:30:00+01:00"))))
                .hasMessage("Value '0001-01-01T00:30:00+01:00' in row 1 for table 'inf_ts_over' does not fit column"
                        + " 't' (SQL error on source 'stage': Datetime function: datetime field overflow).");

        String longKey = "k".repeat(300);
        assertThatThrownBy(() -> write("inf_long_key", WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT),
                List.of(rec("id", "k1", "v", 1), rec("id", longKey, "v", 2))))
                .hasMessage("Value '" + "k".repeat(77) + "...' in row 2 for table 'inf_long_key' does not fit column"
                        + " 'id' (SQL error on source 'stage': Data too long for column 'id' at row 2).");
        assertThat(texts("SELECT id FROM " + q("inf_long_key"))).isEmpty();

        db.execute("CREATE TABLE " + q("inf_int") + " (id int, v int)");
        assertThatThrownBy(() -> write("inf_int", APPEND, List.of(rec("id", 1, "v", 7), rec("id", 2, "v", 8)),
                List.of(rec("id", 3, "v", 3000000000L), rec("id", 4, "v", -3000000000L))))
                .hasMessage("Value '3000000000' in row 3 for table 'inf_int' does not fit column 'v' (SQL error on"
                        + " source 'stage': Out of range value for column 'v' at row 3).");
        assertThat(texts("SELECT id FROM " + q("inf_int"))).isEmpty();
    }

    static Stream<Arguments> modesAndPolicies() {
        List<WriteSpec> modes = List.of(WriteSpec.of(WriteMode.CREATE), WriteSpec.of(WriteMode.REPLACE),
                WriteSpec.of(WriteMode.APPEND), WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT),
                WriteSpec.merge(List.of("id"), MergeStrategy.DELETE_INSERT));
        List<Arguments> out = new ArrayList<>();
        for (WriteSpec mode : modes) {
            for (SchemaEvolution policy : SchemaEvolution.values()) {
                out.add(Arguments.of(mode, policy));
            }
        }
        return out.stream();
    }

    private static String suffix(WriteSpec spec, SchemaEvolution policy) {
        return spec.mode().key() + (spec.strategy() == null ? "" : "_" + spec.strategy().key()) + "_" + policy.key();
    }

    /** An existing table {@code (id bigint, name longtext)} holding (1, a); a merge's has id as its key. */
    private void existing(String table, WriteSpec spec, String column, Object value) {
        write(table, CREATE, List.of(rec("id", 1, column, value)));
        if (spec.mode() == WriteMode.MERGE) {
            db.execute("ALTER TABLE " + q(table) + " ADD PRIMARY KEY (id)");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modesAndPolicies")
    void newFieldsInEveryModeAndPolicy(WriteSpec mode, SchemaEvolution policy) {
        String table = "inf_new_" + suffix(mode, policy);
        existing(table, mode, "name", "a");
        WriteSpec spec = mode.withEvolution(policy);
        Runnable load = () -> write(table, spec, List.of(rec("id", 2, "name", "b", "extra", "x"),
                rec("id", 1, "name", "a2")), List.of(rec("id", 3, "name", "c", "late", true)));
        boolean create = mode.mode() == WriteMode.CREATE;
        if (policy == SchemaEvolution.FREEZE) {
            // create mode replaces the table: the first page's fields are its shape, the second page's new one fails
            assertThatThrownBy(load::run).hasMessage(create
                    ? "Row 3 for table '" + table + "' has a field 'late' that the table has no column for, and"
                    + " schema_evolution is freeze; add the column to the records of the first page, or write"
                    + " schema_evolution: evolve (adds it) or discard (drops the field)."
                    : "Row 1 for table '" + table + "' has a field 'extra' that the table has no column for, and"
                    + " schema_evolution is freeze; add the column to the table, or write schema_evolution: evolve"
                    + " (adds it) or discard (drops the field).");
            assertThat(columns(table)).containsExactly("id bigint", "name longtext");
            assertThat(texts("SELECT id, name FROM " + q(table))).containsExactly("1|a");
            return;
        }
        load.run();
        List<String> rows = switch (mode.mode()) {
            case CREATE, REPLACE -> List.of("1|a2", "2|b", "3|c");
            case APPEND -> List.of("1|a", "1|a2", "2|b", "3|c");
            case MERGE -> List.of("1|a2", "2|b", "3|c");
        };
        if (policy == SchemaEvolution.DISCARD) {
            // create mode replaces the table: the first page's fields are its shape, the second page's new one goes
            assertThat(columns(table)).isEqualTo(create ? List.of("id bigint", "name longtext", "extra longtext")
                    : List.of("id bigint", "name longtext"));
            assertThat(texts("SELECT id, name FROM " + q(table) + " ORDER BY id, name")).isEqualTo(rows);
            return;
        }
        assertThat(columns(table)).containsExactly("id bigint", "name longtext", "extra longtext", "late tinyint(1)");
        assertThat(texts("SELECT id, name, extra, late FROM " + q(table) + " ORDER BY id, name")).isEqualTo(
                rows.stream().map(r -> r + (r.startsWith("2|") ? "|x" : "|null") + (r.startsWith("3|") ? "|true"
                        : "|null")).toList());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modesAndPolicies")
    void aValueThatNoLongerFitsInEveryModeAndPolicy(WriteSpec mode, SchemaEvolution policy) {
        String table = "inf_fit_" + suffix(mode, policy);
        existing(table, mode, "n", 1);
        WriteSpec spec = mode.withEvolution(policy);
        Runnable load = () -> write(table, spec, List.of(rec("id", 2, "n", 2.5)),
                List.of(rec("id", 3, "n", new BigInteger("123456789012345678901234567890"))));
        boolean create = mode.mode() == WriteMode.CREATE;
        if (policy != SchemaEvolution.EVOLVE && !create) {
            assertThatThrownBy(load::run).hasMessage("Value 2.5 in row 1 for table '" + table + "' does not fit"
                    + " column 'n' of type bigint (it needs double), and schema_evolution is " + policy.key()
                    + "; write schema_evolution: evolve to widen the column, or fix the value.");
            assertThat(columns(table)).containsExactly("id bigint", "n bigint");
            assertThat(texts("SELECT id, n FROM " + q(table))).containsExactly("1|1");
            return;
        }
        // create mode replaces the table: its first page made n a double, which the second page's integer fits
        load.run();
        assertThat(columns(table)).containsExactly("id bigint", "n double");
        List<String> rows = switch (mode.mode()) {
            case CREATE, REPLACE -> List.of("2|2.5", "3|1.2345678901234568E29");
            case APPEND, MERGE -> List.of("1|1.0", "2|2.5", "3|1.2345678901234568E29");
        };
        assertThat(texts("SELECT id, n FROM " + q(table) + " ORDER BY id")).isEqualTo(rows);
    }

    private List<String> stagingTables() {
        return texts("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + ns
                + "' AND table_name LIKE '\\_sequor\\_stage%'");
    }

    /** A value MariaDB refuses at the commit: a replaced table keeps its old content and no staging table is left. */
    @Test
    void aValueRefusedAtTheCommitLeavesAReplacedTableAsItWas() {
        write("inf_atomic", CREATE, List.of(rec("id", 1, "f", 1.5)));
        assertThatThrownBy(() -> write("inf_atomic", CREATE, List.of(rec("id", 2, "f", 2.5)),
                List.of(rec("id", 3, "f", Double.NaN))))
                .hasMessageContaining("SQL error on source 'stage'").hasMessageContaining("NaN");
        assertThat(texts("SELECT id, f FROM " + q("inf_atomic"))).containsExactly("1|1.5");
        assertThat(stagingTables()).isEmpty();
    }

    /**
     * MySQL commits an ALTER TABLE on its own, so evolve's new column is there before the rows move: when the rows
     * then fail, the table keeps its old rows and gains the (empty) column, as docs/databases/mysql.md says.
     */
    @Test
    void aValueRefusedAtTheCommitOfAnAppendKeepsTheOldRowsAndTheAddedColumn() {
        write("inf_atomic_append", CREATE, List.of(rec("id", 1, "name", "a")));
        assertThatThrownBy(() -> write("inf_atomic_append", APPEND, List.of(rec("id", 2, "name", "b", "f", 1.5),
                rec("id", 3, "f", Double.POSITIVE_INFINITY))))
                .hasMessageContaining("SQL error on source 'stage'").hasMessageContaining("Infinity");
        assertThat(texts("SELECT id, name, f FROM " + q("inf_atomic_append"))).containsExactly("1|a|null");
        assertThat(columns("inf_atomic_append")).containsExactly("id bigint", "name longtext", "f double");
        assertThat(stagingTables()).isEmpty();
    }

    /**
     * MySQL and MariaDB keep names in 3-byte UTF-8: a field or declared column with a character beyond U+FFFF (an
     * emoji) is refused before anything is made, naming the table and the name (was "Invalid utf8mb4 character string"
     * naming neither).
     */
    @Test
    void aNameWithACharacterBeyondUFfffIsRefusedNamingIt() {
        assertThatThrownBy(() -> write("inf_emoji", CREATE, List.of(rec("id", 1, "smile \uD83D\uDE00", 1))))
                .hasMessage("Row 1 for table 'inf_emoji' has a field 'smile \uD83D\uDE00' that cannot be a column name"
                        + " on MySQL: MySQL and MariaDB names cannot hold characters beyond U+FFFF, such as"
                        + " '\uD83D\uDE00'; rename it before it lands (data_expression), or declare the table's columns");
        assertThatThrownBy(() -> {
            try (TableWriteBatch batch = batch()) {
                batch.target(db, ns, "inf_emoji", List.of(ColumnDef.of("id", "integer", "inf_emoji", POS),
                        ColumnDef.of("smile \uD83D\uDE00", "integer", "inf_emoji", POS)), CREATE, POS);
            }
        }).hasMessage("Declared column 'smile \uD83D\uDE00' of table 'inf_emoji' cannot be a column name on MySQL: MySQL"
                + " and MariaDB names cannot hold characters beyond U+FFFF, such as '\uD83D\uDE00'; rename it");
        assertThat(db.query("SELECT 1 FROM information_schema.tables WHERE table_schema = '" + ns
                + "' AND table_name = 'inf_emoji'")).isEmpty();
        write("inf_emoji", CREATE, List.of(rec("id", 1, "caf\u00e9 \u4e2d", 1))); // within U+FFFF: lands
        assertThat(columns("inf_emoji")).containsExactly("id bigint", "caf\u00e9 \u4e2d bigint");
    }

    /**
     * MySQL's column names ignore case: fields of one record that differ only in case would meet in one column, and
     * are refused naming both; a field spelt in another case than the column an earlier run made lands in it.
     */
    @Test
    void fieldsThatDifferOnlyInCaseAreOneColumnToMySql() {
        assertThatThrownBy(() -> write("inf_case", CREATE, List.of(rec("id", 1, "ID", 2))))
                .hasMessage("Fields 'id' and 'ID' of table 'inf_case' are one column on MySQL, whose column names"
                        + " ignore case; rename one of them before it lands (data_expression), or declare the"
                        + " table's columns");
        assertThat(db.query("SELECT 1 FROM information_schema.tables WHERE table_schema = '" + ns
                + "' AND table_name = 'inf_case'")).isEmpty();
        assertThatThrownBy(() -> write("inf_case", CREATE, List.of(rec("id", 1, "name ", "a", "name", "b"))))
                .hasMessage("Fields 'name ' and 'name' of table 'inf_case' are one column on MySQL, which stores both"
                        + " names as 'name'; rename one of them before it lands (a lower max_nesting, or"
                        + " data_expression), or declare the table's columns");
        write("inf_case", CREATE, List.of(rec("id", 1, "Name", "a")));
        write("inf_case", APPEND, List.of(rec("id", 2, "name", "b")));
        assertThat(columns("inf_case")).containsExactly("id bigint", "Name longtext");
        assertThat(texts("SELECT id, Name FROM " + q("inf_case") + " ORDER BY id")).containsExactly("1|a", "2|b");
    }

    /** As on PostgreSQL and DuckDB: without records there is no shape, but create and replace still empty the table. */
    @Test
    void noRecordsEmptyAnExistingTableInCreateAndReplaceAndKeepItInAppend() {
        for (WriteMode mode : List.of(WriteMode.CREATE, WriteMode.REPLACE, WriteMode.APPEND)) {
            String table = "inf_none_" + mode.key();
            write(table, CREATE, List.of(rec("id", 1)));
            write(table, WriteSpec.of(mode), List.of());
            assertThat(texts("SELECT id FROM " + q(table))).as(mode.key())
                    .isEqualTo(mode == WriteMode.APPEND ? List.of("1") : List.of());
            assertThat(columns(table)).containsExactly("id bigint");
        }
    }

    /** Records with only their key: the upsert has nothing to update, and a key seen again keeps its row. */
    @Test
    void anUpsertOfRecordsWithOnlyTheirKeyKeepsOneRowPerKey() {
        WriteSpec upsert = WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT);
        write("inf_only_key", upsert, List.of(rec("id", 1), rec("id", 2)));
        write("inf_only_key", upsert, List.of(rec("id", 2), rec("id", 3)));
        assertThat(texts("SELECT id FROM " + q("inf_only_key") + " ORDER BY id")).containsExactly("1", "2", "3");
    }
}
