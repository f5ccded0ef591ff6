package dev.sequor.expr.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;

/**
 * A Jinjava interpreter that prints {@code {{ value }}} as Python's {@code str(value)} ({@code True}, {@code None},
 * {@code ['a', 1]}), as Jinja2 does, instead of Java's or Jinjava's "pyish" forms ({@code true}, empty, {@code {'a':
 * 1} }), and that keeps the render's {@link RenderDeadline}. The factory makes Jinjava use it for nested interpreters
 * (macros, includes) too, which share their parent's deadline.
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

    /** Null while checking a template at compile time, which walks every branch once and needs no limit. */
    private RenderDeadline deadline;

    PythonOutputInterpreter(Jinjava jinjava, Context context, JinjavaConfig config) {
        super(jinjava, context, config);
    }

    private PythonOutputInterpreter(JinjavaInterpreter parent) {
        super(parent);
        this.deadline = parent instanceof PythonOutputInterpreter p ? p.deadline : null;
    }

    void limitTo(RenderDeadline deadline) {
        this.deadline = deadline;
    }

    /** Jinjava's node pre-processor: called before each node (text, expression, tag) is rendered. */
    static void beforeNode(Node node, JinjavaInterpreter interpreter) {
        if (interpreter instanceof PythonOutputInterpreter p && p.deadline != null) {
            p.deadline.tick();
        }
    }

    /** Jinjava wraps each item of a for loop here: ticks loops whose body renders no node ({@code {% for %}{% endfor %}}). */
    @Override
    public Object wrap(Object value) {
        if (deadline != null) {
            deadline.tick();
        }
        return super.wrap(value);
    }

    @Override
    public String getAsString(Object value) {
        return PythonStr.str(value);
    }
}
