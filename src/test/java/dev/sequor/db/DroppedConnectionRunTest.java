package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.cli.PlainRunMain;
import dev.sequor.testing.PostgresTestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code sequor run} (its own JVM, as a user starts it) against PostgreSQL: an earlier run's staging leftover
 * is dropped with one log line; every connection of the run's pool is killed between two ops and the next op
 * works; an op whose own connection is killed fails with one sentence at its position and exit code 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DroppedConnectionRunTest {

    private static final String FLOW = """
            steps:
              - op: transform
                id: first
                source: stage
                target_table: one
                query: SELECT 1 AS id
              - op: execute
                id: restart_like
                source: admin
                statement: |
                  SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()
                  AND application_name = 'sequor' AND pid <> pg_backend_pid()
                  go
              - op: transform
                id: second
                source: stage
                target_table: two
                query: SELECT id + 1 AS id FROM one
              - op: execute
                id: lose_the_connection
                source: stage
                statement: |
                  SELECT pg_terminate_backend(pg_backend_pid())
                  go
              - op: print
                message: not reached
            """;

    ScratchPostgresDatabase pg;

    @TempDir
    Path tmp;

    @BeforeAll
    void open() {
        pg = ScratchPostgresDatabase.create("dropped_run");
    }

    @AfterAll
    void close() {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void theNextOpReconnectsAndALostConnectionIsOneSentence() throws Exception {
        pg.execute("CREATE TABLE _sequor_stage_deadbeef_one (id integer)");
        Path project = Files.createDirectories(tmp.resolve("project/flows")).getParent();
        Files.writeString(project.resolve("project.yaml"), "name: dropped\n");
        Files.createDirectories(project.resolve("sources"));
        for (String source : List.of("stage", "admin")) {
            Files.writeString(project.resolve("sources/" + source + ".yaml"), "type: postgres\nconn_str: \""
                    + PostgresTestDatabase.url(pg.name()) + "\"\nusername: " + PostgresTestDatabase.user()
                    + "\npassword: \"" + PostgresTestDatabase.password() + "\"\n");
        }
        Files.writeString(project.resolve("flows/main.yaml"), FLOW);

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                PlainRunMain.class.getName(), "main", "-p", project.toString(), "--home-dir", tmp.resolve("home").toString())
                .start();
        String out = read(process.getInputStream().readAllBytes());
        String err = read(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(err).isEqualTo(1);
        assertThat(err).contains("Dropped 1 staging table left in 'public' of source 'stage' by earlier runs that did"
                + " not finish: _sequor_stage_deadbeef_one\n");
        assertThat(err).contains("Finished \"execute: restart_like\"").contains("Finished \"transform: second\"");
        assertThat(err).contains("flows/main.yaml:19:5: Error in \"execute: lose_the_connection\": Connection to"
                + " database source 'stage' was lost (terminating connection due to administrator command); the op's"
                + " uncommitted writes were discarded and the next op that uses the source reconnects\n");
        assertThat(err).doesNotContain("at dev.sequor").doesNotContain("PSQLException");
        assertThat(out).doesNotContain("not reached");
        assertThat(pg.value("SELECT id FROM two")).isEqualTo(2);
        assertThat(pg.stagingTables()).isZero();
    }

    private static String read(byte[] bytes) throws IOException {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
