package dev.sequor.expr.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytecode cache: GraalPy writes the stdlib's .pyc files into its own folder and reads them back, while
 * snippets still cannot read or write host files, nor write anything but new .pyc files inside that folder.
 * Uses a runtime of its own (not the shared engine) so the cache folder is this test's.
 */
class PythonBytecodeCacheTest {

    @TempDir
    static Path cache;

    private static PythonRuntime py;

    @BeforeAll
    static void start() {
        PythonEngine.shared(); // sets the resource cache folder of the test JVM before the first engine
        PythonTestSupport.eval("1");
        py = new PythonRuntime(cache);
    }

    @AfterAll
    static void stop() {
        if (py != null) {
            py.close();
        }
    }

    /** The snippet's value, or "TypeName: message" when it raised. */
    private static String run(String code) {
        Value outcome = py.run(py.compile(code, "value_expression"), null);
        if (outcome.getArrayElement(0).asBoolean()) {
            return String.valueOf(py.fromPython.convert(outcome.getArrayElement(1)));
        }
        return outcome.getArrayElement(1).asString() + ": " + outcome.getArrayElement(2).asString();
    }

    private static String quoted(Path path) {
        return "'" + path.toAbsolutePath() + "'";
    }

    private static Stream<Path> bytecodeFiles() throws IOException {
        return Files.walk(cache).filter(p -> p.getFileName().toString().endsWith(".pyc"));
    }

    @Test
    void importsWriteTheStdlibBytecodeIntoTheCache() throws IOException {
        assertThat(run("import json\nreturn json.dumps({'a': 1})")).isEqualTo("{\"a\": 1}");
        assertThat(run("import sys\nreturn sys.pycache_prefix")).isEqualTo(cache.toAbsolutePath().toString());
        try (Stream<Path> files = bytecodeFiles()) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("__init__.") && name.endsWith(".pyc")) // json/__init__.py
                    .anyMatch(name -> name.startsWith("decoder."));
        }
    }

    @Test
    void thePreludeRunsFromItsCachedBytecode() throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("sequor_prelude.py")
                    .anyMatch(name -> name.startsWith("sequor_prelude.") && name.endsWith(".pyc"));
        }
        try (PythonRuntime second = new PythonRuntime(cache)) { // loads the prelude from the .pyc just written
            Value outcome = second.run(second.compile("context.sources is not None and 40 + 2", "k_expression"), null);
            assertThat(second.fromPython.convert(outcome.getArrayElement(1))).isEqualTo(42L);
        }
    }

    @Test
    void theLanguageHomeIsReadOnly() {
        assertThat(run("import json\nreturn len(open(json.__file__).read()) > 0")).isEqualTo("true");
        assertThat(run("import json, os\nopen(os.path.join(os.path.dirname(json.__file__), 'x.py'), 'w')"))
                .startsWith("PermissionError: ");
    }

    @Test
    void hostFilesStayOutOfReach() {
        assertThat(run("open('/etc/passwd').read()")).startsWith("PermissionError: ");
        assertThat(run("import os\nreturn os.listdir('/')")).startsWith("PermissionError: ");
        assertThat(run("open('/tmp/sequor-pycache-probe', 'w').write('x')")).startsWith("PermissionError: ");
        assertThat(Path.of("/tmp/sequor-pycache-probe")).doesNotExist();
        assertThat(run("open(" + quoted(cache) + " + '/../../../../etc/passwd').read()")).startsWith("PermissionError: ");
    }

    @Test
    void snippetsCannotWriteDataOrReplaceBytecodeInTheCache() throws IOException {
        run("import json");
        assertThat(run("open(" + quoted(cache.resolve("notes.txt")) + ", 'w').write('x')")).startsWith("PermissionError: ");
        assertThat(cache.resolve("notes.txt")).doesNotExist();
        Path existing;
        try (Stream<Path> files = bytecodeFiles()) {
            existing = files.findFirst().orElseThrow();
        }
        byte[] before = Files.readAllBytes(existing);
        assertThat(run("open(" + quoted(existing) + ", 'wb').write(b'x')")).startsWith("PermissionError: ");
        assertThat(run("open(" + quoted(existing) + ", 'ab').write(b'x')")).startsWith("PermissionError: ");
        assertThat(run("import os\nos.remove(" + quoted(existing) + ")")).startsWith("PermissionError: ");
        assertThat(Files.readAllBytes(existing)).isEqualTo(before);
    }
}
