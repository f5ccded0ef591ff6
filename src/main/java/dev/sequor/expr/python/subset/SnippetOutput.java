package dev.sequor.expr.python.subset;

import java.io.PrintStream;

/**
 * Where a snippet's {@code print()} writes: Sequor's standard output, as with GraalPy. Replaceable so tests can
 * capture what a snippet prints.
 */
public final class SnippetOutput {

    private static volatile PrintStream out = System.out;

    private SnippetOutput() {
    }

    public static PrintStream get() {
        return out;
    }

    /** Sets the stream and returns the previous one, for restoring it. */
    public static PrintStream set(PrintStream stream) {
        PrintStream previous = out;
        out = stream;
        return previous;
    }
}
