package dev.sequor.expr.python.subset;

/**
 * A snippet ran past its time limit ({@code evaluation_timeout_seconds} in project.yaml). Not a Python exception:
 * snippets cannot catch it, and the op fails with a message naming the limit.
 */
public final class EvaluationTimeout extends RuntimeException {

    private final long limitNanos;

    EvaluationTimeout(long limitNanos) {
        super(null, null, false, false);
        this.limitNanos = limitNanos;
    }

    /** For the other engine (GraalPy), which enforces the same limit its own way. */
    public static EvaluationTimeout after(java.time.Duration limit) {
        return new EvaluationTimeout(limit.toNanos());
    }

    /** The limit that was exceeded, in nanoseconds. */
    public long limitNanos() {
        return limitNanos;
    }
}
