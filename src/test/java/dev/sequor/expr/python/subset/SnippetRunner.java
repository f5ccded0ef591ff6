package dev.sequor.expr.python.subset;

import dev.sequor.expr.python.syntax.ParsedSnippet;
import dev.sequor.expr.python.syntax.Parser;

/** Test helper: runs a snippet on the Java evaluator alone and describes the outcome as GraalPy's oracle does. */
final class SnippetRunner {

    private SnippetRunner() {
    }

    /** {@code OK <repr>} or {@code ERR <Type>: <message>}; the snippet must fit the subset. */
    static String outcome(String code) {
        ParsedSnippet parsed = Parser.parseSnippet(code);
        JavaSnippet snippet = JavaSnippet.compile(parsed.expression(), parsed.body());
        try {
            Object[] result = new Object[1];
            // run through a wrapper that keeps the Python value (not converted to plain Java)
            result[0] = snippet.callRaw(new EmptyScope(), null);
            return "OK " + Py.repr(result[0]);
        } catch (PyExc e) {
            String m = e.getMessage();
            return "ERR " + e.type().name() + (m.isEmpty() ? "" : ": " + m);
        }
    }
}
