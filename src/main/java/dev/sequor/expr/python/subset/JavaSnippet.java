package dev.sequor.expr.python.subset;

import dev.sequor.expr.ExprScope;
import dev.sequor.expr.python.syntax.Node;
import dev.sequor.expr.python.syntax.OutsideSubset;
import java.util.List;

/**
 * One snippet compiled for the Java evaluator: the body of upstream's {@code def evaluate(context, is_var_defined,
 * var, table, query, query_scalar, response)}, or its single expression. Compiled once, called many times, from
 * any number of threads (each call has its own frame).
 */
public final class JavaSnippet {

    private final Exec body;
    private final int frameSize;

    private JavaSnippet(Exec body, int frameSize) {
        this.body = body;
        this.frameSize = frameSize;
    }

    /**
     * Compiles a parsed snippet: exactly one of {@code expression} (an expression snippet) and {@code statements}
     * (a function body) is non-null. Throws {@link OutsideSubset} for what the evaluator does not run exactly as
     * Python would (an unknown module, a builtin it does not have).
     */
    public static JavaSnippet compile(Node.Expr expression, List<Node.Stmt> statements) {
        Scope scope = new Scope(null, "evaluate");
        for (String p : SequorNames.PARAMETERS) {
            scope.declare(p);
        }
        Compiler compiler = new Compiler(scope);
        Exec body;
        if (expression != null) {
            Code value = compiler.exprs.expr(expression);
            body = f -> {
                f.returnValue = value.eval(f);
                return Exec.RETURN;
            };
        } else {
            scope.declareBindings(statements);
            body = compiler.block(statements);
        }
        return new JavaSnippet(body, scope.size());
    }

    /**
     * Runs the snippet and returns its value as plain Java ({@link HostValues#toJava}). A Python exception
     * propagates as {@link PyExc}; {@code response} is the Response object for the scope's HTTP response, or null;
     * past {@code timeLimit} the evaluation ends with {@link EvaluationTimeout}.
     */
    public Object call(ExprScope scope, Object response, java.time.Duration timeLimit) {
        return HostValues.toJava(callRaw(scope, response, timeLimit));
    }

    /** Without a time limit, for tests. */
    Object callRaw(ExprScope scope, Object response) {
        return callRaw(scope, response, null);
    }

    /**
     * The Python value the snippet returned, before conversion; past {@code timeLimit} (null: none) the evaluation
     * ends with {@link EvaluationTimeout}.
     */
    Object callRaw(ExprScope scope, Object response, java.time.Duration timeLimit) {
        Frame f = new Frame(frameSize, null, timeLimit == null ? null : new Budget(timeLimit.toNanos()));
        Object[] names = SequorNames.bind(scope, (PyResponse) response);
        System.arraycopy(names, 0, f.locals, 0, names.length);
        try {
            return body.exec(f) == Exec.RETURN ? f.returnValue : null;
        } catch (StackOverflowError e) {
            throw new PyExc(PyExcType.RECURSION_ERROR, "maximum recursion depth exceeded");
        }
    }

    /** The {@code response} argument for an HTTP response; make one per response and reuse it across snippets. */
    public static Object response(dev.sequor.http.HttpResponseData data) {
        return data == null ? null : new PyResponse(data);
    }
}
