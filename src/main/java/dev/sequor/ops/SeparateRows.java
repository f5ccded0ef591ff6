package dev.sequor.ops;

import dev.sequor.db.Row;
import dev.sequor.db.TableWriteBatch;
import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.project.ProjectState;
import dev.sequor.run.FlowScope;
import dev.sequor.run.Frame;
import dev.sequor.run.RunContext;
import java.util.List;
import java.util.Map;

/**
 * The for_each rows of one {@code http_request} run apart from each other: up to {@code parallel} at once, and/or with
 * {@code on_error} skip or record. Each row runs in its own scope (a row frame over the op's frame, its project
 * variables kept to itself) and writes into its own unit of the batch; the op takes the outcomes in row order and
 * applies each completed row as a sequential run would have: its unit is staged, its local and project variables
 * set. So the tables hold exactly the rows of a sequential run, in row order, and no row sees another's variables
 * (with {@code parallel} above 1 a row sees the variables as they were when the op's rows began; with 1, as the rows
 * before it left them, as sequentially).
 *
 * <p>A failed row fails the op as a sequential run does ({@link ForEachStop}), naming the later rows already sent, or,
 * when on_error allows and the failure is the row's own, is passed to {@link FailedRows} and the op goes on.
 */
final class SeparateRows {

    /** One request cycle for one row (the op's cycle), in the row's scope, writing into the row's unit. */
    interface Cycle {
        int run(FlowScope rowScope, TableWriteBatch unit);
    }

    private final RunContext run;
    private final FlowScope scope;
    private final String as;
    private final int parallel;
    private final TableWriteBatch batch;
    private final FailedRows failed;
    private final Cycle cycle;
    private final SourcePos opPos;
    private List<Row> rows;
    /** What rows read beneath their own writes: the op's frame and project variables (snapshots when parallel). */
    private Frame frameBelow;
    private Map<String, Object> projectBelow;

    /** {@code failed} null: a failed row fails the op (on_error fail). */
    SeparateRows(RunContext run, FlowScope scope, String as, int parallel, TableWriteBatch batch, FailedRows failed,
                 Cycle cycle, SourcePos opPos) {
        this.run = run;
        this.scope = scope;
        this.as = as;
        this.parallel = parallel;
        this.batch = batch;
        this.failed = failed;
        this.cycle = cycle;
        this.opPos = opPos;
    }

    /** Runs every row, then commits the batch; returns how many requests were sent. */
    int run(List<Row> forEachRows) {
        this.rows = forEachRows;
        ProjectState state = run.state();
        // with one row at a time nothing runs beside the op's own thread, so rows read the live frame and state
        frameBelow = parallel == 1 ? scope.frame() : scope.frame().snapshot();
        projectBelow = parallel == 1 ? null : state.savepoint();
        Map<String, Object> variablesSoFar = state.savepoint();
        long variablesSeen = state.changes();
        int sent = 0;
        batch.beginUnit();
        try (RowPool pool = new RowPool(parallel, rows.size(), this::runRow, this::stopsOp)) {
            for (int i = 0; i < rows.size(); i++) {
                RowOutcome row = pool.next();
                sent += row.requests();
                if (stopsOp(row)) {
                    throw ForEachStop.keepingRowsBefore(opPos, batch, state, rows, i, passedOver(), variablesSoFar,
                            row.failure(), sentIndexes(pool.stop()));
                }
                try {
                    if (row.failure() != null) {
                        failed.add(i, rows.size(), rows.get(i), row);
                        continue;
                    }
                    batch.completeUnit(row.unit());
                    run.stats().addHeld(row.rowsWritten());
                } catch (RuntimeException e) {
                    // the database refused the row's results or its error record: a failure of the op, as sequentially
                    throw ForEachStop.keepingRowsBefore(opPos, batch, state, rows, i, passedOver(), variablesSoFar, e,
                            sentIndexes(pool.stop()));
                }
                row.frame().copyWritesTo(scope.frame());
                row.projectWrites().forEach(state::set);
                if (state.changes() != variablesSeen) {
                    variablesSoFar = state.savepoint();
                    variablesSeen = state.changes();
                }
            }
        }
        try {
            batch.commit();
        } catch (RuntimeException e) {
            throw ForEachStop.atCommit(rows.size(), passedOver()).applyTo(e, opPos);
        }
        return sent;
    }

    private ForEachStop.PassedOver passedOver() {
        return failed == null ? ForEachStop.PassedOver.NONE : failed.passedOver();
    }

    /** Whether the row's outcome fails the op: any failure under on_error fail, else one that is not the row's own. */
    private boolean stopsOp(RowOutcome row) {
        return row.failure() != null && (failed == null || !row.aboutRow());
    }

    /** Runs row {@code i} on a thread of the pool; never throws a RuntimeException (a failure is its outcome). */
    private RowOutcome runRow(int i) {
        Frame frame = Frame.rowOf(frameBelow);
        frame.set(as, rows.get(i));
        FlowScope rowScope = scope.forRow(frame, projectBelow);
        TableWriteBatch unit = batch.unit();
        run.http().forgetLastExchange();
        Map<String, Long> rowsWritten = run.stats().holdRows();
        try {
            int requests = cycle.run(rowScope, unit);
            return RowOutcome.succeeded(i, requests, unit, frame, rowScope.projectWrites(), rowsWritten);
        } catch (RuntimeException e) {
            unit.close();
            return RowOutcome.failed(i, e, !unit.targetFailed() && isRowsOwn(e), run.http().lastExchange());
        } finally {
            run.stats().stopHolding();
        }
    }

    /**
     * Whether on_error may pass over this failure: a failed step of the row (a refused or failed request, an error of
     * a template or snippet with the row's values), not an invalid flow or a bug, which every row would hit.
     */
    private static boolean isRowsOwn(RuntimeException e) {
        return e instanceof SequorException s && s.kind() == ExitCode.FLOW_FAILED;
    }

    /** The indexes of the rows that sent requests, in row order. */
    private static List<Integer> sentIndexes(List<RowOutcome> later) {
        return later.stream().filter(o -> o.requests() > 0).map(RowOutcome::index).toList();
    }
}
