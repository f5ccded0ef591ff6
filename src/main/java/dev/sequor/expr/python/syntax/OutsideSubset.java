package dev.sequor.expr.python.syntax;

/**
 * The snippet is not in the Python subset Sequor evaluates in Java: it uses a form the subset leaves out (a
 * {@code try}, a {@code class}, a {@code global}...) or it is not valid Python at all. Either way GraalPy gets the
 * snippet unchanged and has the last word, including the exact text of a syntax error. The reason is written to
 * the log, so users can see why a snippet needed GraalPy.
 */
public final class OutsideSubset extends RuntimeException {

    private final int line;

    /** {@code line} is the 1-based line of the snippet where the unsupported form starts. */
    public OutsideSubset(int line, String reason) {
        super(reason, null, false, false); // control flow, not a failure: no stack trace needed
        this.line = line;
    }

    public int line() {
        return line;
    }

    /** The reason with its line, e.g. {@code line 3: 'try' statements}. */
    public String describe() {
        return "line " + line + ": " + getMessage();
    }
}
