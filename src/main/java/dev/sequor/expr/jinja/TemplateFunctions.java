package dev.sequor.expr.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import dev.sequor.error.SequorException;
import dev.sequor.expr.ExprScope;

/**
 * The functions templates can call: {@code var}, {@code is_var_defined}, {@code env}, {@code query_value}. They are
 * static methods (native-image cannot generate classes at run time); each finds the {@link ExprScope} of the render
 * in progress in the interpreter's context, under a key no template identifier can spell.
 */
public final class TemplateFunctions {

    /** Context key of the render's scope; contains a space so that no template can read or shadow it. */
    static final String SCOPE_KEY = "sequor expr scope";

    private TemplateFunctions() {
    }

    static void registerAll(Jinjava jinjava) {
        jinjava.registerFunction(new ELFunctionDefinition("", "var", TemplateFunctions.class, "var", String.class));
        jinjava.registerFunction(new ELFunctionDefinition("", "is_var_defined", TemplateFunctions.class,
                "isVarDefined", String.class));
        jinjava.registerFunction(new ELFunctionDefinition("", "env", TemplateFunctions.class, "env", String.class,
                Object[].class));
        jinjava.registerFunction(new ELFunctionDefinition("", "query_value", TemplateFunctions.class, "queryValue",
                String.class, Object[].class));
    }

    /** {@code var(name)}: the variable's value; the scope's "Variable 'x' is not defined" error passes through. */
    public static Object var(String name) {
        return scope().var(name);
    }

    /** {@code is_var_defined(name)}. */
    public static boolean isVarDefined(String name) {
        return scope().isVarDefined(name);
    }

    /** {@code env(NAME)} or {@code env(NAME, default)}: an OS environment variable. */
    public static Object env(String name, Object... fallback) {
        String value = scope().env(name);
        if (value != null) {
            return value;
        }
        if (fallback != null && fallback.length > 0) {
            return unnamed(fallback[0]);
        }
        throw SequorException.failed(null, "Environment variable '" + name + "' is not set");
    }

    /** {@code query_value(sql, type=None, source=None)}: first cell of the query, converted when a type is given. */
    public static Object queryValue(String sql, Object... args) {
        Object type = null;
        Object source = null;
        int position = 0;
        for (Object arg : args == null ? new Object[0] : args) {
            if (arg instanceof NamedParameter named) {
                switch (named.getName()) {
                    case "type" -> type = named.getValue();
                    case "source" -> source = named.getValue();
                    default -> throw SequorException.failed(null, "query_value got an unexpected argument '"
                            + named.getName() + "', expected type or source");
                }
            } else if (position == 0) {
                type = arg;
                position++;
            } else if (position == 1) {
                source = arg;
                position++;
            } else {
                throw SequorException.failed(null, "query_value takes at most 3 arguments (sql, type, source)");
            }
        }
        Object value = scope().queryValue(sql, source == null ? null : PythonStr.str(source));
        return type == null ? value : QueryValueType.of(type).convert(value);
    }

    private static Object unnamed(Object arg) {
        return arg instanceof NamedParameter named ? named.getValue() : arg;
    }

    private static ExprScope scope() {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        Object scope = interpreter == null ? null : interpreter.getContext().get(SCOPE_KEY);
        if (scope instanceof ExprScope s) {
            return s;
        }
        // only reachable when Jinjava calls a function outside Templates.render (a bug, not user input)
        throw new IllegalStateException("Template function called outside Templates.render");
    }
}
