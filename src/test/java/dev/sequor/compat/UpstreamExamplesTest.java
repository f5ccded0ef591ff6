package dev.sequor.compat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.sequor.run.FlowRunRequest;
import dev.sequor.run.FlowRunner;
import dev.sequor.run.RunOptions;
import dev.sequor.testing.DuckDbFiles;
import dev.sequor.testing.MySqlTestDatabase;
import dev.sequor.testing.PostgresTestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the upstream example flows from {@code ../shared/compat/upstream-examples} unchanged, except that a
 * scratch copy points their API hosts at a local WireMock, and checks the tables and output upstream would
 * produce. {@code stage} is their own PostgreSQL source file, a DuckDB file in the second variant, or a MariaDB
 * database of its own in the third (its source file written by the test: theirs is PostgreSQL's).
 */
class UpstreamExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "shared", "compat", "upstream-examples");
    /** This JVM's own database: test runs in other worktrees on the same server must not drop it. */
    private static final String PG_DATABASE = PostgresTestDatabase.uniqueDatabaseName("sequor_compat");
    private static WireMockServer api;

    @BeforeAll
    static void start() throws SQLException {
        api = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        api.start();
        for (int page = 1; page <= 2; page++) {
            String data = page == 1
                    ? "[{\"id\":1,\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"email\":\"a@x.io\"},"
                    + "{\"id\":2,\"first_name\":\"Bob\",\"last_name\":null}]"
                    : "[{\"id\":3,\"first_name\":\"Cy\",\"last_name\":\"Doe\"}]";
            api.stubFor(get(urlPathEqualTo("/stores/store123/v3/customers")).withQueryParam("page", equalTo("" + page))
                    .withQueryParam("limit", equalTo("5")).withHeader("X-Auth-Token", equalTo("bc-token"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"data\":" + data
                            + ",\"meta\":{\"pagination\":{\"current_page\":" + page + ",\"total_pages\":2}}}")));
        }
        api.stubFor(get(urlPathEqualTo("/v1/customers")).atPriority(5).withQueryParam("limit", equalTo("10"))
                .withBasicAuth("sk_test_123", "")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"has_more\":true,\"data\":[{\"id\":\"cus_1\",\"email\":\"a@x.io\",\"name\":\"A\"}]}")));
        api.stubFor(get(urlPathEqualTo("/v1/customers")).atPriority(1).withQueryParam("starting_after", equalTo("cus_1"))
                .withBasicAuth("sk_test_123", "")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"has_more\":false,\"data\":[{\"id\":\"cus_2\",\"email\":null,\"name\":\"B\"}]}")));
        if (PostgresTestDatabase.available()) {
            try (Connection c = PostgresTestDatabase.connect(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + PG_DATABASE);
            }
        }
    }

    @AfterAll
    static void stop() {
        api.stop();
        if (PostgresTestDatabase.available()) {
            PostgresTestDatabase.dropDatabase(PG_DATABASE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "duckdb", "mysql"})
    void upstreamExamplesRunUnchanged(String stage) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(EXAMPLES), "upstream examples not found at " + EXAMPLES.toAbsolutePath()
                + "; skipping (they live in ../shared beside the project)");
        if (stage.equals("postgres")) {
            PostgresTestDatabase.assumeAvailable();
            try (Connection c = pg(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS public CASCADE");
                s.execute("CREATE SCHEMA public");
            }
        }
        api.resetRequests(); // the request counts below are per variant
        Path root = Files.createTempDirectory("upstream");
        Path project = root.resolve("project");
        copyWithHostsRewritten(EXAMPLES, project);
        if (stage.equals("duckdb")) {
            Files.copy(project.resolve("sources/duckdb.yaml"), project.resolve("sources/stage.yaml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        MySqlTestDatabase my = null;
        if (stage.equals("mysql")) {
            my = MySqlTestDatabase.createDatabase();
            Files.writeString(project.resolve("sources/stage.yaml"), "type: mysql\nconn_str: \""
                    + MySqlTestDatabase.url(my.database()) + "\"\nusername: \"" + MySqlTestDatabase.user()
                    + "\"\npassword: \"" + MySqlTestDatabase.password() + "\"\n");
        }
        try {
            runExamples(stage, project, root, my);
        } finally {
            if (my != null) {
                my.close();
            }
        }
    }

    private void runExamples(String stage, Path project, Path root, MySqlTestDatabase my) throws Exception {
        Path home = root.resolve("home");
        Files.createDirectories(home.resolve("envs"));
        Files.writeString(home.resolve("envs/dev.yaml"), "variables:\n"
                + "  bigcommerce_auth_token: bc-token\n  bigcommerce_store_hash: store123\n"
                + "  stripe_secret_key: sk_test_123\n"
                + "  postgres_conn_str: \"" + PostgresTestDatabase.url(PG_DATABASE) + "\"\n"
                + "  postgres_username: \"" + PostgresTestDatabase.user() + "\"\n"
                + "  postgres_password: \"" + PostgresTestDatabase.password() + "\"\n"
                + "  duckdb_conn_str: \"duckdb:///stage.duckdb\"\n");

        assertThat(run(project, home, "bigcommerce_fetch_customers").exit).isZero();
        assertThat(run(project, home, "stripe_fetch_customers").exit).isZero();
        Result control = run(project, home, "control_ops_example");
        assertThat(control.exit).as(control.err).isZero();
        assertThat(control.out).isEqualTo("""
                ELSE branch: var1 does not equal value2
                THEN branch: control_ops_users has 2 rows
                inside BLOCK
                inside FOR_EACH block: 1 - Bob Smith
                inside FOR_EACH block: 2 - Jane unknown
                param1 = param1_value
                """);
        assertThat(Files.readString(home.resolve("project_state/sequor-integrations/variables.yaml")))
                .contains("var1: value1").doesNotContain("var2");

        try (Connection c = stage.equals("duckdb") ? DuckDbFiles.connect(project.resolve("stage.duckdb"))
                : stage.equals("mysql") ? MySqlTestDatabase.connect(my.database()) : pg()) {
            assertThat(rows(c, "SELECT id, first_name, last_name FROM bc_customers ORDER BY id"))
                    .containsExactly("1|Ann|Lee", "2|Bob|null", "3|Cy|Doe");
            assertThat(rows(c, "SELECT id, email, name FROM stripe_customers ORDER BY id"))
                    .containsExactly("cus_1|a@x.io|A", "cus_2|null|B");
        }
        api.verify(2, getRequestedFor(urlPathEqualTo("/stores/store123/v3/customers")));
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(Path project, Path home, String flow) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new FlowRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new FlowRunRequest(project, home.toString(),
                "dev", flow, RunOptions.defaults(), true, false, true));
        Result r = new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(r.exit).as(flow + ":\n" + r.err).isZero();
        return r;
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    private static Connection pg() throws SQLException {
        return PostgresTestDatabase.connect(PG_DATABASE);
    }

    /** A scratch copy of the examples whose flows call the local mock instead of the real API hosts. */
    private static void copyWithHostsRewritten(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (p.toString().endsWith(".yaml")) {
                    Files.writeString(target, Files.readString(p)
                            .replace("https://api.bigcommerce.com", api.baseUrl())
                            .replace("https://api.stripe.com", api.baseUrl()));
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
