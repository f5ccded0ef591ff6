package dev.sequor.run.progress;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Shows how the running op is doing while it runs: on a terminal, a {@link StatusLine} updated in place once the op
 * has run for a second; elsewhere (a log file, a CI job), one plain line after every five seconds an op runs. Times
 * add up over the executions of an op (see {@link OpStats}). A
 * daemon thread ticks a few times a second and reads the op's counters without locks; it never keeps the JVM alive,
 * and {@link #close()} stops it at once. {@link #tick()} holds all the deciding, so tests call it with their own clock.
 */
public final class ProgressReporter implements AutoCloseable {

    /** Ops shorter than this never show a line on a terminal: a flash of text helps nobody. */
    static final long SHOW_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How often a plain line is printed for an op still running, when the output is not a terminal. */
    static final long PLAIN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long TICK_MILLIS = 250;

    private final RunStats stats;
    private final StatusLine status;
    private final Consumer<String> plain;
    private final UnaryOperator<String> mask;
    private ScheduledExecutorService ticker;
    private boolean closed;
    /** For each op that printed a plain line: how long it will have run in all when the next one is due. */
    private final Map<OpStats, Long> plainDue = new IdentityHashMap<>();

    /**
     * On a terminal: {@code status} is its line and {@code plain} is not used. Elsewhere {@code status} is null and
     * {@code plain} prints a whole line. {@code mask} hides credentials in what is shown.
     */
    public ProgressReporter(RunStats stats, StatusLine status, Consumer<String> plain, UnaryOperator<String> mask) {
        this.stats = stats;
        this.status = status;
        this.plain = plain;
        this.mask = mask;
        stats.onOpEnd(this::opEnded);
    }

    /**
     * The op ended: its terminal line goes now, not at the next tick, so the op's closing log line is not followed
     * by the line drawn again with its last counts.
     */
    private synchronized void opEnded() {
        if (!closed && status != null) {
            status.clear();
        }
    }

    /** Starts ticking on a daemon thread. */
    public synchronized ProgressReporter start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sequor-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tickQuietly, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Looks at the running op once and shows, updates, prints or clears its line as its time says. */
    public synchronized void tick() {
        if (closed) {
            return;
        }
        long now = stats.now();
        OpStats op = stats.current();
        // the time the op ran in all its executions: an op called many times in a loop (upstream-style pagination
        // with a while op) is slow in sum, not in one execution, and shows its progress all the same
        long ran = op.elapsedNanos(now);
        if (status != null) {
            if (op.running() && ran >= SHOW_AFTER_NANOS) {
                status.show(mask.apply(StatsLines.progress(op, now)));
            } else {
                status.clear();
            }
            return;
        }
        if (op.running() && ran >= plainDue.getOrDefault(op, PLAIN_EVERY_NANOS)) {
            plain.accept(mask.apply("Progress " + StatsLines.progress(op, now)));
            plainDue.put(op, (ran / PLAIN_EVERY_NANOS + 1) * PLAIN_EVERY_NANOS);
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            // a progress line that cannot be shown must not disturb the run; the next tick tries again
        }
    }

    /** Stops ticking and removes the terminal line; a tick that was waiting for it then does nothing. */
    @Override
    public synchronized void close() {
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (status != null) {
            status.clear();
        }
    }
}
