package dev.sequor.expr.python.subset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;

/**
 * Reads a case file of lines {@code expression  =>  OK repr} or {@code expression  =>  ERR Type: message}, written
 * by running each expression in GraalPy 25.2 (with {@link TestPrelude#PRELUDE}), and turns each line into a test
 * evaluating the expression with the Java evaluator's API. Lines starting with # are comments.
 */
final class DifferentialCases {

    private static final String ARROW = "  =>  ";

    private DifferentialCases() {
    }

    static List<DynamicTest> load(String resource) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (InputStream in = DifferentialCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#") || !line.contains(ARROW)) {
                    continue; // comments, and what GraalPy's print wrote while the cases were generated
                }
                int arrow = line.lastIndexOf(ARROW);
                String expr = line.substring(0, arrow);
                // CPython's default repr shows an address, which the Java evaluator leaves out
                String expected = line.substring(arrow + ARROW.length()).replaceAll(" at 0x[0-9a-f]+>", ">");
                tests.add(DynamicTest.dynamicTest(expr, () -> check(expr, expected)));
            }
        }
        return tests;
    }

    static String run(String expr) {
        try {
            return "OK " + Py.repr(CallExpressions.eval(expr));
        } catch (PyExc e) {
            return "ERR " + e.type().name() + ": " + e.getMessage();
        }
    }

    private static void check(String expr, String expected) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, run(expr), expr);
    }
}
