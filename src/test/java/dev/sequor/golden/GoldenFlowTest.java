package dev.sequor.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Runs every golden case (see {@link GoldenCase} for case.yaml) on DuckDB, PostgreSQL and MariaDB through
 * {@link FlowRunner}, the same path as {@code sequor run}, with HTTP answered by WireMock, and compares exit code,
 * output, error text, requests, saved project variables and every table the run left with what the case expects.
 * PostgreSQL cases run whenever a server answers (in a database of this JVM's own, see {@link GoldenPostgres}) and
 * are reported as skipped when none does, except on CI, where they fail. With {@code -Dsequor.test.binary=PATH} every
 * case is run by that executable as a process instead ({@link GoldenBinary}): the release workflow's check of each
 * native executable.
 */
class GoldenFlowTest {

    private static final Path CASES = Path.of("src/test/resources/golden");
    /** The executable that runs the cases ({@code -Dsequor.test.binary}), or null to run them in this JVM. */
    private static final GoldenBinary BINARY = GoldenBinary.fromSystemProperty();
    private static WireMockServer wiremock;
    /** This JVM's own database, or null when PostgreSQL is not reachable (its cases are then skipped). */
    private static GoldenPostgres postgres;
    /** This JVM's own MariaDB database, or null when no server answers. */
    private static GoldenMySql mysql;

    @BeforeAll
    static void start() throws SQLException {
        wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wiremock.start();
        if (PostgresTestDatabase.available()) {
            postgres = GoldenPostgres.create();
        }
        if (MySqlTestDatabase.available()) {
            mysql = GoldenMySql.create();
        }
    }

    @AfterAll
    static void stop() {
        wiremock.stop();
        if (postgres != null) {
            postgres.close();
        }
        if (mysql != null) {
            mysql.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenFlows() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(CASES)) {
            // -Dsequor.golden.only=a,b: only the cases whose names start with a or b (targeted runs while working)
            List<String> only = List.of(System.getProperty("sequor.golden.only", "").split(",")).stream()
                    .filter(s -> !s.isBlank()).toList();
            for (Path dir : dirs.filter(Files::isDirectory).sorted()
                    .filter(d -> only.isEmpty() || only.stream().anyMatch(d.getFileName().toString()::startsWith))
                    .toList()) {
                GoldenCase c;
                try {
                    c = GoldenCase.load(dir);
                } catch (IllegalArgumentException e) {
                    // a malformed case fails on its own, the others still run
                    tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                        throw e;
                    }));
                    continue;
                }
                for (String db : c.databases()) {
                    tests.add(DynamicTest.dynamicTest(c.name() + " [" + db + "]", () -> run(c, db)));
                }
            }
        }
        return tests.stream();
    }

    private void run(GoldenCase c, String db) throws Exception {
        if (db.equals("postgres")) {
            PostgresTestDatabase.assumeAvailable();
            postgres.reset();
        } else if (db.equals("mysql")) {
            MySqlTestDatabase.assumeAvailable();
            mysql.reset();
        }
        wiremock.resetAll();
        c.http().forEach(GoldenFlowTest::stub);
        Path root = Files.createTempDirectory("golden-" + c.name());
        Path project = root.resolve("project");
        Path home = root.resolve("home");
        copy(c.dir(), project);
        if (!Files.exists(project.resolve("project.yaml"))) {
            Files.writeString(project.resolve("project.yaml"), "name: golden_" + c.name() + "\n");
        }
        Files.createDirectories(project.resolve("sources"));
        Path stage = project.resolve("sources/stage.yaml");
        if (!Files.exists(stage)) {
            Files.writeString(stage, switch (db) {
                case "duckdb" -> "type: duckdb\nconn_str: \"duckdb:///stage.duckdb\"\n";
                case "mysql" -> "type: mysql\nconn_str: \"" + mysql.url() + "\"\nusername: \""
                        + MySqlTestDatabase.user() + "\"\npassword: \"" + MySqlTestDatabase.password() + "\"\n";
                default -> "type: postgres\nconn_str: \"" + postgres.url() + "\"\nusername: \""
                        + PostgresTestDatabase.user() + "\"\npassword: \"" + PostgresTestDatabase.password() + "\"\n";
            });
        }
        Path api = project.resolve("sources/api.yaml");
        if (!Files.exists(api)) {
            Files.writeString(api, "type: http\n");
        }
        Map<String, Object> vars = new LinkedHashMap<>(c.variables());
        vars.put("base_url", wiremock.baseUrl());
        vars.put("db_kind", db);
        Files.createDirectories(home.resolve("envs"));
        // raw_variables: lines written verbatim under `variables:`, for scalars whose exact spelling matters
        String raw = c.rawVariables().lines().map(l -> "  " + l + "\n").reduce("", String::concat);
        Files.writeString(home.resolve("envs/test.yaml"),
                new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build())
                        .dumpToString(Map.of("variables", vars)) + raw);

        List<String> args = c.args();
        String opId = argValue(args, "--op-id");
        boolean flowStacktrace = !args.contains("--disable-flow-stacktrace");
        GoldenBinary.Outcome outcome = BINARY == null ? inThisJvm(project, home, opId, flowStacktrace)
                : BINARY.run(project, home, opId, flowStacktrace);
        int exit = outcome.exit();
        String stdout = outcome.stdout();
        String stderr = outcome.stderr();
        Map<String, Object> expect = c.expect();
        String context = "case " + c.name() + " [" + db + "]" + (BINARY == null ? "" : " by " + BINARY.executable())
                + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        assertEquals(((Number) expect.getOrDefault("exit", 0)).intValue(), exit, context);
        if (expect.containsKey("stdout")) {
            assertEquals(expect.get("stdout"), stdout, context);
        }
        if (expect.containsKey("stderr")) {
            assertEquals(expect.get("stderr"), stderr, context);
        }
        for (Object s : (List<?>) expect.getOrDefault("stderr_contains", List.of())) {
            assertThat(stderr).as(context).contains(String.valueOf(s));
        }
        checkTables(c, db, project, context);
        checkRequests(expect, context);
        Map<?, ?> saved = savedVariables(home.resolve("project_state/golden_" + c.name() + "/variables.yaml"));
        if (expect.containsKey("project_variables")) {
            Object want = expect.get("project_variables");
            assertEquals(want == null ? Map.of() : want, saved, "saved project variables (exactly) in " + context);
        }
        for (Object name : (List<?>) expect.getOrDefault("absent_project_variables", List.of())) {
            assertThat(saved.containsKey(name)).as(context + ": project variable " + name + " must not be saved")
                    .isFalse();
        }
    }

    /** {@code sequor run main} through {@link FlowRunner} in this JVM, the path the CLI takes. */
    private static GoldenBinary.Outcome inThisJvm(Path project, Path home, String opId, boolean flowStacktrace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunOptions options = new RunOptions(opId, null, false, false, false, null, null);
        int exit = new FlowRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new FlowRunRequest(project, home.toString(), "test", "main", options, true, false,
                        flowStacktrace));
        return new GoldenBinary.Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** variables.yaml as YAML values (1 and "1" differ), empty when the run saved none. */
    private static Map<?, ?> savedVariables(Path file) throws IOException {
        Object state = Files.isRegularFile(file) ? CaseYaml.load(Files.readString(file)) : null;
        return state == null ? Map.of() : (Map<?, ?>) state;
    }

    private static String argValue(List<String> args, String name) {
        int i = args.indexOf(name);
        return i < 0 || i + 1 >= args.size() ? null : args.get(i + 1);
    }

    /**
     * Every table the run left, in every schema, against the case's tables: the whole database is compared as one
     * text in case.yaml notation, so the failure shows every difference and the actual tables ready to paste.
     */
    private void checkTables(GoldenCase c, String db, Path project, String context) throws SQLException, IOException {
        Map<String, TableContents> got = actualTables(db, project);
        Map<String, TableContents> want = c.tables(db);
        for (String name : c.absentTables()) {
            assertThat(want).as("golden case " + c.name() + " lists " + name + " as absent and expected")
                    .doesNotContainKey(name);
            assertThat(got).as("table " + name + " should not exist in " + context).doesNotContainKey(name);
        }
        TableContents.differences(want, got).ifPresent(summary -> assertEquals(TableContents.asCaseYaml(want),
                TableContents.asCaseYaml(got), summary + "; actual tables in case.yaml notation:\n"
                        + TableContents.asCaseYaml(got) + "\n" + context));
    }

    private Map<String, TableContents> actualTables(String db, Path project) throws SQLException, IOException {
        if (db.equals("postgres")) {
            try (Connection conn = postgres.connect()) {
                return DatabaseTables.read(conn, db);
            }
        }
        if (db.equals("mysql")) {
            try (Connection conn = mysql.connect()) {
                return DatabaseTables.read(conn, db);
            }
        }
        try (Stream<Path> files = Files.walk(project)) {
            List<Path> others = files.filter(p -> p.toString().endsWith(".duckdb"))
                    .filter(p -> !p.equals(project.resolve("stage.duckdb"))).toList();
            assertThat(others).as("DuckDB files besides stage.duckdb, whose tables this harness does not compare")
                    .isEmpty();
        }
        Path file = project.resolve("stage.duckdb");
        if (!Files.exists(file)) {
            return Map.of();
        }
        try (Connection conn = DuckDbFiles.connect(file)) {
            return DatabaseTables.read(conn, db);
        }
    }

    private void checkRequests(Map<String, Object> expect, String context) {
        if (!expect.containsKey("requests")) {
            return;
        }
        List<String> got = new ArrayList<>();
        for (LoggedRequest r : wiremock.getAllServeEvents().stream().map(e -> e.getRequest()).toList()) {
            String body = r.getBodyAsString();
            got.add(0, r.getMethod().getName() + " " + r.getUrl() + (body == null || body.isEmpty() ? "" : " " + body));
        }
        assertEquals(expect.get("requests"), got, context);
    }

    @SuppressWarnings("unchecked")
    private static void stub(Map<String, Object> s) {
        String method = String.valueOf(s.getOrDefault("method", "GET"));
        MappingBuilder m = WireMock.request(method, WireMock.urlPathEqualTo(String.valueOf(s.get("path"))));
        Map<String, Object> query = (Map<String, Object>) s.getOrDefault("query", Map.of());
        query.forEach((k, v) -> m.withQueryParam(k, WireMock.equalTo(String.valueOf(v))));
        if (s.containsKey("body_contains")) {
            m.withRequestBody(WireMock.containing(String.valueOf(s.get("body_contains"))));
        }
        if (s.containsKey("priority")) {
            m.atPriority(((Number) s.get("priority")).intValue());
        }
        ResponseDefinitionBuilder r = WireMock.aResponse().withStatus(((Number) s.getOrDefault("status", 200)).intValue());
        if (s.containsKey("delay_ms")) {
            r.withFixedDelay(((Number) s.get("delay_ms")).intValue());
        }
        if (s.containsKey("json")) {
            try {
                r.withHeader("Content-Type", "application/json")
                        .withBody(new ObjectMapper().writeValueAsString(s.get("json")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else if (s.containsKey("body")) {
            r.withBody(String.valueOf(s.get("body")));
        }
        wiremock.stubFor(m.willReturn(r));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("case.yaml")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
