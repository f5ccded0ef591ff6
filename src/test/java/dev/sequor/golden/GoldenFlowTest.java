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
import java.util.Comparator;
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
 * Runs every golden case (see {@link GoldenCase}) on DuckDB and on PostgreSQL through {@link FlowRunner},
 * the same path as {@code sequor run}, with HTTP answered by WireMock, and compares exit code, output, error
 * text, tables and requests with what the case expects.
 */
class GoldenFlowTest {

    private static final Path CASES = Path.of("src/test/resources/golden");
    private static final String PG_DATABASE = "sequor_golden";
    private static WireMockServer wiremock;

    @BeforeAll
    static void start() throws SQLException {
        wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wiremock.start();
        if (PostgresTestDatabase.available()) {
            try (Connection c = PostgresTestDatabase.connect(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + PG_DATABASE);
            }
        }
    }

    @AfterAll
    static void stop() {
        wiremock.stop();
    }

    @TestFactory
    Stream<DynamicTest> goldenFlows() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(CASES)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                GoldenCase c = GoldenCase.load(dir);
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
            try (Connection conn = pg(); Statement s = conn.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS public CASCADE");
                s.execute("CREATE SCHEMA public");
            }
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
            Files.writeString(stage, db.equals("duckdb") ? "type: duckdb\nconn_str: \"duckdb:///stage.duckdb\"\n"
                    : "type: postgres\nconn_str: \"" + PostgresTestDatabase.url(PG_DATABASE) + "\"\nusername: \""
                    + PostgresTestDatabase.user() + "\"\npassword: \"" + PostgresTestDatabase.password() + "\"\n");
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

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = c.args();
        RunOptions options = new RunOptions(argValue(args, "--op-id"), null, false, false, false, null, null);
        int exit = new FlowRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new FlowRunRequest(project, home.toString(), "test", "main", options, true, false,
                        !args.contains("--disable-flow-stacktrace")));
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        Map<String, Object> expect = c.expect();
        String context = "case " + c.name() + " [" + db + "]\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
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
        checkTables(expect, db, project, context);
        checkRequests(expect, context);
        if (expect.containsKey("project_variables")) {
            String state = Files.readString(home.resolve("project_state/golden_" + c.name() + "/variables.yaml"));
            @SuppressWarnings("unchecked")
            Map<String, Object> want = (Map<String, Object>) expect.get("project_variables");
            for (Map.Entry<String, Object> e : want.entrySet()) {
                assertThat(state).as(context).contains(e.getKey() + ": " + e.getValue());
            }
        }
        for (Object name : (List<?>) expect.getOrDefault("absent_project_variables", List.of())) {
            Path file = home.resolve("project_state/golden_" + c.name() + "/variables.yaml");
            String state = Files.isRegularFile(file) ? Files.readString(file) : "";
            assertThat(state).as(context + ": project variable " + name + " must not be saved").doesNotContain(name + ":");
        }
    }

    private static String argValue(List<String> args, String name) {
        int i = args.indexOf(name);
        return i < 0 || i + 1 >= args.size() ? null : args.get(i + 1);
    }

    @SuppressWarnings("unchecked")
    private void checkTables(Map<String, Object> expect, String db, Path project, String context) throws SQLException {
        Map<String, Object> tables = (Map<String, Object>) expect.getOrDefault("tables", Map.of());
        List<String> absent = (List<String>) expect.getOrDefault("absent_tables", List.of());
        if (tables.isEmpty() && absent.isEmpty()) {
            return;
        }
        try (Connection conn = db.equals("duckdb")
                ? DuckDbFiles.connect(project.resolve("stage.duckdb")) : pg()) {
            for (Map.Entry<String, Object> t : tables.entrySet()) {
                List<Map<String, Object>> want = new ArrayList<>();
                for (Object row : (List<?>) t.getValue()) {
                    want.add(stringify((Map<String, Object>) row));
                }
                List<Map<String, Object>> got = rows(conn, t.getKey());
                want.sort(Comparator.comparing(Object::toString));
                assertEquals(want, got, "table " + t.getKey() + " in " + context);
            }
            for (String name : absent) {
                try (Statement s = conn.createStatement()) {
                    s.executeQuery("SELECT * FROM \"" + name + "\"").close();
                    throw new AssertionError("table " + name + " should not exist in " + context);
                } catch (SQLException expected) {
                    // the table does not exist, as it should
                }
            }
        }
    }

    private static List<Map<String, Object>> rows(Connection conn, String table) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.put(rs.getMetaData().getColumnName(i), v == null ? null : String.valueOf(v));
                }
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing(Object::toString));
        return rows;
    }

    private static Map<String, Object> stringify(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
        return out;
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

    private static Connection pg() throws SQLException {
        return PostgresTestDatabase.connect(PG_DATABASE);
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
