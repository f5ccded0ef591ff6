package dev.sequor.run.progress;

import dev.sequor.http.SendCounter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one op of a flow has done so far in a run, added up over all its executions (an op inside a loop runs many
 * times and is still one op): requests sent, retries, responses handled (pages), rows written per target table,
 * rows that failed, and time spent running. The op's own threads count here (a parallel for_each counts from many
 * threads at once), and the progress ticker reads while they do, so every counter is lock-free.
 */
public final class OpStats implements SendCounter {

    private static final long NOT_RUNNING = Long.MIN_VALUE;

    private final String label;
    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder pages = new LongAdder();
    private final LongAdder failedRows = new LongAdder();
    private final Map<String, LongAdder> rowsByTable = new ConcurrentHashMap<>();
    /**
     * Rows a for_each row's thread wrote while the row is under way ({@link #holdRows()}): counted only when the row
     * is applied ({@link #addHeld}), so rows of a row that fails and is skipped are never counted.
     */
    private final ThreadLocal<Map<String, Long>> heldRows = new ThreadLocal<>();
    /** Tables in the order the op first wrote to them, which is the order the summary names them. */
    private final List<String> tables = new CopyOnWriteArrayList<>();
    /** Time of the executions that ended. */
    private final AtomicLong endedNanos = new AtomicLong();
    private volatile long runningSince = NOT_RUNNING;
    private volatile boolean failed;

    public OpStats(String label) {
        this.label = label;
    }

    /** The op as logs and errors name it ({@code http_request: get_users}). */
    public String label() {
        return label;
    }

    @Override
    public void requestSent() {
        requests.increment();
    }

    @Override
    public void retried() {
        retries.increment();
    }

    /** A response was handled: its rows written, its variables set (one page of a paginated fetch). */
    public void responseHandled() {
        pages.increment();
    }

    /**
     * {@code rows} rows went to {@code namespace.table} (namespace null: the source's default, and the summary names
     * the table alone, as the flow wrote it): rows an http_request added to its table writes, or rows a transform
     * created.
     */
    public void rowsWritten(String namespace, String table, long rows) {
        String name = namespace == null ? table : namespace + "." + table;
        Map<String, Long> held = heldRows.get();
        if (held != null) {
            held.merge(name, rows, Long::sum);
            return;
        }
        add(name, rows);
    }

    /**
     * From now on, rows this thread writes are held for the for_each row it runs; returns them (per table, in the
     * order written), until {@link #stopHolding()}. The op then passes them to {@link #addHeld} when
     * it applies the row, or drops them when the row failed.
     */
    public Map<String, Long> holdRows() {
        Map<String, Long> held = new LinkedHashMap<>();
        heldRows.set(held);
        return held;
    }

    /** Stops holding rows on this thread (the row's cycle ended, however it ended). */
    public void stopHolding() {
        heldRows.remove();
    }

    /** Counts the rows a for_each row wrote ({@link #holdRows()}) now that the op applied the row. */
    public void addHeld(Map<String, Long> held) {
        held.forEach(this::add);
    }

    private void add(String name, long rows) {
        rowsByTable.computeIfAbsent(name, t -> {
            tables.add(t);
            return new LongAdder();
        }).add(rows);
    }

    /** A row of the op's for_each failed and the op went on without it (on_error skip or record). */
    public void rowFailed() {
        failedRows.increment();
    }

    void started(long now) {
        runningSince = now;
    }

    void ended(long now, boolean failedThisTime) {
        long since = runningSince;
        if (since != NOT_RUNNING) {
            endedNanos.addAndGet(now - since);
        }
        runningSince = NOT_RUNNING;
        failed |= failedThisTime;
    }

    public long requests() {
        return requests.sum();
    }

    public long retries() {
        return retries.sum();
    }

    public long pages() {
        return pages.sum();
    }

    public long failedRows() {
        return failedRows.sum();
    }

    /** Rows written so far, per table, in the order the op first wrote to each. */
    public Map<String, Long> rowsByTable() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : tables) {
            out.put(t, rowsByTable.get(t).sum());
        }
        return out;
    }

    /** Rows written so far to all tables together. */
    public long rows() {
        long n = 0;
        for (LongAdder a : rowsByTable.values()) {
            n += a.sum();
        }
        return n;
    }

    /** True when an execution of the op ended with an error. */
    public boolean failed() {
        return failed;
    }

    /** True while an execution of the op is under way. */
    public boolean running() {
        return runningSince != NOT_RUNNING;
    }

    /** How long the execution under way has run at {@code now}; 0 when none is. */
    public long currentNanos(long now) {
        long since = runningSince;
        return since == NOT_RUNNING ? 0 : now - since;
    }

    /** Time spent in the op over all its executions, the one under way up to {@code now} included. */
    public long elapsedNanos(long now) {
        return endedNanos.get() + currentNanos(now);
    }
}
