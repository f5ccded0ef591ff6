package dev.sequor.ops;

import dev.sequor.db.ColumnDef;
import dev.sequor.db.ColumnType;
import dev.sequor.db.Database;
import dev.sequor.db.Row;
import dev.sequor.db.TableWriteBatch;
import dev.sequor.db.ValueText;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.flow.Diagnostics;
import dev.sequor.http.HttpClientService.Exchange;
import dev.sequor.run.RunContext;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The for_each rows of one op that failed and were passed over ({@code on_error: skip} or {@code record}): one warning
 * line each in the log and, with {@code record}, one row each in the error table, appended in the op's batch (the
 * table is created when missing) so that it commits with the op. Everything it writes is masked.
 */
final class FailedRows {

    /** The error table's columns; {@code failed_at} is UTC. */
    static final List<ColumnDef> COLUMNS = List.of(column("row", "text"), column("method", "text"),
            column("url", "text"), column("status", "integer"), column("attempts", "integer"),
            column("message", "text"), column("failed_at", "timestamp"));

    /** Where failed rows are recorded; null with on_error skip. */
    record ErrorTable(Database db, String namespace, String table) {

        /**
         * The error table of {@code where} (an op), refused before any row is sent when a table of that name exists
         * without the columns failed rows are recorded in: it would fail only at the commit, after every request.
         */
        static ErrorTable checked(Database db, String namespace, String table, SourcePos pos, String where) {
            List<String> existing = db.columnNamesIfAny(namespace, table);
            if (!existing.isEmpty()) {
                Set<String> has = existing.stream().map(db.dialect()::columnKey).collect(Collectors.toSet());
                List<String> lacking = COLUMNS.stream().map(ColumnDef::name)
                        .filter(name -> !has.contains(db.dialect().columnKey(name))).toList();
                if (!lacking.isEmpty()) {
                    throw SequorException.failed(pos, "error_table '" + table + "' of " + where + " already exists on"
                            + " source '" + db.sourceName() + "' without the columns failed rows are recorded in (it"
                            + " lacks " + String.join(", ", lacking) + "); name another table, or drop this one so"
                            + " that the op creates it.");
                }
            }
            return new ErrorTable(db, namespace, table);
        }
    }

    private final RunContext run;
    private final String opLabel;
    private final SourcePos pos;
    private final TableWriteBatch batch;
    private final ErrorTable errorTable;
    private int count;

    FailedRows(RunContext run, String opLabel, SourcePos pos, TableWriteBatch batch, ErrorTable errorTable) {
        this.run = run;
        this.opLabel = opLabel;
        this.pos = pos;
        this.batch = batch;
        this.errorTable = errorTable;
    }

    /** Row {@code index} (0-based) of {@code total} failed as {@code outcome} says: warn, and record it if asked. */
    void add(int index, int total, Row row, RowOutcome outcome) {
        count++;
        run.stats().rowFailed();
        String message = run.secretSet().mask(outcome.failure().getMessage());
        run.log().warn(new Diagnostics.Problem(Diagnostics.Severity.WARNING, pos, "\"" + opLabel + "\": for_each row "
                + (index + 1) + " of " + total + " (" + ForEachStop.key(row) + ") failed and was "
                + (errorTable == null ? "skipped" : "recorded in " + errorTable.table()) + ": " + message).toString());
        if (errorTable == null) {
            return;
        }
        Exchange sent = outcome.exchange();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("row", run.secretSet().mask(ValueText.json(row)));
        record.put("method", sent == null ? null : sent.method());
        record.put("url", sent == null ? null : run.secretSet().redactor().url(sent.url()));
        record.put("status", sent == null ? null : sent.status());
        record.put("attempts", sent == null ? 0 : sent.attempts());
        record.put("message", message);
        record.put("failed_at", LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        batch.appendCreatingMissing(errorTable.db(), errorTable.namespace(), errorTable.table(), COLUMNS, pos)
                .addRows(List.of(record));
        // a unit of its own: staged now, kept like a completed row's results if a later row stops the op
        batch.completeUnit();
    }

    /** How many rows failed. */
    int count() {
        return count;
    }

    /** The rows that failed so far, for the error of a later row that stops the op. */
    ForEachStop.PassedOver passedOver() {
        return new ForEachStop.PassedOver(count, errorTable == null ? null : errorTable.table());
    }

    private static ColumnDef column(String name, String type) {
        return new ColumnDef(name, ColumnType.parse(type));
    }
}
