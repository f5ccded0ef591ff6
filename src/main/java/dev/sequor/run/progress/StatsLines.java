package dev.sequor.run.progress;

import dev.sequor.run.RunLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of the progress line shown while an op runs and of the summary line printed for it after the run. Both
 * read an {@link OpStats} at a given time on the run's clock, so they are the same for the same counts and time.
 */
public final class StatsLines {

    private StatsLines() {
    }

    /**
     * {@code "http_request: users": 12 pages, 3000 rows, 40.0 requests/s, 1 retry, 0 failed rows, 5.2s}: what the op
     * has done since the run started, its request rate over the time it ran, and how long it has run.
     */
    public static String progress(OpStats op, long now) {
        long nanos = op.elapsedNanos(now);
        double perSecond = nanos <= 0 ? 0 : op.requests() * 1e9 / nanos;
        return "\"" + op.label() + "\": " + count(op.pages(), "page") + ", " + count(op.rows(), "row") + ", "
                + String.format(Locale.ROOT, "%.1f", perSecond) + " requests/s, " + count(op.retries(), "retry") + ", "
                + count(op.failedRows(), "failed row") + ", " + String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }

    /**
     * {@code Summary "http_request: users": 3000 rows into users, 12 requests, 1 retry, 0 failed rows, 5.213s}: rows
     * written per table, then, for an op that sent requests, requests, retries and failed rows, then the time it
     * ran. An op that failed says so: its rows are those it handled before the error, which says what was kept.
     */
    public static String summary(OpStats op, long now) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> t : op.rowsByTable().entrySet()) {
            parts.add(count(t.getValue(), "row") + " into " + t.getKey());
        }
        if (op.requests() > 0 || op.failedRows() > 0) {
            parts.add(count(op.requests(), "request"));
            parts.add(count(op.retries(), "retry"));
            parts.add(count(op.failedRows(), "failed row"));
        }
        parts.add(RunLog.seconds(Duration.ofNanos(op.elapsedNanos(now))));
        return "Summary \"" + op.label() + "\"" + (op.failed() ? " (failed)" : "") + ": " + String.join(", ", parts);
    }

    private static String count(long n, String noun) {
        if (n == 1) {
            return "1 " + noun;
        }
        return n + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }
}
