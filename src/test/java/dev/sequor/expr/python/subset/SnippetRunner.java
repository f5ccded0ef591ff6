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
            // the Python value itself, not converted to plain Java, so its repr can be compared
            return "OK " + Py.repr(snippet.callRaw(new EmptyScope(), null));
        } catch (PyExc e) {
            String m = e.getMessage();
            return "ERR " + e.type().name() + (m.isEmpty() ? "" : ": " + m);
        }
    }
}
