package dev.sequor.db;

import dev.sequor.error.TaskFailures;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One load into a staging table at a time, on a thread of its own, so that the op's thread goes on with the next
 * request while the rows it handed over are loaded (a paginated fetch otherwise waits for the API and for the
 * database in turn). The next load, and anything else that uses the connection, first waits for the one under way
 * ({@link #await()}), which also throws what it threw: a load's failure fails the op at its next use of the database.
 * Loads that a value can fail come here only where a request sent after the failing row changes nothing it would
 * not have changed anyway: typed pages of an op that only reads, and appends straight into a table, whose values the
 * staging path would have refused at the commit, after every request ({@link StagedWrites}).
 */
final class BackgroundLoad {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private ExecutorService thread;
    private volatile Thread loaderThread;
    private Future<?> pending;

    /** Waits for the load under way, then starts {@code load} on the loader thread. */
    void start(Runnable load) {
        await();
        pending = executor().submit(load);
    }

    /** Whether the caller is the loader thread itself (which must not wait for its own load). */
    boolean onLoaderThread() {
        return Thread.currentThread() == loaderThread;
    }

    /** Waits for the load under way, if any; throws what it threw. */
    void await() {
        Future<?> f = pending;
        if (f == null) {
            return;
        }
        pending = null;
        try {
            f.get();
        } catch (ExecutionException e) {
            throw TaskFailures.cause(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while rows were loaded into staging");
        }
    }

    /**
     * Waits for the load under way without throwing what it threw (the op is ending without a commit, and the staging
     * it loaded into is dropped), and ends the loader thread.
     */
    void close() {
        try {
            await();
        } catch (RuntimeException ignored) {
            // the op failed or is being rolled back: this load's rows are dropped with their staging table
        } finally {
            if (thread != null) {
                thread.shutdown();
                thread = null;
            }
        }
    }

    private ExecutorService executor() {
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "sequor-staging-load-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                loaderThread = t;
                return t;
            });
        }
        return thread;
    }
}
