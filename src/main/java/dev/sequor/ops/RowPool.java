package dev.sequor.ops;

import dev.sequor.error.SequorException;
import dev.sequor.error.TaskFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Runs the for_each rows of one op on up to {@code parallel} threads of its own and hands their outcomes back in row
 * order. Rows start in row order. At most {@code 2 x parallel} rows are running or finished but not yet taken (only
 * one with {@code parallel: 1}, so a row starts after the one before it was taken), which bounds what a slow row makes
 * the others hold in memory. Once a row has ended in a way that stops the op, no row after it starts, even while rows
 * before it still run: a sequential run would never have sent them. {@link #stop()} starts no more rows and waits for
 * those in flight, and so does {@link #close()}: the op never returns while one of its rows still runs.
 *
 * <p>Platform threads, not virtual ones: Jinjava keeps a render context per thread and GraalPy is entered under a lock
 * (docs/decisions.md, "Parallel for_each rows"), neither of which gains from virtual threads, and {@code parallel}
 * bounds their number anyway.
 */
final class RowPool implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService threads;
    private final IntFunction<RowOutcome> work;
    private final int rows;
    private final Predicate<RowOutcome> stopsOp;
    private final int window;
    private final List<Future<RowOutcome>> submitted = new ArrayList<>();
    private volatile boolean stopping;
    /** The first row known to stop the op (rows after it do not start), or {@code rows} while none has. */
    private final AtomicInteger firstStop;
    private int taken;

    /**
     * {@code work} runs row {@code i} (0-based) on a thread of the pool and never throws a RuntimeException;
     * {@code stopsOp} says whether its outcome stops the op.
     */
    RowPool(int parallel, int rows, IntFunction<RowOutcome> work, Predicate<RowOutcome> stopsOp) {
        this.rows = rows;
        this.work = work;
        this.stopsOp = stopsOp;
        this.firstStop = new AtomicInteger(rows);
        this.window = parallel == 1 ? 1 : (int) Math.min(Integer.MAX_VALUE, 2L * parallel);
        this.threads = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, rows)), daemons());
    }

    private static ThreadFactory daemons() {
        String prefix = "sequor-rows-" + POOLS.incrementAndGet() + "-";
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The outcome of the next row in row order, starting more rows as the window allows and waiting as needed. */
    RowOutcome next() {
        if (taken == rows) {
            throw new IllegalStateException("every row was taken");
        }
        while (!stopping && submitted.size() <= Math.min(rows - 1, firstStop.get())
                && submitted.size() - taken < window) {
            int i = submitted.size();
            submitted.add(threads.submit(() -> runRow(i)));
        }
        return await(submitted.get(taken++));
    }

    private RowOutcome runRow(int i) {
        if (stopping || i > firstStop.get()) {
            return RowOutcome.notStarted(i);
        }
        RowOutcome outcome = work.apply(i);
        if (stopsOp.test(outcome)) {
            firstStop.accumulateAndGet(i, Math::min);
        }
        return outcome;
    }

    /**
     * Starts no more rows and waits for those in flight; returns the outcomes of the rows not taken that had started
     * (they ran, and may have sent requests, but nobody applies them).
     */
    List<RowOutcome> stop() {
        stopping = true;
        List<RowOutcome> started = new ArrayList<>();
        while (taken < submitted.size()) {
            RowOutcome o;
            try {
                o = await(submitted.get(taken++));
            } catch (RuntimeException | Error e) {
                continue; // it ended; its failure is not the one being reported
            }
            if (o.started()) {
                started.add(o);
            }
        }
        return started;
    }

    private RowOutcome await(Future<RowOutcome> row) {
        try {
            return row.get();
        } catch (InterruptedException e) {
            // stopped from outside (the run is being cancelled): interrupt the rows in flight and start no more
            stopping = true;
            threads.shutdownNow();
            Thread.currentThread().interrupt();
            throw SequorException.failed(null, "Interrupted while for_each rows were in flight.");
        } catch (ExecutionException e) {
            throw TaskFailures.cause(e);
        }
    }

    @Override
    public void close() {
        if (!Thread.currentThread().isInterrupted()) {
            stop();
        }
        threads.shutdown();
        try {
            threads.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
