package dev.sequor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.run.FlowRunRequest;
import dev.sequor.run.FlowRunner;
import dev.sequor.run.RunOptions;
import dev.sequor.testing.MySqlTestDatabase;
import dev.sequor.testing.PostgresTestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example source files of docs/databases ({@code examples/sources/mysql.yaml}, {@code jdbc.yaml}) work as
 * written: copied into a project unchanged, with their variables pointing at the test servers, a flow transforms
 * into the MySQL one and reads both with {@code query_value}.
 */
class ExampleSourcesTest {

    private static final Path EXAMPLES = Path.of("examples/sources");

    @TempDir
    Path tmp;

    @Test
    void theMySqlAndJdbcExamplesRunAsWritten() throws Exception {
        MySqlTestDatabase.assumeAvailable();
        PostgresTestDatabase.assumeAvailable();
        URI my = URI.create(MySqlTestDatabase.url());
        URI pg = URI.create(PostgresTestDatabase.url().replaceFirst("^\\w+(\\+\\w+)?://", "postgresql://"));
        Assumptions.assumeTrue(my.getPort() == 3306 && pg.getPort() == 5432,
                "the examples name the default ports 3306 and 5432");
        try (MySqlTestDatabase warehouse = MySqlTestDatabase.createDatabase()) {
            Path project = Files.createDirectories(tmp.resolve("project"));
            Path home = tmp.resolve("home");
            Files.writeString(project.resolve("project.yaml"), "name: examples\n");
            Files.createDirectories(project.resolve("sources"));
            Files.copy(EXAMPLES.resolve("mysql.yaml"), project.resolve("sources/warehouse.yaml"));
            Files.copy(EXAMPLES.resolve("jdbc.yaml"), project.resolve("sources/erp.yaml"));
            Files.createDirectories(project.resolve("flows"));
            Files.writeString(project.resolve("flows/main.yaml"), """
                    steps:
                      - op: transform
                        source: warehouse
                        target_table: example_check
                        query: "SELECT 1 AS id UNION ALL SELECT 2"
                      - op: print
                        message: "{{ query_value('select count(*) from example_check', int, 'warehouse') }} {{ query_value('select 40 + 2', int, 'erp') }}"
                    """);
            Files.createDirectories(home.resolve("envs"));
            Files.writeString(home.resolve("envs/test.yaml"), "variables:\n"
                    + "  mysql_host: \"" + my.getHost() + "\"\n"
                    + "  mysql_database: \"" + warehouse.database() + "\"\n"
                    + "  mysql_user: \"" + MySqlTestDatabase.user() + "\"\n"
                    + "  mysql_password: \"" + MySqlTestDatabase.password() + "\"\n"
                    + "  erp_host: \"" + pg.getHost() + "\"\n"
                    + "  erp_database: \"" + pg.getPath().substring(1) + "\"\n"
                    + "  erp_user: \"" + PostgresTestDatabase.user() + "\"\n"
                    + "  erp_password: \"" + PostgresTestDatabase.password() + "\"\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new FlowRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(new FlowRunRequest(project, home.toString(), "test", "main",
                            new RunOptions(null, null, false, false, false, null, null), true, false, true));
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("2 42\n");
        }
    }
}
