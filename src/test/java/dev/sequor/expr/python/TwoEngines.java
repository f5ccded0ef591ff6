package dev.sequor.expr.python;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.expr.ExprScope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs snippets on the Java evaluator (through {@link SnippetEngine}, as flows do) and on GraalPy (through
 * {@link PythonEngine}, the same calling convention and error texts) and returns what each made of them.
 *
 * <p>GraalPy interprets without a JIT here, so each call costs milliseconds: generated cases are sent to it in
 * batches, one snippet that compiles each case as Sequor's prelude does (its own {@code def evaluate(context, ...)}
 * in a fresh namespace, so names and qualified names are those of a real snippet), calls it and catches what it
 * raises. The Java evaluator has no {@code try}, so the Java side runs every case as a snippet of its own.
 */
final class TwoEngines {

    static final String KEY = "value_expression";
    static final SourcePos POS = PythonTestSupport.POS;

    /** How a plain Java result is shown: the repr string as is, null as such, anything else with its Java class. */
    static final Function<Object, String> REPR = v -> v instanceof String s ? s
            : v == null ? "<None>" : "<not a repr: " + PlainValues.describe(v) + ">";

    /** Runs {@code code} on the Java evaluator; a snippet outside the subset is reported, not run on GraalPy. */
    Outcome java(String code, ExprScope scope, Function<Object, String> render) {
        Snippet snippet;
        try {
            snippet = SnippetEngine.shared().prepare(code, KEY, POS);
        } catch (SequorException e) {
            return Outcome.error(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.crash(e);
        }
        if (snippet.runsOnGraalPy()) {
            return Outcome.fallback(snippet.whyGraalPy());
        }
        try {
            return Outcome.value(render.apply(SnippetEngine.shared().call(snippet, scope, null)));
        } catch (SequorException e) {
            return Outcome.error(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.crash(e);
        }
    }

    /** Runs {@code code} on GraalPy, exactly as a flow with {@code SEQUOR_PYTHON=graalpy} would. */
    Outcome graalPy(String code, ExprScope scope, Function<Object, String> render) {
        try {
            PythonEngine engine = PythonEngine.shared();
            return Outcome.value(render.apply(engine.call(engine.prepare(code, KEY, POS), scope)));
        } catch (SequorException e) {
            return Outcome.error(e.getMessage());
        }
    }

    /** The GraalPy outcome of every case, in order, from one snippet for the lot. */
    List<Outcome> graalPyBatch(List<DiffCase> cases, ExprScope scope) {
        PythonEngine engine = PythonEngine.shared();
        try {
            Object result = engine.call(engine.prepare(batchCode(cases), KEY, POS), scope);
            return outcomes(result, cases.size());
        } catch (SequorException e) {
            // a Java exception leaking out of GraalPy itself escapes Python's except: halve the batch to find the case
            if (cases.size() == 1) {
                return List.of(Outcome.error(e.getMessage()));
            }
            int half = cases.size() / 2;
            List<Outcome> outcomes = new ArrayList<>(graalPyBatch(cases.subList(0, half), scope));
            outcomes.addAll(graalPyBatch(cases.subList(half, cases.size()), scope));
            return outcomes;
        }
    }

    private static List<Outcome> outcomes(Object result, int expected) {
        List<?> rows = (List<?>) result;
        if (rows.size() != expected) {
            throw new IllegalStateException("the batch returned " + rows.size() + " outcomes for " + expected + " cases");
        }
        List<Outcome> out = new ArrayList<>(rows.size());
        for (Object r : rows) {
            List<?> row = (List<?>) r;
            if (row.get(0).equals("ok")) {
                out.add(Outcome.value(REPR.apply(row.get(1))));
            } else {
                String type = (String) row.get(1);
                out.add(Outcome.pythonError(type.equals("SequorError") ? null : type, (String) row.get(2)));
            }
        }
        return out;
    }

    /**
     * One function body that compiles each case as the prelude's {@code _compile} does (an expression when the code
     * compiles as one, else a function body), calls it with the snippet's own arguments and catches what it raises.
     */
    static String batchCode(List<DiffCase> cases) {
        StringBuilder code = new StringBuilder("""
                import warnings
                _sig = 'def evaluate(context, is_var_defined, var, table, query, query_scalar, response):\\n'
                def _compiled(src):
                    # SyntaxWarnings of generated code ('is' with a literal...) are noise on the console
                    with warnings.catch_warnings():
                        warnings.simplefilter('ignore')
                        return _compile(src)
                def _compile(src):
                    stripped = src.strip()
                    try:
                        compile(stripped, 'value_expression', 'eval')
                        source = _sig + '    return (\\n' + stripped + '\\n    )\\n'
                    except SyntaxError:
                        lines = src.rstrip().split('\\n')
                        source = _sig + '\\n'.join(('    ' + l) if l.strip() else l for l in lines) + '\\n'
                    namespace = {'__builtins__': __builtins__, '__name__': '__sequor_snippet__'}
                    exec(compile(source, 'value_expression', 'exec'), namespace)
                    return namespace['evaluate']
                _out = []
                for _src in (
                """);
        for (DiffCase c : cases) {
            code.append("        ").append(pythonString(c.code())).append(",\n");
        }
        code.append("""
                        ):
                    try:
                        _f = _compiled(_src)
                        _out.append(('ok', _f(context, is_var_defined, var, table, query, query_scalar, response)))
                    except BaseException as _e:
                        _out.append(('err', type(_e).__name__, str(_e)))
                return _out
                """);
        return code.toString();
    }

    /** A Python string literal for {@code text}. */
    static String pythonString(String text) {
        StringBuilder b = new StringBuilder("'");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.appendCodePoint(c);
            }
        });
        return b.append('\'').toString();
    }
}
