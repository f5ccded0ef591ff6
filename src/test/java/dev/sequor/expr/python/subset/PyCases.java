package dev.sequor.expr.python.subset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Table-driven checks of the Java evaluator against answers recorded from GraalPy: each case runs a call and
 * compares {@code OK repr(result)} or {@code ERR Type: message} with the recorded text.
 */
final class PyCases {

    private PyCases() {
    }

    record Case(String python, Supplier<Object> call, String expected) {
    }

    static Case c(String python, Supplier<Object> call, String expected) {
        return new Case(python, call, expected);
    }

    static Stream<DynamicTest> tests(Case... cases) {
        return Stream.of(cases).map(k -> DynamicTest.dynamicTest(k.python(), () -> assertEquals(k.expected(), run(k.call()), k.python())));
    }

    /** What the GraalPy probe prints for an expression: its repr, or the exception's type and message. */
    static String run(Supplier<Object> call) {
        try {
            return "OK " + Py.repr(call.get());
        } catch (PyExc e) {
            return "ERR " + e.type().name() + ": " + e.getMessage();
        }
    }

    static PyBytes b(String hex) {
        return new PyBytes(HexFormat.of().parseHex(hex));
    }

    static PyDict dict(Object... keysAndValues) {
        PyDict d = new PyDict();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            d.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return d;
    }

    static Kwargs kw(Object... namesAndValues) {
        Kwargs k = new Kwargs();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            k.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return k;
    }
}
