package dev.sequor.ops;

import dev.sequor.db.Row;
import dev.sequor.db.TableWriteBatch.KeptTable;
import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.run.HttpStatusFailure;
import dev.sequor.run.Texts;
import java.util.List;
import java.util.Map;

/**
 * The error of a for_each {@code http_request} that stopped at one row: the row's own failure first, then where the
 * loop stopped and what it kept, so that whoever reruns it knows which requests already reached the API, e.g.
 * {@code HTTP request failed ...; stopped at for_each row 3 of 5 (id=3, email='c@x.io', ...) after 2 rows
 * succeeded, whose results landed in append table pushed (2 rows).} A commit that fails after every row succeeded
 * says so too, since those requests reached the API all the same.
 */
final class ForEachStop {

    /** Columns of the failing row named in the message; enough to find it, short enough to read. */
    private static final int KEY_COLUMNS = 2;

    private final StringBuilder progress = new StringBuilder();

    /** Where the loop stopped: {@code failed} is the 0-based index of the failing row. */
    ForEachStop(List<Row> rows, int failed) {
        progress.append("stopped at for_each row ").append(failed + 1).append(" of ").append(rows.size())
                .append(" (").append(key(rows.get(failed))).append(')');
        if (failed == 0) {
            progress.append(" before any row succeeded");
        } else {
            progress.append(" after ").append(failed).append(failed == 1 ? " row" : " rows").append(" succeeded");
        }
    }

    private ForEachStop() {
    }

    /**
     * Every one of {@code rows} rows succeeded (their requests reached the API), and then the commit of the op's
     * tables failed, e.g. on a value its column type refuses.
     */
    static ForEachStop atCommit(int rows) {
        ForEachStop stop = new ForEachStop();
        stop.progress.append(rows == 1 ? "the for_each row had succeeded" : "all " + rows + " for_each rows had"
                + " succeeded").append(", but committing their results failed; project variables are unchanged");
        return stop;
    }

    /** The append tables that kept the completed rows' results. */
    void kept(List<KeptTable> tables) {
        if (tables.isEmpty()) {
            return;
        }
        progress.append(", whose results landed in append table").append(tables.size() == 1 ? " " : "s ");
        for (int i = 0; i < tables.size(); i++) {
            progress.append(i == 0 ? "" : i == tables.size() - 1 ? " and " : ", ").append(tables.get(i).name())
                    .append(" (").append(tables.get(i).rows()).append(tables.get(i).rows() == 1 ? " row)" : " rows)");
        }
    }

    /** Some results of the completed rows could not be kept, for {@code reason}. */
    void lost(boolean someKept, String reason) {
        progress.append(someKept ? "; the rest of their results could not be kept: " : ", but their results could not"
                + " be kept: ").append(reason);
    }

    /** Something else the rerun should know, e.g. which tables stayed as they were. */
    void note(String text) {
        progress.append("; ").append(text);
    }

    /**
     * {@code failure} with the progress after its message; the kind, position and HTTP status stay, so exit code and
     * {@code var('error')} are as for the failure alone.
     */
    SequorException applyTo(RuntimeException failure, SourcePos opPos) {
        String tail = "; " + progress + (progress.charAt(progress.length() - 1) == '.' ? "" : ".");
        SequorException out = switch (failure) {
            case HttpStatusFailure h -> new HttpStatusFailure(h.pos(), h.statusCode(), h.getMessage() + tail);
            case SequorException s -> new SequorException(s.kind(), s.pos(), s.getMessage() + tail, s);
            default -> new SequorException(ExitCode.INTERNAL, opPos, "Internal error: " + failure.getClass().getName()
                    + ": " + failure.getMessage() + " (please report this; run with --stacktrace for details)" + tail,
                    failure);
        };
        out.setStackTrace(failure.getStackTrace());
        return out;
    }

    private static String key(Row row) {
        StringBuilder key = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, Object> column : row.entrySet()) {
            if (shown == KEY_COLUMNS) {
                key.append(", ...");
                break;
            }
            key.append(shown++ == 0 ? "" : ", ").append(column.getKey()).append('=')
                    .append(Texts.shortRepr(column.getValue()));
        }
        return key.toString();
    }
}
