package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.error.SourcePos;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Nothing of a failed run stays behind: a run that crashes mid-op (a JVM halted while rows are staged) leaves no
 * staging table and the target as it was, on PostgreSQL and DuckDB; and real {@code _sequor_stage_*} tables that
 * older versions left are dropped on a run's first write to their namespace, with one log line, but never while
 * another Sequor is connected to the same PostgreSQL database. PostgreSQL runs in a database of this class's own,
 * so the sessions of other test runs on the server cannot count as "another Sequor".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StagingLeftoversTest {

    static final SourcePos POS = new SourcePos("flows/load.yaml", 7, 5);

    ScratchPostgresDatabase pg;
    Path dir;
    /** What the runs of a test said to the run log. */
    final List<String> notices = new ArrayList<>();

    @BeforeAll
    void open() throws Exception {
        pg = ScratchPostgresDatabase.create("leftovers");
        dir = Files.createTempDirectory("sequor-leftovers-test");
    }

    @AfterAll
    void close() {
        if (pg != null) {
            pg.close();
        }
    }

    @BeforeEach
    void freshTables() throws Exception {
        notices.clear();
        pg.execute("DROP SCHEMA IF EXISTS public CASCADE");
        pg.execute("DROP SCHEMA IF EXISTS other CASCADE");
        pg.execute("CREATE SCHEMA public");
        pg.execute("CREATE SCHEMA other");
        pg.execute("CREATE TABLE users (id integer, name text)");
        pg.execute("INSERT INTO users VALUES (1, 'Ann')");
    }

    /** A new run: each run drops leftovers once per namespace. */
    Databases run() {
        return new Databases(dir, dir.resolve(".cache"), notices::add);
    }

    static List<ColumnDef> columns() {
        return List.of(ColumnDef.of("id", "integer", "test", POS), ColumnDef.of("name", "text", "test", POS));
    }

    static void write(Database db, String namespace, String table, WriteMode mode) {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, namespace, table, columns(), mode, POS).addRows(List.of(Map.of("id", 2, "name", "Bob")));
            batch.commit();
        }
    }

    List<Object> stagingTablesIn(Database db, String namespace) {
        return db.query("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + namespace
                + "' AND left(table_name, 14) = '_sequor_stage_' ORDER BY table_name").stream().map(r -> r.get(0)).toList();
    }

    @Test
    void postgresLeftoversAreDroppedOnTheFirstWriteToTheirNamespaceWithOneLogLine() throws Exception {
        pg.execute("CREATE TABLE _sequor_stage_deadbeef_users (id integer)");
        pg.execute("CREATE TABLE _sequor_stage_0badf00d_orders (id integer)");
        pg.execute("CREATE TABLE other._sequor_stage_12345678_users (id integer)");
        try (Databases run = run()) {
            Database db = run.open("stage", pg.sourceConfig(), POS);
            write(db, "public", "users", WriteMode.APPEND);

            assertThat(stagingTablesIn(db, "public")).isEmpty();
            assertThat(stagingTablesIn(db, "other")).as("no write went there").containsExactly("_sequor_stage_12345678_users");
            assertThat(notices).containsExactly("Dropped 2 staging tables left in 'public' of source 'stage' by earlier"
                    + " runs that did not finish: _sequor_stage_0badf00d_orders, _sequor_stage_deadbeef_users");
            assertThat(pg.value("SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM users")).isEqualTo("1:Ann,2:Bob");

            // A transform is a write too: its namespace is cleared on its first write.
            db.replaceTableAs("other", "names", "SELECT name FROM public.users");
            assertThat(stagingTablesIn(db, "other")).isEmpty();
            assertThat(notices).hasSize(2).last().isEqualTo("Dropped 1 staging table left in 'other' of source 'stage'"
                    + " by earlier runs that did not finish: _sequor_stage_12345678_users");
        }
    }

    @Test
    void postgresLeftoversStayWhileAnotherSequorIsConnected() throws Exception {
        pg.execute("CREATE TABLE _sequor_stage_deadbeef_users (id integer)");
        try (Connection otherSequor = pg.connectAsSequor(); Databases run = run()) {
            Database db = run.open("stage", pg.sourceConfig(), POS);
            write(db, "public", "users", WriteMode.APPEND);
            // It may be an older version in the middle of an op, staging in that very table.
            assertThat(stagingTablesIn(db, "public")).containsExactly("_sequor_stage_deadbeef_users");
            assertThat(notices).isEmpty();
        }
        // The next run that has the database to itself drops it.
        try (Databases run = run()) {
            write(run.open("stage", pg.sourceConfig(), POS), "public", "users", WriteMode.APPEND);
            assertThat(pg.value("SELECT to_regclass('public._sequor_stage_deadbeef_users')")).isNull();
            assertThat(notices).containsExactly("Dropped 1 staging table left in 'public' of source 'stage' by"
                    + " earlier runs that did not finish: _sequor_stage_deadbeef_users");
        }
    }

    @Test
    void duckDbLeftoversAreDroppedOnTheFirstWrite() {
        Map<String, Object> source = Map.of("type", "duckdb", "conn_str", "duckdb:///leftovers.db");
        try (Databases run = run()) {
            run.open("stage", source, POS).execute("CREATE TABLE main._sequor_stage_deadbeef_users (id integer)");
        }
        try (Databases run = run()) {
            Database db = run.open("stage", source, POS);
            write(db, null, "users", WriteMode.CREATE);
            assertThat(db.query("SELECT count(*) AS n FROM duckdb_tables() WHERE starts_with(table_name, '_sequor_stage_')")
                    .get(0).get("n")).isEqualTo(0L);
            assertThat(notices).containsExactly("Dropped 1 staging table left in 'main' of source 'stage' by earlier"
                    + " runs that did not finish: _sequor_stage_deadbeef_users");
        }
    }

    @Test
    void aPostgresRunThatCrashesMidOpLeavesNothingBehind() throws Exception {
        try (Crash crash = Crash.start("postgres", String.valueOf(pg.sourceConfig().get("conn_str")), dir)) {
            assertThat(pg.stagingTables()).as("rows are staged in a temporary table").isEqualTo(1);
            crash.halt();
        }
        // The server ends the session when the socket closes, and its temporary tables with it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((pg.sequorSessions() > 0 || pg.stagingTables() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pg.stagingTables()).isZero();
        assertThat(pg.value("SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM users")).isEqualTo("1:Ann");
    }

    @Test
    void aDuckDbRunThatCrashesMidOpLeavesNothingBehind() throws Exception {
        Path project = Files.createTempDirectory(dir, "crash");
        Map<String, Object> source = Map.of("type", "duckdb", "conn_str", "duckdb:///data/crash.db");
        try (Databases run = new Databases(project, project.resolve(".cache"))) {
            write(run.open("stage", source, POS), null, "users", WriteMode.CREATE);
        }
        try (Crash crash = Crash.start("duckdb", "duckdb:///data/crash.db", project)) {
            crash.halt();
        }
        try (Databases run = new Databases(project, project.resolve(".cache"))) {
            Database db = run.open("stage", source, POS);
            assertThat(db.query("SELECT count(*) AS n FROM duckdb_tables() WHERE starts_with(table_name, '_sequor_stage_')")
                    .get(0).get("n")).isEqualTo(0L);
            assertThat(db.query("SELECT id, name FROM main.users")).extracting(r -> r.get("id") + ":" + r.get("name"))
                    .containsExactly("2:Bob");
        }
    }

    /** A {@link HaltMidOp} JVM: started, seen to stage, then halted. */
    private record Crash(Process process) implements AutoCloseable {

        static Crash start(String type, String connStr, Path projectDir) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    HaltMidOp.class.getName(), type, connStr, projectDir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (!"staged".equals(line)) {
                p.destroyForcibly();
                throw new IllegalStateException("the crashing run did not stage its rows; it printed: " + line);
            }
            return new Crash(p);
        }

        void halt() throws IOException, InterruptedException {
            try (OutputStream in = process.getOutputStream()) {
                in.write('\n');
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(HaltMidOp.HALTED);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
