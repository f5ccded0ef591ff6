package dev.sequor.expr.jinja;

import com.hubspot.jinjava.el.ext.AbstractCallableMethod;
import com.hubspot.jinjava.el.ext.AstMacroFunction;
import com.hubspot.jinjava.interpret.AutoCloseableSupplier.AutoCloseableImpl;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.MacroFunction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELException;

/**
 * {@code name(args)} as Jinja2 calls it: a registered function as Jinjava calls it; a macro, also one that calls
 * itself (Jinjava rendered nothing for a macro already on its call stack, so a macro over a tree rendered only its
 * first level); and a value bound to the name that is a {@link PythonCallable} ({@code joiner()}, a recursive
 * {@code loop}), which {@link CallableNamesTree} lets the expression bind to {@link #VALUE_CALL}.
 */
final class PythonCall extends AstMacroFunction {

    /** The method a name bound to a callable value is bound to; never invoked, {@link #eval} calls the value. */
    static final Method VALUE_CALL;

    static {
        try {
            VALUE_CALL = PythonCall.class.getDeclaredMethod("valueCall", Object[].class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final AstParameters params;

    PythonCall(String name, int index, AstParameters params, boolean varargs) {
        super(name, index, params, varargs);
        this.params = params;
    }

    /** Stands for a callable value in the expression's bindings; see {@link #VALUE_CALL}. */
    static Object valueCall(Object... args) {
        throw new IllegalStateException("a callable value is called by PythonCall.eval");
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        Method method = bindings.getFunction(getIndex());
        if (method == VALUE_CALL) {
            return callValue(bindings, context, JinjavaInterpreter.getCurrent());
        }
        if (method == AbstractCallableMethod.EVAL_METHOD) {
            JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
            // the interpreter's own mode: a macro's context may not carry the checking mode of the template's
            MacroFunction macro = interpreter.isValidationMode() ? null : interpreter.getContext().getGlobalMacro(getName());
            if (macro != null && !macro.isCaller() && !macro.isDeferred()) {
                return callMacro(bindings, context, interpreter, macro);
            }
        }
        // validation mode keeps Jinjava's cycle check: it walks every branch, so a recursion would never end
        return super.eval(bindings, context);
    }

    private Object callValue(Bindings bindings, ELContext context, JinjavaInterpreter interpreter) {
        if (interpreter.isValidationMode()) {
            return ""; // values are unknown while checking
        }
        Object value = interpreter.getContext().get(getName());
        if (value instanceof PythonCallable callable) {
            return callable.call(params.eval(bindings, context));
        }
        if (value == null && !StrictNames.isBound(getName())) {
            throw TemplateValueException.undefined(getName());
        }
        throw new TemplateValueException("'" + PythonStr.typeName(value) + "' object is not callable");
    }

    private Object callMacro(Bindings bindings, ELContext context, JinjavaInterpreter interpreter,
                             MacroFunction macro) {
        PythonOutputInterpreter python = (PythonOutputInterpreter) interpreter;
        if (python.macroDepth() >= RecursionLimit.LEVELS) {
            throw RecursionLimit.exceeded();
        }
        python.enterMacro();
        try (AutoCloseableImpl<String> pushed = interpreter.getContext().getMacroStack()
                .closeablePushWithoutCycleCheck(getName(), interpreter.getLineNumber(), interpreter.getPosition())
                .get()) {
            return invoke(bindings, context, macro, AbstractCallableMethod.EVAL_METHOD);
        } catch (IllegalAccessException e) {
            throw new ELException("Cannot access function '" + getName() + "'", e);
        } catch (InvocationTargetException e) {
            throw new ELException("Error invoking function '" + getName() + "'", e.getCause());
        } finally {
            python.leaveMacro();
        }
    }
}
