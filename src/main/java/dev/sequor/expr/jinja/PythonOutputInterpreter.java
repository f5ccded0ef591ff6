package dev.sequor.expr.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.NullValue;
import com.hubspot.jinjava.objects.DummyObject;
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
    /** Macro calls in progress, one inside the other ({@link PythonCall} limits it, as Python limits recursion). */
    private int macroDepth;

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

    int macroDepth() {
        return macroDepth;
    }

    void enterMacro() {
        macroDepth++;
    }

    void leaveMacro() {
        macroDepth--;
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

    /**
     * A loop variable bound to a None item that hides an outer variable of the same name holds Jinjava's
     * {@link NullValue} marker (a null would let the outer value show through); it reads as None, where Jinjava 2.8
     * printed {@code null}.
     */
    @Override
    public Object retraceVariable(String variable, int lineNumber, int startPosition) {
        Object value = super.retraceVariable(variable, lineNumber, startPosition);
        return value instanceof NullValue ? null : value;
    }

    /**
     * Python's {@code str()}; Jinjava's stand-in for unknown values while checking prints as nothing, and an undefined
     * value fails.
     */
    @Override
    public String getAsString(Object value) {
        if (value instanceof DummyObject) {
            return "";
        }
        if (value instanceof PythonUndefined undefined) {
            throw undefined.error(); // Jinja2's StrictUndefined fails when printed
        }
        return PythonStr.str(value);
    }
}
