package dev.sequor.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.sequor.testing.DuckDbFiles;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/*.yaml}, see {@link BadInputCase}): each flow is run with
 * {@code sequor run} and checked with {@code sequor validate} (and {@code --strict}) on the real command line. Both
 * must report every problem with its exact text and {@code file:line:col}, exit 2, and the run must do nothing:
 * the flows start with a step that would create a table and may call the HTTP server, so an empty DuckDB file and
 * no request received show that the flow was refused before its first step.
 */
@QuarkusMainTest
class BadInputCorpusTest {

    private static final Path CASES = Path.of("src", "test", "resources", "bad-input");
    private static WireMockServer api;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startApi() {
        api = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        api.start();
    }

    @AfterAll
    static void stopApi() {
        api.stop();
    }

    @BeforeEach
    void acceptEveryRequest() {
        api.resetAll();
        api.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"items\": [{\"id\": 1}]}")));
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .map(f -> f.substring(0, f.length() - ".yaml".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedBeforeAnyStepRuns(String name, QuarkusMainLauncher launcher) throws Exception {
        BadInputCase c = BadInputCase.load(CASES.resolve(name + ".yaml"));
        Path project = project(c);
        String home = tmp.resolve("home").toString();

        LaunchResult run = launcher.launch("run", "main", "-p", project.toString(), "--home-dir", home, "--quiet");
        String context = name + ": " + c.description() + "\nrun stderr:\n" + run.getErrorOutput();
        assertThat(run.exitCode()).as(context).isEqualTo(c.exit());
        assertThat(run.getErrorStream()).as(context).isEqualTo(c.runStderr());
        assertThat(run.getOutput()).as(context).isEmpty();
        assertThat(tables(project)).as(context + "\ntables the refused run left").isEmpty();
        assertThat(api.getAllServeEvents()).as(context + "\nrequests the refused run sent").isEmpty();

        LaunchResult validate = launcher.launch("validate", "main", "-p", project.toString(), "--home-dir", home);
        context = name + ": " + c.description() + "\nvalidate stdout:\n" + validate.getOutput();
        assertThat(validate.exitCode()).as(context).isEqualTo(c.exit());
        assertThat(validate.getOutputStream()).as(context).isEqualTo(c.problems());
        if (c.hasWarnings()) {
            // with warnings among the errors, --strict lists the same problems, all at once
            LaunchResult strict = launcher.launch("validate", "main", "-p", project.toString(), "--home-dir", home,
                    "--strict");
            assertThat(strict.exitCode()).as(context).isEqualTo(2);
            assertThat(strict.getOutputStream()).as(context).isEqualTo(c.problems());
        }
    }

    /**
     * The control: the first steps the cases start with do write a table and send a request when nothing is wrong,
     * so the empty database and the silent server above mean that the bad flows were refused, not that they idled.
     */
    @Test
    void theStepsTheCasesStartWithWriteWhenTheFlowIsGood(QuarkusMainLauncher launcher) throws Exception {
        Path project = project(new BadInputCase("good", "a good flow", """
                steps:
                  - op: execute
                    id: seed
                    source: stage
                    statement: |
                      create table seeded (id integer);
                      go
                  - op: http_request
                    id: fetch
                    request:
                      url: "API_URL/items"
                    response:
                      success_status: [200]
                      tables:
                        - source: stage
                          table: items
                          columns: {id: integer}
                          data_expression: response.json()["items"]
                """, Map.of(), Map.of(), 0, List.of()));
        LaunchResult run = launcher.launch("run", "main", "-p", project.toString(), "--home-dir",
                tmp.resolve("home").toString(), "--quiet");
        assertThat(run.exitCode()).as(run.getErrorOutput()).isZero();
        assertThat(tables(project)).containsExactlyInAnyOrder("seeded", "items");
        assertThat(api.getAllServeEvents()).hasSize(1);
    }

    /**
     * Inside the steps of a {@code try}, a value the op would refuse is a warning: the op fails when it runs and the
     * catch steps handle it, as flows may rely on. {@code validate} lists it; {@code --strict} refuses it.
     */
    @Test
    void problemsInsideATryAreWarningsAndTheCatchHandlesThem(QuarkusMainLauncher launcher) throws Exception {
        Path project = project(new BadInputCase("try", "a try", """
                steps:
                  - op: try
                    id: attempt
                    steps:
                      - op: execute
                        id: no_go
                        source: stage
                        statement: "create table t (id integer)"
                    catch:
                      - op: print
                        message: "caught: {{ var('error')['message'] }}"
                """, Map.of(), Map.of(), 0, List.of()));
        String warning = "flows/main.yaml:8:20: warning: Missing 'go' command after the last statement of execute"
                + " \"no_go\". Each statement must be followed by a 'go' command on its own line. Inside try, the op"
                + " fails when it runs and the catch steps handle it.";
        String home = tmp.resolve("home").toString();
        LaunchResult run = launcher.launch("run", "main", "-p", project.toString(), "--home-dir", home, "--quiet");
        assertThat(run.exitCode()).as(run.getErrorOutput()).isZero();
        assertThat(run.getErrorStream()).containsExactly(warning);
        assertThat(run.getOutput()).isEqualTo("caught: Missing 'go' command after the last statement. Each statement"
                + " must be followed by a 'go' command on its own line.");
        LaunchResult validate = launcher.launch("validate", "main", "-p", project.toString(), "--home-dir", home);
        assertThat(validate.exitCode()).isZero();
        assertThat(validate.getOutputStream()).containsExactly(warning);
        assertThat(launcher.launch("validate", "main", "-p", project.toString(), "--home-dir", home, "--strict")
                .exitCode()).isEqualTo(2);
    }

    /** A project with the case's flows, a DuckDB source {@code stage}, an http source {@code api}, and the case's sources. */
    private Path project(BadInputCase c) throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("project.yaml"), "name: bad_input\n");
        Path flows = Files.createDirectories(project.resolve("flows"));
        Files.writeString(flows.resolve("main.yaml"), withApi(c.flow()));
        for (Map.Entry<String, String> f : c.flows().entrySet()) {
            Files.writeString(flows.resolve(f.getKey() + ".yaml"), withApi(f.getValue()));
        }
        Path sources = Files.createDirectories(project.resolve("sources"));
        Files.writeString(sources.resolve("stage.yaml"), "type: duckdb\nconn_str: \"duckdb:///stage.duckdb\"\n");
        Files.writeString(sources.resolve("api.yaml"), "type: http\n");
        for (Map.Entry<String, String> s : c.sources().entrySet()) {
            Files.writeString(sources.resolve(s.getKey() + ".yaml"), withApi(s.getValue()));
        }
        return project;
    }

    private static String withApi(String text) {
        return text.replace("API_URL", api.baseUrl());
    }

    /** The tables in the project's DuckDB file; none when the file was never created. */
    private static List<String> tables(Path project) throws SQLException {
        Path file = project.resolve("stage.duckdb");
        List<String> names = new ArrayList<>();
        if (!Files.exists(file)) {
            return names;
        }
        try (Connection conn = DuckDbFiles.connect(file); Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
