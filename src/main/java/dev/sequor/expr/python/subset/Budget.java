package dev.sequor.expr.python.subset;

/**
 * The time one snippet evaluation may take. Loops and calls tick it; every 1024 ticks it reads the clock, so a
 * {@code while True: pass} ends with {@link EvaluationTimeout} instead of running forever, at the cost of a counter
 * increment per iteration.
 */
final class Budget {

    private final long deadlineNanos;
    private final long limitNanos;
    private int ticks;

    Budget(long limitNanos) {
        this.limitNanos = limitNanos;
        this.deadlineNanos = System.nanoTime() + limitNanos;
    }

    void tick() {
        if ((++ticks & 0x3FF) == 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new EvaluationTimeout(limitNanos);
        }
    }

    /** Ticks the budget of {@code f}'s evaluation, if it has one (Sequor's own functions run without). */
    static void tick(Frame f) {
        if (f.budget != null) {
            f.budget.tick();
        }
    }
}
