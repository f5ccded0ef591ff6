package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Four of Jinja2's tests that Jinjava has otherwise: {@code defined} and {@code undefined} ask for a
 * {@link PythonUndefined} (Jinjava asked for null, so a name set to None was undefined); {@code in} is Python's membership ({@code 'x' is in 'xyz'} is
 * True; Jinjava required a list), and {@code sequence} is true for a string and a dict too (Jinja2 asks for a length
 * and item access; Jinjava said False for a string).
 */
final class PythonTests {

    private PythonTests() {
    }

    static List<ExpTest> all() {
        return List.of(new In(), new Sequence(), new Defined(true), new Defined(false), new Truthy());
    }

    /**
     * The test {@code truthy}, which Jinjava's {@code selectattr}/{@code rejectattr} take when no test is given
     * (Jinja2 takes the attribute's truth there, {@link PythonTruth}).
     */
    static final class Truthy implements ExpTest {

        @Override
        public String getName() {
            return "truthy";
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            return PythonTruth.of(var);
        }
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

    /** {@code defined} (or {@code undefined}): the value is not (or is) Jinja2's undefined. */
    static final class Defined implements ExpTest {

        private final boolean defined;

        Defined(boolean defined) {
            this.defined = defined;
        }

        @Override
        public String getName() {
            return defined ? "defined" : "undefined";
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            return !(var instanceof PythonUndefined) == defined;
        }
    }
}
