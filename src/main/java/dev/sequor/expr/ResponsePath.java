package dev.sequor.expr;

import io.burt.jmespath.Adapter;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.RuntimeConfiguration;
import io.burt.jmespath.JmesPathType;
import io.burt.jmespath.function.FunctionArgument;
import io.burt.jmespath.function.FunctionRegistry;
import io.burt.jmespath.jcf.JcfRuntime;
import java.util.List;

/**
 * A JMESPath expression over a parsed JSON body ({@code data}, {@code meta.total_pages}, {@code data[-1].id},
 * {@code items[?state=='enabled']}), compiled once when the flow is read. It runs on the plain Java values
 * {@link dev.sequor.http.HttpResponseData#json()} gives (maps, lists, strings, numbers, booleans), so a body is parsed
 * once whether paths, templates or snippets read it. Thread-safe.
 */
public final class ResponsePath {

    private static final JmesPath<Object> JMESPATH = new JcfRuntime(RuntimeConfiguration.builder()
            .withFunctionRegistry(FunctionRegistry.defaultRegistry().extend(new SumFunction(), new ContainsFunction()))
            .build());
    private static final String COMPILE_PREFIX = "Unable to compile expression ";

    private final String expression;
    private final Expression<Object> compiled;

    private ResponsePath(String expression, Expression<Object> compiled) {
        this.expression = expression;
        this.compiled = compiled;
    }

    /** Compiles {@code expression}; an {@link IllegalArgumentException} saying what is wrong with it when it is not JMESPath. */
    public static ResponsePath compile(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a path cannot be empty (write @ for the whole body)");
        }
        try {
            return new ResponsePath(expression, JMESPATH.compile(expression));
        } catch (JmesPathException e) {
            throw new IllegalArgumentException(detail(e));
        }
    }

    /**
     * What the path selects in {@code body}; null when it selects nothing (a missing key is not an error, as in
     * JMESPath). An {@link IllegalArgumentException} when a function gets the wrong type, e.g. {@code length(@)} of a
     * number.
     */
    public Object select(Object body) {
        try {
            return compiled.search(body);
        } catch (JmesPathException e) {
            throw new IllegalArgumentException(detail(e));
        }
    }

    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }

    /**
     * {@code sum} as Python's jmespath (and so upstream snippets) computes it: whole numbers add up to a whole number
     * ({@code 3}, not {@code 3.0}, which would land as the text "3.0"); any fraction, or a sum past a long, gives a
     * double as before. The class keeps the library's name: the library derives the function's name from it.
     */
    private static final class SumFunction extends io.burt.jmespath.function.SumFunction {
        @Override
        protected <T> T performMathOperation(Adapter<T> runtime, List<T> values) {
            long total = 0;
            for (T v : values) {
                if (!(v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
                    return super.performMathOperation(runtime, values);
                }
                try {
                    total = Math.addExact(total, ((Number) v).longValue());
                } catch (ArithmeticException e) {
                    return super.performMathOperation(runtime, values);
                }
            }
            return runtime.createNumber(total);
        }
    }

    /**
     * {@code contains(array, value)} as Python's jmespath computes it, with Python's {@code in}: numbers equal by value
     * ({@code contains([2], `2.0`)} is true, as are 1 and true), and so do lists and objects holding them. The library
     * asks Java's {@code List.contains}, for which 2 and 2.0 differ. Strings are the library's (a substring test).
     */
    private static final class ContainsFunction extends io.burt.jmespath.function.ContainsFunction {
        @Override
        protected <T> T callFunction(Adapter<T> runtime, List<FunctionArgument<T>> arguments) {
            T subject = arguments.get(0).value();
            if (runtime.typeOf(subject) != JmesPathType.ARRAY) {
                return super.callFunction(runtime, arguments);
            }
            Object needle = arguments.get(1).value();
            for (T element : runtime.toList(subject)) {
                if (PythonEquality.equal(element, needle)) {
                    return runtime.createBoolean(true);
                }
            }
            return runtime.createBoolean(false);
        }
    }

    /** The library's message without the expression it repeats (our messages quote the path themselves). */
    private static String detail(JmesPathException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (m.startsWith(COMPILE_PREFIX)) {
            int colon = m.indexOf("\": ");
            if (colon > 0) {
                m = m.substring(colon + 3);
            }
        }
        return m;
    }
}
