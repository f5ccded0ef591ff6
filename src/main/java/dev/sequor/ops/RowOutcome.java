package dev.sequor.ops;

import dev.sequor.db.TableWriteBatch;
import dev.sequor.http.HttpClientService.Exchange;
import dev.sequor.run.Frame;
import java.util.Map;

/**
 * How one for_each row that ran apart from the others ended, for the op to apply in row order: what it wrote (its
 * unit of the batch, its local and project variables) when it succeeded, or its failure and the last request it sent
 * when it failed.
 *
 * @param started   false when the op stopped before the row began (it sent nothing)
 * @param requests  how many requests the row sent
 * @param failure   null when the row succeeded
 * @param aboutRow  whether the failure is the row's own (a refused request, a value of the row a template cannot
 *                  use), which on_error may skip, rather than the op's (its database, an invalid flow), which fails it
 * @param exchange  the last request the failing row sent, null when it sent none
 * @param rowsWritten rows the row wrote per table, for the op's summary once the row is applied (empty on failure)
 */
record RowOutcome(int index, boolean started, int requests, TableWriteBatch unit, Frame frame,
                  Map<String, Object> projectWrites, RuntimeException failure, boolean aboutRow, Exchange exchange,
                  Map<String, Long> rowsWritten) {

    static RowOutcome notStarted(int index) {
        return new RowOutcome(index, false, 0, null, null, Map.of(), null, false, null, Map.of());
    }

    static RowOutcome succeeded(int index, int requests, TableWriteBatch unit, Frame frame,
                                Map<String, Object> projectWrites, Map<String, Long> rowsWritten) {
        return new RowOutcome(index, true, requests, unit, frame, projectWrites, null, false, null, rowsWritten);
    }

    static RowOutcome failed(int index, RuntimeException failure, boolean aboutRow, Exchange exchange) {
        return new RowOutcome(index, true, exchange == null ? 0 : exchange.requests(), null, null, Map.of(), failure,
                aboutRow, exchange, Map.of());
    }
}
