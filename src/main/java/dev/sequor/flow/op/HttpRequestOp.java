package dev.sequor.flow.op;

import dev.sequor.error.SourcePos;
import dev.sequor.flow.Dyn;
import java.util.List;

/**
 * {@code http_request}: optional {@code init}, optional {@code for_each} over a table, the {@code request}
 * and the {@code response} handling (static, or computed per response by {@code response_expression}).
 */
public record HttpRequestOp(OpMeta meta, Dyn init, ForEachSource forEach, Request request, Response response,
                            Dyn responseExpression) implements Op {

    /**
     * The rows an op iterates over: a {@code table} (with its {@code namespace}) or the rows of a {@code query}, exactly
     * one of the two; {@code as} names the variable bound to each row. {@code parallel} (null: 1) is how many rows may
     * be in flight at once; {@code onError} what a failing row does to the op; {@code errorTable} (only with
     * {@link OnError#RECORD}; null: {@code <op id>_errors}) where failed rows are recorded.
     */
    public record ForEachSource(Dyn source, Dyn database, Dyn namespace, Dyn table, Dyn query, String as,
                                Dyn parallel, OnError onError, Dyn errorTable, SourcePos pos) {
    }

    /** What a failing for_each row does: fails the op (the default), is skipped, or is skipped and recorded. */
    public enum OnError {
        FAIL,
        SKIP,
        RECORD
    }

    /**
     * {@code source} is the http source's name (literal, as upstream), written at {@code sourcePos}.
     * {@code parameters}/{@code headers} are mappings with per-key expressions or whole-value snippets; {@code body}
     * may be anything.
     */
    public record Request(String source, Dyn url, Dyn method, Dyn parameters, Dyn headers, String bodyFormat,
                          Dyn body, Dyn timeoutSeconds, SourcePos pos, SourcePos sourcePos) {
    }

    /** How a response is handled; every field may be null. */
    public record Response(Dyn successStatus, Dyn source, Dyn database, Dyn namespace, Dyn table,
                           List<TableDef> tables, Dyn parser, Dyn variables, Dyn whileCondition,
                           Dyn maxIterations, Pagination pagination, SourcePos pos) {
        /** Pagination with {@code while} stops with an error after this many requests per op run (or per row). */
        public static final long DEFAULT_MAX_ITERATIONS = 10_000;
    }

    /**
     * One target table of a response. {@code columns} and {@code model} evaluate to column specs (both null: the
     * columns are inferred from the records, and {@code schemaEvolution} says how they evolve); {@code write} says
     * how the rows land (write_mode, primary_key, merge_strategy); {@code childTables} whether arrays in the records
     * become child tables (inferred columns only).
     */
    public record TableDef(Dyn source, Dyn database, Dyn namespace, Dyn table, Dyn columns, Dyn model, Dyn data,
                           WriteKeys write, Dyn schemaEvolution, Dyn flatten, Dyn maxNesting, Dyn childTables,
                           SourcePos pos) {
    }
}
