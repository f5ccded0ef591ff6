package dev.sequor.run.progress;

import dev.sequor.http.SendCounter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@link OpStats} of every op that did work in a run (http_request, transform, execute, migrate_schema), in the
 * order they first ran, and which of them is running now. Ops that do work never nest (they are leaves of the op
 * tree; parallelism lives inside one op), so "the running op" is one op at a time: whoever counts asks
 * {@link #current()}, from any thread. Counts made while no such op runs go to a detached instance that is never
 * reported. As the run's {@link SendCounter}, it passes the HTTP client's counts to the running op.
 */
public final class RunStats implements SendCounter {

    private final LongSupplier clock;
    /** Keyed by the op itself (identity), so that the executions of an op in a loop add up to one line. */
    private final Map<Object, OpStats> byOp = new IdentityHashMap<>();
    private final List<OpStats> order = new ArrayList<>();
    private final OpStats outsideOps = new OpStats("");
    private volatile OpStats current = outsideOps;
    /** Told when an op ends, before the op's closing log line is written ({@link #onOpEnd}). */
    private volatile Runnable opEnded = () -> { };

    /** {@code clock} gives nanoseconds, as {@link System#nanoTime()} does (tests pass their own). */
    public RunStats(LongSupplier clock) {
        this.clock = clock;
    }

    /** The time now, on this run's clock. */
    public long now() {
        return clock.getAsLong();
    }

    /** Marks {@code op} (labelled {@code label}) as running and returns its stats, to hand back to {@link #end}. */
    public OpStats start(Object op, String label) {
        OpStats stats;
        synchronized (this) {
            stats = byOp.get(op);
            if (stats == null) {
                stats = new OpStats(label);
                byOp.put(op, stats);
                order.add(stats);
            }
        }
        stats.started(now());
        current = stats;
        return stats;
    }

    /** Ends the execution of the op {@link #start} returned {@code stats} for. */
    public void end(OpStats stats, boolean failed) {
        stats.ended(now(), failed);
        current = outsideOps;
        opEnded.run();
    }

    /** {@code listener} runs whenever an op ends, on the op's thread (the progress line goes with the op). */
    public void onOpEnd(Runnable listener) {
        opEnded = listener;
    }

    /** The stats of the op running now (a detached instance when none is). */
    public OpStats current() {
        return current;
    }

    /** Every op that ran, in the order each first started. */
    public synchronized List<OpStats> ops() {
        return List.copyOf(order);
    }

    @Override
    public void requestSent() {
        current.requestSent();
    }

    @Override
    public void retried() {
        current.retried();
    }
}
