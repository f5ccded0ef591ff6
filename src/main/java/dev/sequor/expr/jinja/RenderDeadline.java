package dev.sequor.expr.jinja;

import java.time.Duration;

/**
 * The time one render of a template may take ({@code evaluation_timeout_seconds}, as for a Python snippet). Jinjava
 * ticks it before every node it renders and for every loop item (see {@link PythonOutputInterpreter}); every 1024
 * ticks it reads the clock, so a loop bomb ends with {@link TemplateTimeout} at the cost of a counter increment per
 * step. Once expired it stays expired: a later tick throws again at once, so Jinjava code that turns an exception
 * into a collected error cannot let the render go on for long. One per render, used by one thread.
 */
final class RenderDeadline {

    private final long limitNanos;
    private final long deadlineNanos;
    private int ticks;
    private boolean expired;

    RenderDeadline(Duration limit) {
        this.limitNanos = limit.toNanos();
        this.deadlineNanos = System.nanoTime() + limitNanos;
    }

    void tick() {
        if (expired || ((++ticks & 0x3FF) == 0 && System.nanoTime() - deadlineNanos > 0)) {
            expired = true;
            throw new TemplateTimeout(limitNanos);
        }
    }

    /** True once a tick found the time up, even if what it threw was caught on the way. */
    boolean expired() {
        return expired;
    }

    long limitNanos() {
        return limitNanos;
    }
}
