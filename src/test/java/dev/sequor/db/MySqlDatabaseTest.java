package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.testing.MySqlTestDatabase;
import dev.sequor.testing.OpenedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared database behaviour on the real MariaDB (or MySQL) server, in a database of its own, plus what differs
 * there: type names, swaps without transactional DDL, staging leftovers told apart by their locks, long names, a
 * connection killed mid-op.
 */
class MySqlDatabaseTest extends DatabaseBehaviourTest {

    final List<String> notices = new ArrayList<>();

    @Override
    OpenedDatabase open() throws Exception {
        return OpenedDatabase.mySql("sequor-mysql-test", POS, notices::add);
    }

    private String dataType(String table, String column) throws Exception {
        try (Connection c = MySqlTestDatabase.connect(ns); PreparedStatement ps = c.prepareStatement(
                "SELECT column_type FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                        + " AND column_name = ?")) {
            ps.setString(1, ns);
            ps.setString(2, table);
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void theNamespaceIsTheConnectionsDatabaseAndNamesAreBackticked() {
        assertThat(db.defaultNamespace()).isEqualTo(ns);
        assertThat(db.dialect().qualified("a`b", "t")).isEqualTo("`a``b`.`t`");
        write("plain", cols("id", "integer"), WriteMode.CREATE, List.of(rec("id", 1)));
        // null namespace: the conn_str's database
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, null, "plain", cols("id", "integer"), WriteMode.APPEND, POS).addRows(List.of(rec("id", 2)));
            batch.commit();
        }
        assertThat(column("SELECT id FROM " + q("plain") + " ORDER BY id")).containsExactly(1, 2);
        // a transform without target_namespace replaces the table in the conn_str's database, also when it exists
        assertThat(db.replaceTableAs(null, "plain", "SELECT id * 3 AS id FROM " + q("plain"))).isEqualTo(2);
        assertThat(db.replaceTableAs(null, "plain", "SELECT id FROM " + q("plain") + " WHERE id > 3")).isEqualTo(1);
        assertThat(longs("SELECT id FROM " + q("plain"))).containsExactly(6L);
        assertThat(stagingTablesLeft()).isZero();
    }

    @Test
    void declaredTypesAreSpelledTheMySqlWay() throws Exception {
        write("spelled", cols("t", "text", "j", "jsonb", "ts", "timestamp with time zone", "ts3", "timestamp(3)",
                "b", "boolean", "d", "double precision", "n", "numeric(12,2)", "v", "varchar(20)"), WriteMode.CREATE,
                List.of(rec("t", "x", "j", rec("a", 1), "ts", "2024-01-02 03:04:05.123456", "ts3", "2024-01-02T03:04:05",
                        "b", "false", "d", 1.5, "n", "12.5", "v", "short")));
        assertThat(dataType("spelled", "t")).isEqualTo("longtext");
        assertThat(dataType("spelled", "ts")).isEqualTo("datetime(6)");
        assertThat(dataType("spelled", "ts3")).isEqualTo("datetime(3)");
        assertThat(dataType("spelled", "b")).isEqualTo("tinyint(1)");
        assertThat(dataType("spelled", "d")).isEqualTo("double");
        assertThat(dataType("spelled", "n")).isEqualTo("decimal(12,2)");
        assertThat(dataType("spelled", "v")).isEqualTo("varchar(20)");
        Row row = db.query("SELECT * FROM " + q("spelled")).get(0);
        assertThat(row.get("b")).isEqualTo(Boolean.FALSE);
        assertThat(row.get("j")).isEqualTo("{\"a\":1}");
        assertThat(row.get("ts").toString()).isEqualTo("2024-01-02T03:04:05.123456");
    }

    @Test
    void isoTimestampsWithAnOffsetLandInUtcAndGarbageIsRefused() throws Exception {
        write("times", cols("id", "integer", "at", "timestamptz"), WriteMode.CREATE, List.of(rec("id", 1, "at",
                "2024-05-01T10:00:00+02:00"), rec("id", 2, "at", "2024-05-01T10:00:00.5Z"), rec("id", 3, "at",
                "2024-05-01T10:00:00-0330"), rec("id", 4, "at", "2024-05-01 10:00:00"), rec("id", 5, "at", null),
                // beyond what CONVERT_TZ takes on MariaDB (it gave NULL): Kiribati's +14:00, and the most ISO allows
                rec("id", 6, "at", "2024-01-01T00:00:00.25+14:00"), rec("id", 7, "at", "2024-01-01T00:00:00-12:00"),
                rec("id", 8, "at", "2024-01-01T00:00:00+15:59")));
        assertThat(db.query("SELECT at FROM " + q("times") + " ORDER BY id").stream()
                .map(r -> String.valueOf(r.get("at"))).toList()).containsExactly("2024-05-01T08:00", "2024-05-01T10:00:00.500",
                "2024-05-01T13:30", "2024-05-01T10:00", "null", "2023-12-31T10:00:00.250", "2024-01-01T12:00",
                "2023-12-31T08:01");
        assertThatThrownBy(() -> write("times", cols("id", "integer", "at", "timestamptz"), WriteMode.REPLACE,
                List.of(rec("id", 6, "at", "soonZ")))).isInstanceOf(SequorException.class).hasMessageContaining("soon");
        assertThat(db.query("SELECT count(*) AS n FROM " + q("times")).get(0).get("n").toString()).isEqualTo("8");
    }

    /** MySQL's own {@code datetime}, declared in any case, takes ISO text with an offset as a timestamp does. */
    @Test
    void aDeclaredDatetimeInAnyCaseTakesIsoTextWithAnOffset() {
        write("datetimes", cols("a", "datetime", "b", "datetime(3)", "c", "DATETIME"), WriteMode.CREATE,
                List.of(rec("a", "2024-05-01T10:00:00+02:00", "b", "2024-05-01T10:00:00.123Z", "c", "2024-05-01 10:00:00")));
        Row row = db.query("SELECT a, b, c FROM " + q("datetimes")).get(0);
        assertThat(List.of(row.get("a"), row.get("b"), row.get("c")).stream().map(String::valueOf).toList())
                .containsExactly("2024-05-01T08:00", "2024-05-01T10:00:00.123", "2024-05-01T10:00");
    }

    @Test
    void aBooleanThatIsNoBooleanIsRefused() {
        assertThatThrownBy(() -> write("flags", cols("f", "boolean"), WriteMode.CREATE, List.of(rec("f", "maybe"))))
                .isInstanceOf(SequorException.class).hasMessageStartingWith("Value 'maybe' in row 1 for table 'flags'"
                        + " does not fit column 'f' of type boolean (SQL error on source 'stage': ");
        assertThat(tableExists("flags")).isFalse();
        assertThat(stagingTablesLeft()).isZero();
    }

    /**
     * Booleans, timestamps and JSON are staged as text and refused by the move from staging, whose error names the
     * staging table and a row of its own statement (or, for MariaDB's JSON CHECK, neither value nor row): the value is
     * found in the numbered staged rows and named with its table, load row and column, under every write mode, and
     * the first refused row wins across columns.
     */
    @Test
    void aValueRefusedWhenItMovesFromStagingIsNamedWithItsLoadRow() {
        List<ColumnDef> columns = cols("id", "integer", "f", "boolean", "at", "timestamptz", "j", "json");
        List<Map<String, Object>> good = List.of(rec("id", 1, "f", "true", "at", "2024-05-01T10:00:00Z", "j", "{\"a\": 1}"),
                rec("id", 2, "f", "1", "at", "2024-05-01 10:00:00", "j", "[1]"));
        write("moved", columns, WriteMode.CREATE, good);
        Map<String, String> refused = Map.of("f", "maybe", "at", "not-a-ts", "j", "not json");
        for (WriteSpec spec : List.of(WriteSpec.of(WriteMode.CREATE), WriteSpec.of(WriteMode.APPEND),
                WriteSpec.merge(List.of("id"), MergeStrategy.DELETE_INSERT))) {
            for (Map.Entry<String, String> bad : refused.entrySet()) {
                List<Map<String, Object>> rows = new java.util.ArrayList<>(good);
                Map<String, Object> third = new java.util.LinkedHashMap<>(rec("id", 3, "f", "false", "at",
                        "2024-05-01T10:00:00+14:00", "j", "null"));
                third.put(bad.getKey(), bad.getValue());
                rows.add(third);
                // a later row refused in another column: the earlier row is the one named
                rows.add(rec("id", 4, "f", "nope", "at", "never", "j", "{"));
                assertThatThrownBy(() -> {
                    try (TableWriteBatch batch = new TableWriteBatch()) {
                        batch.target(db, ns, "moved", columns, spec, POS).addRows(rows);
                        batch.commit();
                    }
                }).as(spec.mode() + " " + bad.getKey()).isInstanceOf(SequorException.class)
                        .hasMessageStartingWith("Value '" + bad.getValue() + "' in row 3 for table 'moved' does not fit"
                                + " column '" + bad.getKey() + "' of type ");
                assertThat(longs("SELECT id FROM " + q("moved") + " ORDER BY id")).containsExactly(1L, 2L);
                assertThat(stagingTablesLeft()).isZero();
            }
        }
    }

    /** A boolean the move takes (1.0, spaces, an exponent) is never named when the commit fails for another reason. */
    @Test
    void booleansTheMoveTakesAreNotBlamedForAnotherFailure() {
        db.execute("CREATE TABLE " + q("flags_keyed") + " (id integer PRIMARY KEY, f boolean)");
        db.execute("INSERT INTO " + q("flags_keyed") + " VALUES (5, 1)");
        assertThatThrownBy(() -> write("flags_keyed", cols("id", "integer", "f", "boolean"), WriteMode.APPEND,
                List.of(rec("id", 6, "f", "1.0"), rec("id", 7, "f", " 1"), rec("id", 8, "f", "1e0"),
                        rec("id", 5, "f", "true"))))
                .isInstanceOf(SequorException.class).hasMessageStartingWith("SQL error on source 'stage': Duplicate entry '5'");
        write("flags_keyed", cols("id", "integer", "f", "boolean"), WriteMode.APPEND,
                List.of(rec("id", 6, "f", "1.0"), rec("id", 7, "f", " 0"), rec("id", 8, "f", "1e0")));
        assertThat(column("SELECT f FROM " + q("flags_keyed") + " ORDER BY id"))
                .containsExactly(Boolean.TRUE, Boolean.TRUE, Boolean.FALSE, Boolean.TRUE);
    }

    @Test
    void aFailingAppendAtCommitLeavesTheReplacedTablesOfTheSameOpUntouched() {
        write("replaced", cols("id", "integer"), WriteMode.CREATE, List.of(rec("id", 1)));
        db.execute("CREATE TABLE " + q("keyed") + " (id integer PRIMARY KEY)");
        db.execute("INSERT INTO " + q("keyed") + " VALUES (5)");
        assertThatThrownBy(() -> {
            try (TableWriteBatch batch = new TableWriteBatch()) {
                batch.target(db, ns, "replaced", cols("id", "integer"), WriteMode.CREATE, POS)
                        .addRows(List.of(rec("id", 2)));
                batch.target(db, ns, "keyed", cols("id", "integer"), WriteMode.APPEND, POS)
                        .addRows(List.of(rec("id", 6), rec("id", 5)));
                batch.commit();
            }
        }).isInstanceOf(SequorException.class).hasMessageStartingWith("SQL error on source 'stage': Duplicate entry '5'");
        assertThat(column("SELECT id FROM " + q("replaced"))).containsExactly(1);
        assertThat(column("SELECT id FROM " + q("keyed"))).containsExactly(5);
        assertThat(stagingTablesLeft()).isZero();
    }

    @Test
    void wideTablesLoadInFullStatementsAndARest() {
        // 70 columns: 936 rows per statement fit the 65,535 placeholders, so 2,345 rows are two full statements and 473
        String[] spec = new String[140];
        for (int i = 0; i < 70; i++) {
            spec[2 * i] = "c" + i;
            spec[2 * i + 1] = "integer";
        }
        List<java.util.Map<String, Object>> data = new ArrayList<>();
        for (int r = 0; r < 2_345; r++) {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < 70; i++) {
                row.put("c" + i, r + i);
            }
            data.add(row);
        }
        write("wide", cols(spec), WriteMode.CREATE, data);
        assertThat(db.query("SELECT count(*) AS n, sum(c0) AS s0, sum(c69) AS s69 FROM " + q("wide")).get(0))
                .extracting(r -> ((Number) r.get("n")).longValue(), r -> ((Number) r.get("s0")).longValue(),
                        r -> ((Number) r.get("s69")).longValue())
                .containsExactly(2_345L, 2_345L * 2_344 / 2, 2_345L * 2_344 / 2 + 69L * 2_345);
    }

