package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

        List<String> command = new ArrayList<>(List.of(javaExecutable(), "--enable-native-access=ALL-UNNAMED", "-Xlog:class+load=info:file=" + classLog,
                "-cp", testClassPath(), PlainRunMain.class.getName(), "main", "-p", project.toString(), "--home-dir",
                home.toString(), "--quiet"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the run ends").isTrue();

        assertThat(process.exitValue()).as(output).isZero();
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
