package dev.sequor.expr.python.subset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Table-driven differential tests: each line of a resource file is what GraalPy 25.2 printed for one expression,
 * {@code EXPRESSION  =>  OK repr} or {@code EXPRESSION  =>  ERR Type: message}; the Java evaluator must print the
 * same. Lines starting with {@code #} are comments. To regenerate a file, strip each line after {@code  =>  }
 * and run the expressions through GraalPy with the same printing (repr of the value, or type name and str of the
 * exception).
 */
final class GraalPyTable {

    private GraalPyTable() {
    }

    static Stream<DynamicTest> tests(String resource) {
        String text;
        try (InputStream in = GraalPyTable.class.getResourceAsStream("graalpy/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource graalpy/" + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(line -> {
            int sep = line.indexOf("  =>  ");
            String expression = line.substring(0, sep);
            String expected = line.substring(sep + 6);
            return DynamicTest.dynamicTest(expression, () -> assertEquals(expected, PyExpressions.outcome(expression), expression));
        });
    }
}
