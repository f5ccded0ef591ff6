package dev.sequor.expr.python;

import dev.sequor.error.SourcePos;
import dev.sequor.expr.python.subset.JavaSnippet;

/**
 * One {@code *_expression} snippet, prepared for the engine that will run it: the Java evaluator when the snippet
 * stays inside the Python subset it runs exactly, else GraalPy. Made by {@link SnippetEngine#prepare}.
 *
 * @param java the compiled snippet when the Java evaluator runs it, else null
 * @param graalPy the snippet as GraalPy takes it when GraalPy runs it, else null
 * @param keyName the YAML key, e.g. {@code url_expression}
 * @param pos where the key was written
 * @param whyGraalPy when GraalPy runs it, why (a construct outside the subset, or {@code SEQUOR_PYTHON=graalpy})
 */
public record Snippet(JavaSnippet java, PythonSnippet graalPy, String keyName, SourcePos pos, String whyGraalPy) {

    public boolean runsOnGraalPy() {
        return java == null;
    }

    /** For the log: {@code url_expression at flows/x.yaml:12:5 runs on the Java evaluator}. */
    public String describeEngine() {
        String where = keyName() + " at " + pos();
        return java != null ? where + " runs on the Java evaluator" : where + " runs on GraalPy: " + whyGraalPy;
    }
}
