package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Two of Jinja2's tests that Jinjava has otherwise: {@code in} is Python's membership ({@code 'x' is in 'xyz'} is
 * True; Jinjava required a list), and {@code sequence} is true for a string and a dict too (Jinja2 asks for a length
 * and item access; Jinjava said False for a string).
 */
final class PythonTests {

    private PythonTests() {
    }

    static List<ExpTest> all() {
        return List.of(new In(), new Sequence());
    }

    static final class In implements ExpTest {

        @Override
        public String getName() {
            return "in";
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            if (args == null || args.length != 1) {
                throw new TemplateValueException("test 'in' takes one argument, the container");
            }
            return PythonComparison.contains(args[0], var);
        }
    }

    static final class Sequence implements ExpTest {

        @Override
        public String getName() {
            return "sequence";
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            return var instanceof CharSequence || var instanceof Collection<?> || var instanceof Map<?, ?>;
        }
    }
}
