package dev.sequor.ops;

import dev.sequor.db.Row;
import dev.sequor.db.TableWriteBatch;
import dev.sequor.db.TableWriteBatch.KeptTable;
import dev.sequor.db.WriteMode;
import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.project.ProjectState;
import dev.sequor.run.HttpStatusFailure;
import dev.sequor.run.Texts;
import java.util.List;
import java.util.Map;

/**
 * The error of a for_each {@code http_request} that stopped at one row: the row's own failure first, then where the
 * loop stopped and what it kept, so that whoever reruns it knows which requests already reached the API, e.g.
 * {@code HTTP request failed ...; stopped at for_each row 3 of 5 (id=3, email='c@x.io', ...) after 2 rows
 * succeeded, whose results landed in append table pushed (2 rows).} A commit that fails after every row succeeded
 * says so too, since those requests reached the API all the same. Rows after the failing one that ran in parallel
 * with it and sent requests are named too: their results are not kept.
 */
final class ForEachStop {

    /** Columns of the failing row named in the message; enough to find it, short enough to read. */
    private static final int KEY_COLUMNS = 2;

    private final StringBuilder progress = new StringBuilder();

    /**
     * Rows before the stop that failed and were passed over under on_error skip or record: how many, and the error table
     * they were recorded in (null: skipped).
     */
    record PassedOver(int rows, String errorTable) {

        static final PassedOver NONE = new PassedOver(0, null);

        /** {@code 1 failed (recorded in push_errors)}, {@code 2 failed (skipped)}. */
        String text() {
            return rows + " failed (" + (errorTable == null ? "skipped" : "recorded in " + errorTable) + ")";
        }
    }

    private final PassedOver passedOver;

    /** Where the loop stopped: {@code failed} is the 0-based index of the failing row. */
    ForEachStop(List<Row> rows, int failed, PassedOver passedOver) {
        this.passedOver = passedOver;
        progress.append("stopped at for_each row ").append(failed + 1).append(" of ").append(rows.size())
                .append(" (").append(key(rows.get(failed))).append(')');
        int succeeded = failed - passedOver.rows();
        if (failed == 0) {
            progress.append(" before any row succeeded");
        } else {
            progress.append(" after ").append(succeeded).append(succeeded == 1 ? " row" : " rows").append(" succeeded");
            if (passedOver.rows() > 0) {
                progress.append(" and ").append(passedOver.text());
            }
        }
    }

    private ForEachStop(PassedOver passedOver) {
        this.passedOver = passedOver;
    }

    /**
     * The error for a for_each whose row {@code failed} (0-based) failed with {@code failure}, after keeping what the
     * rows before it wrote: their results in append and merge tables and, when no create or replace table rolls back,
     * the project variables as they were after them ({@code variablesSoFar}). {@code laterSent} are rows after the failing one
     * that ran in parallel with it and sent requests, whose results are discarded.
     */
    static SequorException keepingRowsBefore(SourcePos opPos, TableWriteBatch batch, ProjectState state,
                                             List<Row> rows, int failed, PassedOver passedOver,
                                             Map<String, Object> variablesSoFar, RuntimeException failure,
                                             List<Integer> laterSent) {
        ForEachStop stop = new ForEachStop(rows, failed, passedOver);
        if (failed > 0) {
            TableWriteBatch.PartialCommit partial = batch.commitCompletedAppends();
            stop.kept(partial.kept());
            if (partial.lost() != null) {
                stop.lost(!partial.kept().isEmpty(), partial.lost());
            } else if (batch.modesRolledBackWhole().isEmpty()) {
                try {
                    state.saveAt(variablesSoFar);
                } catch (SequorException e) {
                    stop.note("their project variables could not be saved: " + e.getMessage());
                }
            }
            if (!batch.modesRolledBackWhole().isEmpty()) {
                stop.note("tables with write_mode " + batch.modesRolledBackWhole().stream().map(WriteMode::key)
                        .collect(java.util.stream.Collectors.joining(" or ")) + " and project variables are unchanged");
            } else if (partial.lost() != null) {
                stop.note("project variables are unchanged");
            }
        }
        stop.laterSent(laterSent);
        return stop.applyTo(failure, opPos);
    }