    /**
     * What docs/databases/mysql.md promises a concurrent reader: while an op replaces a table again and again, every
     * read sees it whole, old or new, and never finds it missing. (A property of every read, not a timing.)
     */
    @Test
    void aReaderSeesAReplacedTableWholeAndNeverMissing() throws Exception {
        List<ColumnDef> c = cols("id", "integer");
        write("swapped", c, WriteMode.CREATE, List.of(rec("id", 1), rec("id", 2), rec("id", 3)));
        java.util.Set<Long> counts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
        Thread reader = new Thread(() -> {
            try (Connection r = MySqlTestDatabase.connect(ns); Statement s = r.createStatement()) {
                while (writing.get() || reads.get() == 0) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM `swapped`")) {
                        rs.next();
                        counts.add(rs.getLong(1));
                        reads.incrementAndGet();
                    } catch (java.sql.SQLException e) {
                        errors.add(e.getMessage());
                    }
                }
            } catch (java.sql.SQLException e) {
                errors.add(e.getMessage());
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 15; i++) {
                write("swapped", c, WriteMode.CREATE, i % 2 == 0 ? List.of(rec("id", 1), rec("id", 2), rec("id", 3),
                        rec("id", 4), rec("id", 5)) : List.of(rec("id", 1), rec("id", 2), rec("id", 3)));
                db.replaceTableAs(ns, "swapped", "SELECT id FROM " + q("swapped"));
            }
        } finally {
            writing.set(false);
            reader.join();
        }
        assertThat(errors).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(counts).isSubsetOf(3L, 5L);
        assertThat(stagingTablesLeft()).isZero();
    }

    @Test
    void oneOpReplacesTablesInTwoDatabasesWithOneRename() {
        try (MySqlTestDatabase other = MySqlTestDatabase.createDatabase()) {
            List<ColumnDef> c = cols("id", "integer");
            write("here", c, WriteMode.CREATE, List.of(rec("id", 1)));
            try (TableWriteBatch batch = new TableWriteBatch()) {
                batch.target(db, ns, "here", c, WriteMode.CREATE, POS).addRows(List.of(rec("id", 2)));
                batch.target(db, other.database(), "there", c, WriteMode.CREATE, POS).addRows(List.of(rec("id", 3)));
                batch.commit();
            }
            assertThat(column("SELECT id FROM " + q("here"))).containsExactly(2);
            assertThat(column("SELECT id FROM " + db.dialect().qualified(other.database(), "there"))).containsExactly(3);
            assertThat(db.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema IN ('" + ns
                    + "', '" + other.database() + "') AND table_name LIKE '\\_sequor\\_stage\\_%'").get(0).get("n"))
                    .isEqualTo(0L);
        }
    }

    @Test
    void tableNamesOfSixtyFourCharactersWork() {
        String longName = "t".repeat(MySqlDialect.MAX_IDENTIFIER);
        write(longName, cols("id", "integer"), WriteMode.CREATE, List.of(rec("id", 1)));
        write(longName, cols("id", "integer"), WriteMode.CREATE, List.of(rec("id", 2)));
        assertThat(db.replaceTableAs(ns, longName, "SELECT id + 1 AS id FROM " + q(longName))).isEqualTo(1);
        assertThat(longs("SELECT id FROM " + q(longName))).containsExactly(3L);
        assertThat(stagingTablesLeft()).isZero();
    }

    @Test
    void stagingLeftoversAreDroppedUnlessTheirLockIsHeld() throws Exception {
        try (Connection other = MySqlTestDatabase.connect(ns); Statement s = other.createStatement()) {
            s.execute("CREATE TABLE `_sequor_stage_dead0000_x` (a integer)");
            s.execute("CREATE TABLE `_sequor_stage_busy0000_x` (a integer)");
            s.execute("SELECT GET_LOCK('_sequor_stage_busy0000_x', 0)");
            // a fresh source: the sweep runs on the first write to each namespace of a run
            try (Databases fresh = new Databases(Files.createTempDirectory("sequor-mysql-sweep"), Path.of("."),
                    notices::add)) {
                Database again = fresh.open("stage", opened.sourceConfig(), POS);
                try (TableWriteBatch batch = new TableWriteBatch()) {
                    batch.target(again, ns, "swept", cols("id", "integer"), WriteMode.CREATE, POS).addRows(List.of());
                    batch.commit();
                }
            }
            assertThat(tableExists("_sequor_stage_dead0000_x")).isFalse();
            assertThat(tableExists("_sequor_stage_busy0000_x")).isTrue();
            assertThat(notices).contains("Dropped 1 staging table left in '" + ns
                    + "' of source 'stage' by earlier runs that did not finish: _sequor_stage_dead0000_x");
            s.execute("DROP TABLE `_sequor_stage_busy0000_x`");
        }
    }

    @Test
    void aConnectionKilledMidOpFailsWithOneSentenceAndTheNextOpReconnects() throws Exception {
        write("survivor", cols("id", "integer"), WriteMode.CREATE, List.of(rec("id", 1)));
        assertThatThrownBy(() -> {
            try (TableWriteBatch batch = new TableWriteBatch()) {
                TableTarget t = batch.target(db, ns, "survivor", cols("id", "integer"), WriteMode.CREATE, POS);
                t.addRows(List.of(rec("id", 2)));
                killSessionsOf(ns);
                t.addRows(List.of(rec("id", 3)));
                batch.commit();
            }
        }).isInstanceOf(SequorException.class)
                .hasMessageStartingWith("Connection to database source 'stage' was lost (")
                .hasMessageEndingWith("); the op's uncommitted writes were discarded and the next op that uses the"
                        + " source reconnects");
        assertThat(column("SELECT id FROM " + q("survivor"))).containsExactly(1);
        write("survivor", cols("id", "integer"), WriteMode.APPEND, List.of(rec("id", 4)));
        assertThat(column("SELECT id FROM " + q("survivor") + " ORDER BY id")).containsExactly(1, 4);
    }

    /** What an administrator's KILL does: every session on this test's database but the killer's own. */
    private static void killSessionsOf(String database) throws Exception {
        try (Connection c = MySqlTestDatabase.connect(""); Statement s = c.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM information_schema.processlist WHERE db = '" + database
                    + "' AND id <> CONNECTION_ID()")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id : ids) {
                s.execute("KILL CONNECTION " + id);
            }
        }
    }

    @Test
    void syntaxErrorsLoseTheDriverPrefixAndTheManual() {
        assertThatThrownBy(() -> db.execute("SELEC 1"))
                .hasMessage("SQL error on source 'stage': syntax error near 'SELEC 1' at line 1");
    }
}
