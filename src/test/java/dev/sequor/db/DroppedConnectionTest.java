package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A PostgreSQL connection that drops while an op works (killed with pg_terminate_backend, as an administrator or
 * a server restart would): one plain sentence at the op's position, the targets as they were, no staging table
 * anywhere, and the next op on the same source gets a working connection. Runs in a database of its own so the
 * kills reach this class's sessions only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DroppedConnectionTest {

    static final SourcePos POS = new SourcePos("flows/load.yaml", 7, 5);

    static String lost(String reason) {
        return "Connection to database source 'stage' was lost (" + reason + "); the op's uncommitted writes were"
                + " discarded and the next op that uses the source reconnects";
    }

    /** The server's reason when the driver read the server's last message, else what the socket said. */
    static final String LOST = lost("terminating connection due to administrator command");

    /**
     * What a session killed from outside while idle gives: which text depends on timing (whether the driver read
     * the server's last message before its next write was refused), so each possible text is listed exactly.
     */
    static final List<String> LOST_WHILE_IDLE = List.of(LOST, lost("the server closed the connection"),
            lost("Broken pipe"), lost("Connection reset"));

    ScratchPostgresDatabase pg;
    Databases databases;
    Database db;

    @BeforeAll
    void open() throws Exception {
        pg = ScratchPostgresDatabase.create("dropped");
        Path tmp = Files.createTempDirectory("sequor-dropped-test");
        databases = new Databases(tmp, tmp.resolve(".cache"));
        db = databases.open("stage", pg.sourceConfig(), POS);
    }

    @AfterAll
    void close() {
        if (databases != null) {
            databases.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @BeforeEach
    void freshUsersTable() throws Exception {
        pg.execute("DROP TABLE IF EXISTS users");
        pg.execute("CREATE TABLE users (id integer, name text)");
        pg.execute("INSERT INTO users VALUES (1, 'Ann'), (2, 'Bob')");
    }

    static List<ColumnDef> columns() {
        return List.of(ColumnDef.of("id", "integer", "test", POS), ColumnDef.of("name", "text", "test", POS));
    }

    static List<Map<String, Object>> rows(int from, int to) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int id = from; id <= to; id++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("name", "user " + id);
            rows.add(row);
        }
        return rows;
    }

    String users() throws Exception {
        return String.valueOf(pg.value("SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM users"));
    }

    @Test
    void aConnectionKilledWhileAnOpLoadsFailsInOneSentenceAndChangesNothing() throws Exception {
        List<SequorException> thrown = new ArrayList<>();
        try (TableWriteBatch batch = new TableWriteBatch()) {
            TableTarget target = batch.target(db, "public", "users", columns(), WriteMode.CREATE, POS);
            target.addRows(rows(10, 1000));
            assertThat(pg.stagingTables()).as("the first page is staged in a temporary table").isEqualTo(1);

            assertThat(pg.killSequorSessions()).isGreaterThanOrEqualTo(1);
            assertThatThrownBy(() -> target.addRows(rows(1001, 2000)))
                    .isInstanceOfSatisfying(SequorException.class, thrown::add);
        }

        SequorException e = thrown.get(0);
        assertThat(e.getMessage()).isIn(LOST_WHILE_IDLE);
        assertThat(e.pos()).isEqualTo(POS);
        assertThat(e.kind()).isEqualTo(ExitCode.FLOW_FAILED);
        assertThat(users()).isEqualTo("1:Ann,2:Bob");
        assertThat(pg.stagingTables()).isZero();

        // The next op on the same source works, on a new connection.
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, "public", "users", columns(), WriteMode.APPEND, POS).addRows(rows(3, 3));
            batch.commit();
        }
        assertThat(users()).isEqualTo("1:Ann,2:Bob,3:user 3");
        assertThat(pg.stagingTables()).isZero();
    }

    @Test
    void aConnectionKilledWhilePagesLoadInTheBackgroundFailsTheOpAndChangesNothing() throws Exception {
        // inferred columns stage as text: full batches of pages load on the loader thread while the op goes on
        List<SequorException> thrown = new ArrayList<>();
        int batchRows = TableWriteBatch.FLUSH_ROWS;
        try (TableWriteBatch batch = new TableWriteBatch()) {
            TableTarget target = batch.target(db, "public", "users", null, WriteMode.APPEND, POS);
            target.addRows(rows(10, 9 + batchRows));
            assertThat(pg.killSequorSessions()).isGreaterThanOrEqualTo(1);
            // the kill meets the load under way or the next one; either way the op fails before anything commits
            assertThatThrownBy(() -> {
                target.addRows(rows(10 + batchRows, 9 + 2 * batchRows));
                batch.commit();
            }).isInstanceOfSatisfying(SequorException.class, thrown::add);
        }

        SequorException e = thrown.get(0);
        assertThat(e.getMessage()).isIn(LOST_WHILE_IDLE);
        assertThat(e.pos()).isEqualTo(POS);
        assertThat(users()).isEqualTo("1:Ann,2:Bob");
        assertThat(pg.stagingTables()).isZero();
    }

    @Test
    void pagesLoadedInTheBackgroundLandInTheOrderTheyCame() throws Exception {
        // a merge keeps the row loaded last per key: a key's later page must win over a load still under way
        int batchRows = TableWriteBatch.FLUSH_ROWS;
        pg.execute("ALTER TABLE users ADD PRIMARY KEY (id)");
        try (TableWriteBatch batch = new TableWriteBatch()) {
            TableTarget target = batch.target(db, "public", "users", null,
                    WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT), POS);
            for (int round = 1; round <= 3; round++) {
                for (int from = 1; from <= batchRows; from += 1000) {
                    List<Map<String, Object>> page = rows(from, from + 999);
                    int r = round;
                    page.forEach(row -> row.put("name", "round " + r));
                    target.addRows(page); // pages of 1,000: a load starts every fifth page
                }
            }
            batch.commit();
        }
        assertThat(pg.value("SELECT count(*) || ',' || count(*) FILTER (WHERE name = 'round 3') FROM users"))
                .isEqualTo(batchRows + "," + batchRows);
        assertThat(pg.stagingTables()).isZero();
    }

    @Test
    void aConnectionKilledBeforeTheCommitLeavesEveryTargetAsItWas() throws Exception {
        pg.execute("DROP TABLE IF EXISTS orders");
        List<SequorException> thrown = new ArrayList<>();
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, "public", "users", columns(), WriteMode.APPEND, POS).addRows(rows(3, 500));
            batch.target(db, "public", "orders", columns(), WriteMode.CREATE, POS).addRows(rows(1, 500));
            pg.killSequorSessions();
            assertThatThrownBy(batch::commit).isInstanceOfSatisfying(SequorException.class, thrown::add);
        }
        assertThat(thrown.get(0).getMessage()).isIn(LOST_WHILE_IDLE);
        assertThat(users()).isEqualTo("1:Ann,2:Bob");
        assertThat(pg.value("SELECT to_regclass('public.orders')")).isNull();
        assertThat(pg.stagingTables()).isZero();
    }

    @Test
    void killedBetweenTwoOpsTheSecondGetsAWorkingConnection() throws Exception {
        assertThat(db.query("SELECT count(*) AS n FROM users").get(0).get("n")).isEqualTo(2L);
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, "public", "users", columns(), WriteMode.APPEND, POS).addRows(rows(3, 3));
            batch.commit();
        }
        // Several pooled connections are idle now (a streaming read holds one while a write uses another).
        db.forEachRow("SELECT id FROM users", row -> db.query("SELECT 1"));

        assertThat(pg.killSequorSessions()).isGreaterThanOrEqualTo(1);

        assertThat(db.query("SELECT count(*) AS n FROM users").get(0).get("n")).isEqualTo(3L);
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, "public", "users", columns(), WriteMode.APPEND, POS).addRows(rows(4, 4));
            batch.commit();
        }
        db.replaceTableAs("public", "user_names", "SELECT name FROM users");
        assertThat(users()).isEqualTo("1:Ann,2:Bob,3:user 3,4:user 4");
        assertThat(pg.value("SELECT count(*) FROM user_names")).isEqualTo(4L);
    }

    @Test
    void aStreamingReadWhoseConnectionIsKilledFailsInOneSentence() throws Exception {
        List<Object> seen = new ArrayList<>();
        assertThatThrownBy(() -> db.forEachRow("SELECT g FROM generate_series(1, 100000) g", row -> {
            if (seen.isEmpty()) {
                pg.killSequorSessions();
            }
            seen.add(row.get(0));
        })).isInstanceOf(SequorException.class).extracting(Throwable::getMessage).isIn(LOST_WHILE_IDLE);
        // The kill came while the first batch of the cursor was being read: the read stopped at its end.
        assertThat(seen).hasSize(1000);
        assertThat(db.query("SELECT 42 AS answer").get(0).get("answer")).isEqualTo(42);
    }

    @Test
    void aTransformWhoseConnectionIsKilledLeavesTheOldTable() throws Exception {
        pg.execute("CREATE OR REPLACE FUNCTION kill_sequor_then(v integer) RETURNS integer LANGUAGE plpgsql AS $$"
                + " BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN v; END $$");
        assertThatThrownBy(() -> db.replaceTableAs("public", "users", "SELECT kill_sequor_then(id) AS id FROM users"))
                .isInstanceOf(SequorException.class).hasMessage(LOST);
        assertThat(users()).isEqualTo("1:Ann,2:Bob");
        assertThat(pg.stagingTables()).isZero();
        db.replaceTableAs("public", "users", "SELECT id + 10 AS id, name FROM users");
        assertThat(users()).isEqualTo("11:Ann,12:Bob");
    }

    @Test
    void aConnectionLostDuringTheCommitSaysTheOutcomeIsUnknown() throws Exception {
        // A deferred trigger runs inside COMMIT; this one ends its own session there.
        pg.execute("CREATE OR REPLACE FUNCTION kill_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$");
        pg.execute("CREATE CONSTRAINT TRIGGER kill_at_commit AFTER INSERT ON users DEFERRABLE INITIALLY DEFERRED"
                + " FOR EACH ROW EXECUTE FUNCTION kill_at_commit()");
        try {
            List<SequorException> thrown = new ArrayList<>();
            try (TableWriteBatch batch = new TableWriteBatch()) {
                batch.target(db, "public", "users", columns(), WriteMode.APPEND, POS).addRows(rows(3, 3));
                assertThatThrownBy(batch::commit).isInstanceOfSatisfying(SequorException.class, thrown::add);
            }
            assertThat(thrown.get(0)).hasMessage("Connection to database source 'stage' was lost while committing"
                    + " (terminating connection due to administrator command); the op's writes may or may not have"
                    + " been committed, and the next op that uses the source reconnects");
            // Here the server ended the session before the commit was written.
            assertThat(users()).isEqualTo("1:Ann,2:Bob");
            assertThat(pg.stagingTables()).isZero();
        } finally {
            pg.execute("DROP TRIGGER kill_at_commit ON users");
        }
    }
}
