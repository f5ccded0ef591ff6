package dev.sequor.run.progress;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Shows how the running op is doing while it runs: on a terminal, a {@link StatusLine} updated in place once the op
 * has run for a second; elsewhere (a log file, a CI job), one plain line after every five seconds an op runs. A
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
    /** The op of the last plain line, and how long its execution had run when the next plain line is due. */
    private OpStats plainOp;
    private long plainRan;
    private long plainDue = PLAIN_EVERY_NANOS;

    /**
     * On a terminal: {@code status} is its line and {@code plain} is not used. Elsewhere {@code status} is null and
     * {@code plain} prints a whole line. {@code mask} hides credentials in what is shown.
     */
    public ProgressReporter(RunStats stats, StatusLine status, Consumer<String> plain, UnaryOperator<String> mask) {
        this.stats = stats;
        this.status = status;
        this.plain = plain;
        this.mask = mask;
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
        long ran = op.currentNanos(now);
        if (status != null) {
            if (op.running() && ran >= SHOW_AFTER_NANOS) {
                status.show(mask.apply(StatsLines.progress(op, now)));
            } else {
                status.clear();
            }
            return;
        }
        if (!op.running()) {
            plainOp = null;
            return;
        }
        if (op != plainOp || ran < plainRan) {
            // another op, or another execution of the same op: its first line is due five seconds into it
            plainOp = op;
            plainDue = PLAIN_EVERY_NANOS;
        }
        plainRan = ran;
        if (ran >= plainDue) {
            plain.accept(mask.apply("Progress " + StatsLines.progress(op, now)));
            plainDue = (ran / PLAIN_EVERY_NANOS + 1) * PLAIN_EVERY_NANOS;
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
