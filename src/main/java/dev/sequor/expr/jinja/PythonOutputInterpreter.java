package dev.sequor.expr.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/**
 * A Jinjava interpreter that prints {@code {{ value }}} as Python's {@code str(value)} ({@code True}, {@code None},
 * {@code ['a', 1]}), as Jinja2 does, instead of Java's or Jinjava's "pyish" forms ({@code true}, empty, {@code {'a':
 * 1} }). The factory makes Jinjava use it for nested interpreters (macros, includes) too.
 */
final class PythonOutputInterpreter extends JinjavaInterpreter {

    static final InterpreterFactory FACTORY = new InterpreterFactory() {
        @Override
        public JinjavaInterpreter newInstance(JinjavaInterpreter parent) {
            return new PythonOutputInterpreter(parent);
        }

        @Override
        public JinjavaInterpreter newInstance(Jinjava jinjava, Context context, JinjavaConfig config) {
            return new PythonOutputInterpreter(jinjava, context, config);
        }
    };

    PythonOutputInterpreter(Jinjava jinjava, Context context, JinjavaConfig config) {
        super(jinjava, context, config);
    }

    private PythonOutputInterpreter(JinjavaInterpreter parent) {
        super(parent);
    }

    @Override
    public String getAsString(Object value) {
        return PythonStr.str(value);
    }
}
