package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every database must show, run once per database by the subclasses: atomic create/append writes,
 * value rendering, quoting, streaming, transform and schema changes, SQL error text.
 */
abstract class DatabaseBehaviourTest extends OpenedDatabaseTest {

    static final SourcePos POS = new SourcePos("flows/load.yaml", 7, 5);

    /** A quoted name, as the database quotes it (backticks on MySQL). */
    String qi(String name) {
        return db.dialect().quote(name);
    }

    static List<ColumnDef> cols(String... nameTypePairs) {
        return columnsAt(POS, nameTypePairs);
    }

    void write(String table, List<ColumnDef> columns, WriteMode mode, Object data) {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, ns, table, columns, mode, POS).addRows(data);
            batch.commit();
        }
    }

    List<Object> column(String sql) {
        return db.query(sql).stream().map(r -> r.get(0)).toList();
    }

    List<Long> longs(String sql) {
        return column(sql).stream().map(v -> ((Number) v).longValue()).toList();
    }

    long stagingTablesLeft() {
        return ((Number) db.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = '" + ns
                + "' AND left(table_name, 14) = '_sequor_stage_'").get(0).get("n")).longValue();
    }

    @Test
    void createModeReplacesTheTableAndAppendAddsRows() {
        List<ColumnDef> c = cols("id", "integer", "name", "text");
        write("people", c, WriteMode.CREATE, List.of(rec("id", 1, "name", "Ann"), rec("id", 2, "name", "Bob")));
        write("people", c, WriteMode.CREATE, List.of(rec("id", 3, "name", "Cy", "extra", "ignored")));
        assertThat(column("SELECT name FROM " + q("people") + " ORDER BY id")).containsExactly("Cy");

        write("people", c, WriteMode.APPEND, List.of(rec("id", 4), rec("id", 5L, "name", "Eve")));
        assertThat(db.query("SELECT id, name FROM " + q("people") + " ORDER BY id"))
                .extracting(r -> r.get("id") + ":" + r.get("name")).containsExactly("3:Cy", "4:null", "5:Eve");
        assertThat(stagingTablesLeft()).isZero();
    }

    @Test
    void severalAddRowsCallsAndTargetsOfOneOpCommitTogether() {
        List<ColumnDef> c = cols("id", "integer");
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, ns, "pages_a", c, WriteMode.CREATE, POS).addRows(List.of(rec("id", 1)));
            batch.target(db, ns, "pages_b", c, WriteMode.CREATE, POS).addRows(List.of(rec("id", 10)));
            // Same table again (next page): same target, rows accumulate.
            batch.target(db, ns, "pages_a", c, WriteMode.CREATE, POS).addRows(List.of(rec("id", 2)));
            assertThat(tableExists("pages_a")).isFalse();
            batch.commit();
        }
        assertThat(column("SELECT id FROM " + q("pages_a") + " ORDER BY id")).containsExactly(1, 2);
        assertThat(column("SELECT id FROM " + q("pages_b"))).containsExactly(10);
    }

    boolean tableExists(String table) {
        return !db.query("SELECT 1 FROM information_schema.tables WHERE table_schema = '" + ns + "' AND table_name = '"
                + table + "'").isEmpty();
    }

    @Test
    void appendToAMissingTableFailsBeforeWriting() {
        assertThatThrownBy(() -> write("no_such_table", cols("id", "integer"), WriteMode.APPEND, List.of()))
                .isInstanceOf(SequorException.class)
                .hasMessage("Table " + q("no_such_table") + " does not exist for write_mode append")
                .extracting(e -> ((SequorException) e).pos()).isEqualTo(POS);
    }

    @Test
    void zeroRowsStillCreateTheTable() {
        write("empty_result", cols("id", "integer", "name", "text"), WriteMode.CREATE, List.of());
        assertThat(db.columnNames(ns, "empty_result")).containsExactly("id", "name");
        assertThat(db.query("SELECT * FROM " + q("empty_result"))).isEmpty();
    }

    /**
     * The start of the error for a value its column refuses: {@code naming} (table, row, column, value) and the
     * database's own words, where the dialect can tell which value it was ({@link Dialect#misfitIn}).
     */
    String refusedValue(String naming) {
        return naming + "SQL error on source 'stage': ";
    }

    @Test
    void aFailingOpLeavesThePreviousTableAndNoStagingData() {
        List<ColumnDef> c = cols("id", "integer", "name", "text");
        write("orders", c, WriteMode.CREATE, List.of(rec("id", 1, "name", "old")));

        // A bad element in the second page: the op fails, nothing is committed.
        assertThatThrownBy(() -> {
            try (TableWriteBatch batch = new TableWriteBatch()) {
                TableTarget t = batch.target(db, ns, "orders", c, WriteMode.CREATE, POS);
                t.addRows(List.of(rec("id", 2, "name", "new")));
                t.addRows(List.of(rec("id", 3), "not a record"));
                batch.commit();
            }
        }).isInstanceOf(SequorException.class)
                .hasMessage("Element of 'data' array for table 'orders' must be a dictionary. Type 'str' provided: not a record");
        assertThat(column("SELECT name FROM " + q("orders"))).containsExactly("old");

        // A value the database rejects ("abc" for an integer): fails at load or at commit, depending on the database.
        assertThatThrownBy(() -> {
            try (TableWriteBatch batch = new TableWriteBatch()) {
                TableTarget t = batch.target(db, ns, "orders", c, WriteMode.APPEND, POS);
                t.addRows(List.of(rec("id", 7, "name", "fine")));
                t.addRows(List.of(rec("id", "abc", "name", "bad")));
                batch.commit();
            }
        }).isInstanceOf(SequorException.class).hasMessageStartingWith(refusedValue("Value 'abc' in row 2 for table"
                + " 'orders' does not fit column 'id' of type integer (")).message().doesNotContain("\n");
        assertThat(column("SELECT name FROM " + q("orders"))).containsExactly("old");
        assertThat(stagingTablesLeft()).isZero();
    }

    /** JSON the database refuses is named like any other value (PostgreSQL's context has a line of JSON's own first). */
    @Test
    void jsonThatIsNoJsonIsNamedWithItsRowAndColumn() {
        write("docs", cols("id", "integer", "doc", "json"), WriteMode.CREATE, List.of(rec("id", 1, "doc", "{\"a\": 1}")));
        assertThatThrownBy(() -> write("docs", cols("id", "integer", "doc", "json"), WriteMode.CREATE, List.of(
                rec("id", 2, "doc", "[1, 2]"), rec("id", 3, "doc", "not json"))))
                .isInstanceOf(SequorException.class)
                .hasMessageStartingWith("Value 'not json' in row 2 for table 'docs' does not fit column 'doc' of type json (");
        assertThat(longs("SELECT id FROM " + q("docs"))).containsExactly(1L);
        assertThat(stagingTablesLeft()).isZero();
    }

    /**
     * UTC offsets are read as PostgreSQL reads them: {@code +02} is two hours, {@code -0330} and {@code +15:59} as
     * written; an offset beyond 15:59 or with 60 minutes, and trailing text, are refused and named (MySQL cast them
     * shifted or cut the text off).
     */
    @Test
    void utcOffsetsAreReadAsPostgreSqlReadsThemAndOthersAreRefused() {
        List<ColumnDef> columns = cols("id", "integer", "at", "timestamptz");
        write("offsets", columns, WriteMode.CREATE, List.of(rec("id", 1, "at", "2024-05-01T10:00:00+02"),
                rec("id", 2, "at", "2024-05-01T10:00:00-0330"), rec("id", 3, "at", "2024-05-01T10:00:00+15:59")));
        assertThat(column("SELECT " + qi("at") + " FROM " + q("offsets") + " ORDER BY id").stream().map(DatabaseBehaviourTest::utc)
                .toList()).containsExactly("2024-05-01T08:00", "2024-05-01T13:30", "2024-04-30T18:01");
        for (String refused : List.of("2024-05-01T10:00:00+16:00", "2024-05-01T10:00:00+99:99",
                "2024-05-01T10:00:00+02:60", "2024-05-01T10:00:00xyz")) {
            assertThatThrownBy(() -> write("offsets", columns, WriteMode.CREATE, List.of(
                    rec("id", 1, "at", "2024-05-01T10:00:00Z"), rec("id", 2, "at", refused))))
                    .as(refused + " " + db.dialect().displayName()).isInstanceOf(SequorException.class)
                    .hasMessageStartingWith("Value '" + refused + "' in row 2 for table 'offsets' does not fit column"
                            + " 'at' of type timestamptz (");
        }
        assertThat(longs("SELECT id FROM " + q("offsets") + " ORDER BY id")).containsExactly(1L, 2L, 3L);
        assertThat(stagingTablesLeft()).isZero();
    }

    /** A timestamp as the database returns it, as its UTC time ({@code 2024-05-01T08:00}). */
    private static String utc(Object value) {
        if (value instanceof java.time.OffsetDateTime o) {
            return o.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC).toLocalDateTime().toString();
        }
        return String.valueOf(value); // LocalDateTime: MySQL's DATETIME holds the UTC time
    }

    @Test
    void dataThatIsNotAListIsRejected() {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            TableTarget t = batch.target(db, ns, "rejects", cols("id", "integer"), WriteMode.CREATE, POS);
            assertThatThrownBy(() -> t.addRows(Map.of("id", 1)))
                    .hasMessage("'data' for table 'rejects' must be a list. Type 'dict' provided: {\"id\":1}");
            assertThatThrownBy(() -> t.addRows(null))
                    .hasMessage("'data' for table 'rejects' must be a list. Type 'NoneType' provided: None");
        }
        assertThat(tableExists("rejects")).isFalse();
        assertThat(stagingTablesLeft()).isZero();
    }

    @Test
    void valuesLandAsJsonBooleansAndExactDecimals() {
        List<ColumnDef> c = cols("obj", "text", "arr", "text", "flag", "boolean", "flag_text", "text",
                "amount", "NUMERIC(10,2)", "ratio", "double precision", "big", "bigint", "day", "date",
                "at", "timestamp", "doc", "json");
        Map<String, Object> nested = rec("a", 1, "b", List.of(true, "x"), "c", null);
        write("typed_values", c, WriteMode.CREATE, List.of(rec("obj", nested, "arr", List.of(1, 2.5, "s"),
                "flag", true, "flag_text", false, "amount", new BigDecimal("1234.5"), "ratio", 1.0E10,
                "big", 9007199254740993L, "day", LocalDate.of(2024, 2, 29), "at", LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                "doc", rec("k", "v"))));

        Row row = db.query("SELECT * FROM " + q("typed_values")).get(0);
        assertThat(row.get("obj")).isEqualTo("{\"a\":1,\"b\":[true,\"x\"],\"c\":null}");
        assertThat(row.get("arr")).isEqualTo("[1,2.5,\"s\"]");
        assertThat(row.get("flag")).isEqualTo(Boolean.TRUE);
        assertThat(row.get("flag_text")).isEqualTo("false");
        assertThat(row.get("amount")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(row.get("ratio")).isEqualTo(1.0E10);
        assertThat(row.get("big")).isEqualTo(9007199254740993L);
        assertThat(row.get("day")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(row.get("at")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        assertThat(row.get("doc")).isInstanceOf(String.class).asString().contains("\"k\"").contains("\"v\"");

        Row precision = db.query("SELECT numeric_precision, numeric_scale FROM information_schema.columns"
                + " WHERE table_schema = '" + ns + "' AND table_name = 'typed_values' AND column_name = 'amount'").get(0);
        assertThat(((Number) precision.get(0)).intValue()).isEqualTo(10);
        assertThat(((Number) precision.get(1)).intValue()).isEqualTo(2);
    }

    /** Numbers written with an exponent, as text (a JSON string) or as numbers, land at the declared scale. */
    @Test
    void decimalsWithExponentsLandInADeclaredNumeric() {
        List<ColumnDef> c = cols("id", "integer", "amount", "NUMERIC(12,2)");
        write("exponents", c, WriteMode.CREATE, List.of(rec("id", 1, "amount", "1.5e2"), rec("id", 2, "amount", "1E3"),
                rec("id", 3, "amount", "-2.5E-1"), rec("id", 4, "amount", new BigDecimal("1.25E+2")),
                rec("id", 5, "amount", 1.0E2)));
        assertThat(db.query("SELECT amount FROM " + q("exponents") + " ORDER BY id")).extracting(r -> r.get("amount"))
                .containsExactly(new BigDecimal("150.00"), new BigDecimal("1000.00"), new BigDecimal("-0.25"),
                        new BigDecimal("125.00"), new BigDecimal("100.00"));
    }

    @Test
    void identifiersWithSpacesCapitalsAndQuotesAreKept() {
        List<ColumnDef> c = cols("First Name", "text", "Age", "integer", "say \"hi\"", "text");
        write("My Table", c, WriteMode.CREATE, List.of(rec("First Name", "Ann", "Age", 30, "say \"hi\"", "hello")));
        write("My Table", c, WriteMode.APPEND, List.of(rec("First Name", "Bob")));
        assertThat(db.columnNames(ns, "My Table")).containsExactly("First Name", "Age", "say \"hi\"");
        List<Row> rows = db.query("SELECT " + qi("First Name") + ", " + qi("Age") + ", " + qi("say \"hi\"") + " FROM "
                + q("My Table") + " ORDER BY " + qi("First Name"));
        assertThat(rows).extracting(r -> r.get("First Name") + "/" + r.get("Age") + "/" + r.get("say \"hi\""))
                .containsExactly("Ann/30/hello", "Bob/null/null");
    }

    @Test
    void textWithTabsNewlinesAndBackslashesRoundTrips() {
        String tricky = "a\tb\nc\r\\N\\d \"q\" 'single' ü €";
        write("tricky", cols("v", "text"), WriteMode.CREATE, List.of(rec("v", tricky), rec("v", "")));
        assertThat(column("SELECT v FROM " + q("tricky") + " ORDER BY v")).containsExactly("", tricky);
    }

    @Test
    void bulkLoadAndStreamingRead100kRows() {
        int n = 100_000;
        List<Map<String, Object>> data = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            data.add(rec("id", i, "name", "name " + i, "amount", new BigDecimal(i + ".25"), "active", i % 2 == 0));
        }
        long start = System.nanoTime();
        write("big", cols("id", "integer", "name", "text", "amount", "NUMERIC(12,2)", "active", "boolean"),
                WriteMode.CREATE, data);
        System.out.printf("[timing] %s bulk load of %d rows (4 columns, staged + committed): %d ms%n",
                db.dialect().displayName(), n, (System.nanoTime() - start) / 1_000_000);

        AtomicLong count = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        start = System.nanoTime();
        db.forEachRow("SELECT id, name FROM " + q("big") + " ORDER BY id", row -> {
            if (count.get() == 0) {
                // The handler may use the same source while the stream is open (for_each with queries inside).
                assertThat(db.query("SELECT count(*) AS n FROM " + q("big")).get(0).get("n")).isEqualTo(100_000L);
            }
            assertThat(row.get("name")).isEqualTo("name " + row.get("id"));
            count.incrementAndGet();
            sum.addAndGet(((Number) row.get("id")).longValue());
        });
        System.out.printf("[timing] %s streamed read of %d rows: %d ms%n", db.dialect().displayName(), n,
                (System.nanoTime() - start) / 1_000_000);
        assertThat(count.get()).isEqualTo(n);
        assertThat(sum.get()).isEqualTo((long) n * (n - 1) / 2);
    }

    @Test
    void anExceptionFromTheRowHandlerStopsTheStreamUnchanged() {
        write("few", cols("id", "integer"), WriteMode.CREATE, List.of(rec("id", 1), rec("id", 2), rec("id", 3)));
        AtomicLong seen = new AtomicLong();
        IllegalStateException stop = new IllegalStateException("stop here");
        assertThatThrownBy(() -> db.forEachRow("SELECT id FROM " + q("few") + " ORDER BY id", row -> {
            if (seen.incrementAndGet() == 2) {
                throw stop;
            }
        })).isSameAs(stop);
        assertThat(seen.get()).isEqualTo(2);
        // The connection went back in a usable state.
        assertThat(column("SELECT count(*) FROM " + q("few"))).containsExactly(3L);
    }

    @Test
    void replaceTableAsIsAtomicAndMayReadTheTableItReplaces() {
        db.execute("CREATE TABLE " + q("summary") + " (a integer)");
        db.execute("INSERT INTO " + q("summary") + " VALUES (1), (2)");
        // the database tells how many rows the new table has: the run's summary reports them
        assertThat(db.replaceTableAs(ns, "summary", "SELECT a * 10 AS a FROM " + q("summary") + ";")).isEqualTo(2);
        // a * 10 is an integer, of the database's choice of width (BIGINT on MySQL)
        assertThat(longs("SELECT a FROM " + q("summary") + " ORDER BY a")).containsExactly(10L, 20L);
        assertThat(db.replaceTableAs(ns, "nothing", "SELECT a FROM " + q("summary") + " WHERE a < 0")).isZero();

        assertThatThrownBy(() -> db.replaceTableAs(ns, "summary", "SELECT no_such_column FROM " + q("summary")))
                .isInstanceOf(SequorException.class).hasMessageStartingWith("SQL error on source 'stage': ")
                .hasMessageContaining("no_such_column");
        // a * 10 is an integer, of the database's choice of width (BIGINT on MySQL)
        assertThat(longs("SELECT a FROM " + q("summary") + " ORDER BY a")).containsExactly(10L, 20L);
        assertThat(stagingTablesLeft()).isZero();
    }

    @Test
    void anInjectedColumnTypeIsRefusedBeforeAnySql() {
        db.execute("CREATE TABLE " + q("victim") + " (a integer)");
        db.execute("INSERT INTO " + q("victim") + " VALUES (1)");
        String injected = "integer); drop table " + q("victim") + "; --";
        assertThatThrownBy(() -> cols("id", injected)).isInstanceOf(SequorException.class)
                .hasMessageStartingWith("Column 'id' of table 'test': \"integer); drop table ");
        assertThatThrownBy(() -> db.alterColumns(ns, "victim", cols("b", injected), List.of()))
                .isInstanceOf(SequorException.class);
        assertThat(column("SELECT a FROM " + q("victim"))).containsExactly(1);
        assertThat(db.columnNames(ns, "victim")).containsExactly("a");
    }

    @Test
    void alterColumnsAddsAndDropsInOneTransaction() {
        db.execute("CREATE TABLE " + q("evolving") + " (id integer, old_col text, " + qi("Keep Me") + " text)");
        db.alterColumns(ns, "evolving", List.of(ColumnDef.of("New Col", "NUMERIC(10,2)", "evolving", POS)), List.of("old_col"));
        assertThat(db.columnNames(ns, "evolving")).containsExactly("id", "Keep Me", "New Col");

        assertThatThrownBy(() -> db.alterColumns(ns, "evolving", List.of(ColumnDef.of("another", "text", "evolving", POS)),
                List.of("not_there"))).isInstanceOf(SequorException.class)
                .hasMessageStartingWith("SQL error on source 'stage': ").hasMessageContaining("not_there");
        assertThat(db.columnNames(ns, "evolving")).containsExactly("id", "Keep Me", "New Col");
    }

    @Test
    void columnNamesOfAMissingTableIsAnError() {
        assertThatThrownBy(() -> db.columnNames(ns, "nowhere"))
                .hasMessage("Table " + q("nowhere") + " does not exist on source 'stage'");
    }

    @Test
    void sqlErrorsAreOneSentenceNamingTheSource() {
        assertThatThrownBy(() -> db.query("SELECT * FROM " + q("missing_table")))
                .isInstanceOf(SequorException.class)
                .hasMessageStartingWith("SQL error on source 'stage': ")
                .hasMessageContaining("missing_table")
                .message().doesNotContain("\n").doesNotContain("LINE 1");
        assertThatThrownBy(() -> db.execute("SELEC 1")).hasMessageStartingWith("SQL error on source 'stage': ")
                .hasMessageContaining("syntax error");
        assertThatThrownBy(() -> db.forEachRow("SELECT * FROM " + q("missing_table"), r -> { }))
                .hasMessageStartingWith("SQL error on source 'stage': ").hasMessageContaining("missing_table")
                .message().doesNotContain("\n");
    }

    @Test
    void queryWithoutRowsAndStatementsWithoutResults() {
        assertThat(db.query("SELECT 1 AS one WHERE 1 = 0")).isEmpty();
        db.execute("CREATE TABLE " + q("stmt") + " (id integer)");
        db.execute("INSERT INTO " + q("stmt") + " VALUES (1)");
        assertThat(column("SELECT id FROM " + q("stmt"))).containsExactly(1);
    }
}
