package dev.sequor.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flow whose snippets all stay inside the Python subset runs them on the Java evaluator and never starts
 * GraalPy: checked in a fresh JVM (the test JVM has GraalPy loaded by other tests) whose class loading is logged,
 * so that not even one GraalPy or polyglot class may be loaded, and the log file says where each snippet ran.
 */
class SubsetFlowsNeverStartGraalPyTest {

    /** Five snippets, one per kind of key: a set_variable value, print messages (expression and body), a condition. */
    private static final String FLOW = """
            steps:
              - op: set_variable
                set:
                  n: 21
              - op: set_variable
                set:
                  doubled_expression: "{'value': var('n') * 2, 'scope': 'local'}"
              - op: print
                message_expression: "'answer: ' + str(var('doubled'))"
              - op: if
                conditions:
                  - condition_expression: var('doubled') > 40 and is_var_defined('n')
                    then:
                      - op: print
                        message_expression: |
                          parts = [str(i * i) for i in range(4) if i != 2]
                          return ', '.join(parts)
              - op: print
                message_expression: "f\\"{var('n'):>4}|{len('abc')}|{var('n') / 4:.2f}\\""
            """;
    private static final int SNIPPETS = 5;

    @TempDir
    Path tmp;

    @Test
    void snippetsInsideTheSubsetRunWithoutGraalPy() throws IOException, InterruptedException {
        Path project = Files.createDirectories(tmp.resolve("project/flows")).getParent();
        Files.writeString(project.resolve("project.yaml"), "name: subset\n");
        Files.writeString(project.resolve("flows/main.yaml"), FLOW);
        Path home = tmp.resolve("home");
        Path classLog = tmp.resolve("classes.log");

        Result run = runLoggingClasses(project, home, classLog);
        String output = run.output();

        assertThat(run.exit()).as(run.errors()).isZero();
        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded.stream().filter(line -> line.contains(" com.oracle.graal.python.")
                || line.contains(" com.oracle.truffle.") || line.contains(" org.graalvm.polyglot.Context")))
                .as("GraalPy started by a flow that needs no GraalPy").isEmpty();
        // stricter: the Java path should not even link code that mentions the polyglot API
        assertThat(loaded.stream().filter(line -> line.contains(" org.graalvm.polyglot.")))
                .as("polyglot classes loaded by a flow that needs no GraalPy").isEmpty();
        String log = Files.readString(home.resolve("logs/sequor.log"));
        assertThat(log.lines().filter(l -> l.contains("runs on the Java evaluator"))).as(log).hasSize(SNIPPETS);
        assertThat(log).doesNotContain("runs on GraalPy");
        assertThat(output.lines()).containsExactly("answer: 42", "0, 1, 9", "  21|3|5.25");
    }

    /** A declarative ingest: paths, pagination and Jinja only, so not even the Java evaluator of Python is needed. */
    @Test
    void aDeclarativePaginatedIngestNeverStartsGraalPy() throws IOException, InterruptedException {
        WireMockServer api = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        api.start();
        try {
            api.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("1"))
                    .willReturn(okJson("{\"items\": [{\"id\": 1}, {\"id\": 2}], \"next\": 2}")));
            api.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("2"))
                    .willReturn(okJson("{\"items\": [], \"next\": null}")));
            Path project = Files.createDirectories(tmp.resolve("declarative/flows")).getParent();
            Files.writeString(project.resolve("project.yaml"), "name: declarative\n");
            Files.createDirectories(project.resolve("sources"));
            Files.writeString(project.resolve("sources/stage.yaml"), "type: duckdb\nconn_str: \"duckdb:///stage.duckdb\"\n");
            Files.writeString(project.resolve("flows/main.yaml"), """
                    steps:
                      - op: http_request
                        id: items
                        request:
                          url: "%s/items"
                        response:
                          tables:
                            - {source: stage, table: items, columns: {id: integer}, data_path: items}
                          variables:
                            last_next_path: next
                          pagination: {type: page_number}
                      - op: print
                        message: "rows: {{ query_value('SELECT count(*) FROM items', 'int', 'stage') }}"
                    """.formatted(api.baseUrl()));
            Path classLog = tmp.resolve("declarative-classes.log");
            Result run = runLoggingClasses(project, tmp.resolve("declarative-home"), classLog);

            assertThat(run.exit()).as(run.errors()).isZero();
            assertThat(run.output().lines()).containsExactly("rows: 2");
            List<String> loaded = Files.readAllLines(classLog);
            assertThat(loaded.stream().filter(line -> line.contains(" org.graalvm.polyglot.")
                    || line.contains(" com.oracle.graal.python.") || line.contains(" com.oracle.truffle.")))
                    .as("GraalPy classes loaded by a flow of paths, pagination and Jinja").isEmpty();
            assertThat(api.getAllServeEvents()).hasSize(2);
        } finally {
            api.stop();
        }
    }

    /** Standard output (print lines) apart from standard error (the JVM's own warnings go there). */
    private record Result(int exit, String output, String errors) {
    }

    private static Result runLoggingClasses(Path project, Path home, Path classLog) throws IOException,
            InterruptedException {
        // as the launcher does: the HTTP client and DuckDB use java.util.logging before Quarkus could set it
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "--enable-native-access=ALL-UNNAMED",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Xlog:class+load=info:file=" + classLog, "-cp", testClassPath(), PlainRunMain.class.getName(), "main",
                "-p", project.toString(), "--home-dir", home.toString(), "--quiet"));
        Path stderr = Files.createTempFile(classLog.getParent(), "stderr", ".txt");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the run ends").isTrue();
        return new Result(process.exitValue(), output, Files.readString(stderr));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire runs tests from a manifest-only jar; the real class path is in its own system property. */
    private static String testClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        assertThat(classPath.split(File.pathSeparator)).as("test class path").hasSizeGreaterThan(2);
        return classPath;
    }
}