    /**
     * Rows after the failing one (0-based indexes) that ran in parallel with it and sent their requests: the API has
     * them, the op kept nothing of them.
     */
    private void laterSent(List<Integer> later) {
        if (later.isEmpty()) {
            return;
        }
        note(later.size() + (later.size() == 1 ? " later row was" : " later rows were") + " already in flight and sent"
                + " (row" + (later.size() == 1 ? " " : "s ") + ranges(later) + "); their results were discarded");
    }

    /** {@code 4-6, 9}: 0-based indexes, in order, as 1-based row numbers with runs joined. */
    private static String ranges(List<Integer> indexes) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < indexes.size()) {
            int j = i;
            while (j + 1 < indexes.size() && indexes.get(j + 1) == indexes.get(j) + 1) {
                j++;
            }
            out.append(out.isEmpty() ? "" : ", ").append(indexes.get(i) + 1);
            if (j > i) {
                out.append('-').append(indexes.get(j) + 1);
            }
            i = j + 1;
        }
        return out.toString();
    }

    /**
     * Every one of {@code rows} rows succeeded (their requests reached the API), and then the commit of the op's
     * tables failed, e.g. on a value its column type refuses.
     */
    static ForEachStop atCommit(int rows, PassedOver passedOver) {
        ForEachStop stop = new ForEachStop(passedOver);
        int succeeded = rows - passedOver.rows();
        if (passedOver.rows() == 0) {
            stop.progress.append(rows == 1 ? "the for_each row had succeeded" : "all " + rows + " for_each rows had"
                    + " succeeded");
        } else {
            stop.progress.append(succeeded).append(" of the ").append(rows).append(" for_each rows had succeeded and ")
                    .append(passedOver.text());
        }
        stop.progress.append(", but committing their results failed; project variables are unchanged");
        return stop;
    }

    /**
     * The append (and merge) tables that kept the completed rows' results: {@code append tables a (2 rows) and b (2
     * rows)}, or with each table's mode when they differ ({@code append table a (2 rows) and merge table b (1 row)}).
     */
    void kept(List<KeptTable> all) {
        // the error table holds failed rows, not results: the progress already says where they went
        List<KeptTable> tables = all.stream().filter(t -> !t.name().equals(passedOver.errorTable())).toList();
        if (tables.isEmpty()) {
            return;
        }
        boolean oneMode = tables.stream().map(KeptTable::mode).distinct().count() == 1;
        progress.append(", whose results landed in ");
        if (oneMode) {
            progress.append(tables.get(0).mode().key()).append(tables.size() == 1 ? " table " : " tables ");
        }
        for (int i = 0; i < tables.size(); i++) {
            progress.append(i == 0 ? "" : i == tables.size() - 1 ? " and " : ", ")
                    .append(oneMode ? "" : tables.get(i).mode().key() + " table ").append(tables.get(i).name())
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
            case HttpStatusFailure h -> new HttpStatusFailure(h.pos(), h.statusCode(), sentence(h.getMessage()) + tail);
            case SequorException s -> new SequorException(s.kind(), s.pos(), sentence(s.getMessage()) + tail, s);
            default -> new SequorException(ExitCode.INTERNAL, opPos, "Internal error: " + failure.getClass().getName()
                    + ": " + failure.getMessage() + " (please report this; run with --stacktrace for details)" + tail,
                    failure);
        };
        out.setStackTrace(failure.getStackTrace());
        return out;
    }

    /** {@code message} without its closing full stop: the progress goes on the same sentence after a semicolon. */
    private static String sentence(String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /** The first columns of a row, enough to find it: {@code id=3, email='c@x.io', ...}. */
    static String key(Row row) {
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
