package dev.sequor.expr.jinja;

/**
 * A template render ran past its time limit ({@link RenderDeadline}). Jinjava may wrap it on the way out
 * ("Error rendering tag"); {@link TemplateFailures} finds it in the cause chain and names the limit.
 */
final class TemplateTimeout extends RuntimeException {

    private final long limitNanos;

    TemplateTimeout(long limitNanos) {
        super("the render ran past its time limit", null, false, false);
        this.limitNanos = limitNanos;
    }

    long limitNanos() {
        return limitNanos;
    }
}
