package dev.sequor.expr.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;

/**
 * One measurement of GraalPy's start-up in a fresh JVM, through Sequor's own {@link PythonSandbox} and prelude;
 * {@link PythonStartupBench} runs it many times (see {@code scripts/python-startup}). Not a test.
 *
 * <p>Arguments: {@code off|cold|warm BYTECODE_DIR}: no bytecode cache (how Sequor ran before), an emptied one, or
 * one left by an earlier run. {@code -Dprobe.options=k=v,...} adds context options (experiments),
 * {@code -Dprobe.loop=N} times N calls of a small snippet after the imports. Prints one line of milliseconds:
 * {@code context} (engine, context and Python's core), {@code prelude}, {@code snippet} (the first one),
 * {@code json} and {@code hashlib} (the first snippet importing each), {@code total}, {@code loop}.
 */
public final class PythonStartupProbe {

    private PythonStartupProbe() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path dir = Path.of(args[1]).toAbsolutePath();
        if (mode.equals("cold")) {
            deleteTree(dir);
        }
        Path bytecodeCache = mode.equals("off") ? null : Files.createDirectories(dir);
        Map<String, Long> ms = new LinkedHashMap<>();

        long start = System.nanoTime();
        long t = start;
        Engine engine = PythonSandbox.newEngine();
        Context.Builder builder = PythonSandbox.context(engine, bytecodeCache);
        String options = System.getProperty("probe.options", "");
        for (String option : options.split(",")) {
            if (!option.isBlank()) {
                String[] kv = option.split("=", 2);
                builder.allowExperimentalOptions(true).option(kv[0], kv[1]);
            }
        }
        Context context = builder.build();
        context.initialize("python");
        t = lap(ms, "context", t);
        try (PythonRuntime py = new PythonRuntime(engine, context, bytecodeCache)) {
            t = lap(ms, "prelude", t);
            expect(py, "40 + 2", "42");
            t = lap(ms, "snippet", t);
            expect(py, "import json\nreturn json.dumps({'a': [1, 2]})", "{\"a\": [1, 2]}");
            t = lap(ms, "json", t);
            expect(py, "import hashlib\nreturn hashlib.sha256(b'x').hexdigest()[:8]", "2d711642");
            t = lap(ms, "hashlib", t);
            ms.put("total", (t - start) / 1_000_000);
            ms.put("loop", loop(py, Integer.getInteger("probe.loop", 0)));
        }
        StringBuilder line = new StringBuilder();
        ms.forEach((k, v) -> line.append(k).append('=').append(v).append(' '));
        System.out.println(line.toString().strip());
    }

    /** Milliseconds for {@code n} calls of a snippet shaped like the ones flows write (a loop, a dict). */
    private static long loop(PythonRuntime py, int n) {
        if (n == 0) {
            return 0;
        }
        Value function = py.compile("s = 0\nfor i in range(10):\n    s += len(str(i)) * 2\n"
                + "return {'id': s, 'name': 'x' + str(s)}", "value_expression");
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Value outcome = py.run(function, null);
            if (!outcome.getArrayElement(0).asBoolean() || py.fromPython.convert(outcome.getArrayElement(1)) == null) {
                throw new IllegalStateException("the loop snippet failed: " + outcome);
            }
        }
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static void expect(PythonRuntime py, String code, String expected) {
        Value outcome = py.run(py.compile(code, "value_expression"), null);
        String actual = outcome.getArrayElement(0).asBoolean()
                ? String.valueOf(py.fromPython.convert(outcome.getArrayElement(1))) : outcome.toString();
        if (!actual.equals(expected)) {
            throw new IllegalStateException(code + " gave " + actual);
        }
    }

    private static long lap(Map<String, Long> ms, String stage, long since) {
        long now = System.nanoTime();
        ms.put(stage, (now - since) / 1_000_000);
        return now;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
