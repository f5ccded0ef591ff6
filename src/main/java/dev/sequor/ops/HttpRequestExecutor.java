package dev.sequor.ops;

import dev.sequor.db.Database;
import dev.sequor.db.Dialect;
import dev.sequor.db.Row;
import dev.sequor.db.TableWriteBatch;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.flow.Counts;
import dev.sequor.flow.Dyn;
import dev.sequor.flow.op.HttpRequestOp;
import dev.sequor.flow.op.HttpRequestOp.Response;
import dev.sequor.flow.op.Pagination;
import dev.sequor.http.HttpRequestData;
import dev.sequor.http.HttpResponseData;
import dev.sequor.http.HttpSourceConfig;
import dev.sequor.run.FlowScope;
import dev.sequor.run.RunContext;
import dev.sequor.run.RunOptions;
import dev.sequor.run.Texts;
import dev.sequor.run.VarAssign;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs an {@code http_request}: binds the source's variables, runs {@code init}, then one request cycle (or
 * one per for_each row), repeating while the response says so. Every table the op writes is committed
 * together when the op ends; if it fails, no table changes, except that a for_each that stops at a row keeps in its
 * append tables what the rows before it wrote (their requests reached the API; see {@link #eachRowInTurn}). for_each
 * rows may run in parallel and failed rows may be passed over ({@link SeparateRows}).
 */
public final class HttpRequestExecutor {

    private final RunContext run;
    private final RequestBuilder requests;
    private final ResponseHandler responses;

    public HttpRequestExecutor(RunContext run) {
        this.run = run;
        this.requests = new RequestBuilder(run.evaluator());
        this.responses = new ResponseHandler(run);
    }

    /**
     * What one run of the op did: requests sent, for_each rows (0 without for_each), those that failed and were passed
     * over, and where to.
     */
    public record Summary(int requests, int rows, int failedRows, String errorTable) {
    }

    /** Runs the op; its closing log line and the returned summary say how many requests and failed rows it had. */
    public Summary execute(HttpRequestOp op, FlowScope scope) {
        HttpSourceConfig source = op.request().source() == null ? HttpSourceConfig.none()
                : run.httpSource(op.request().source(), scope, op.request().pos());
        Summary[] summary = new Summary[1];
        // project variables set by the responses (cursors, watermarks) are saved with the tables, never before them
        run.state().deferWrites(() -> {
            runInit(op, scope);
            if (!run.options().previewOnly() && !run.options().parserPreview()) {
                openTablesSourcesAhead(op, scope);
            }
            try (TableWriteBatch batch = new TableWriteBatch()) {
                if (op.forEach() == null) {
                    if (onlyReads(op)) {
                        batch.loadTypedPagesInBackground();
                    }
                    batch.loadStraightIntoTables();
                    int requests = cycle(op, scope, source, batch);
                    batch.commit();
                    summary[0] = new Summary(requests, 0, 0, null);
                } else {
                    batch.buildTablesInBatches(); // DuckDB: completed rows' tables move batch by batch
                    summary[0] = eachRow(op, scope, source, batch);
                }
            }
        });
        int requests = summary[0].requests();
        run.log().info("\"" + op.meta().label() + "\": " + requests + " request" + (requests == 1 ? "" : "s")
                + failedRowsText(summary[0]));
        return summary[0];
    }

    /**
     * Starts opening the database sources the op's tables name, so that opening them (for DuckDB, loading its native
     * library and the file: ~40% of a one-page op's own time) overlaps the first request instead of following it
     * (docs/decisions.md, "Target databases opened during the first request"). A name is guessed only where it is
     * written literally or read from variables; the tables still evaluate theirs when they land, so a guess that
     * turns out wrong costs an open, never a table in the wrong place.
     */
    private void openTablesSourcesAhead(HttpRequestOp op, FlowScope scope) {
        Response spec = op.response();
        if (spec == null || spec.tables() == null) {
            return;
        }
        for (HttpRequestOp.TableDef t : spec.tables()) {
            String name = sourceIfKnown(t, spec, scope);
            if (name != null) {
                run.openAhead(name, t.pos());
            }
        }
    }

    /** Whether the op's requests only read: its method is GET (the default) or HEAD, written as such. */
    private static boolean onlyReads(HttpRequestOp op) {
        Dyn method = op.request().method();
        return method == null || method instanceof Dyn.Const c && c.value() instanceof String m
                && List.of("GET", "HEAD").contains(m.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * {@code , 3 rows failed (recorded in push_errors)}, or {@code , every one of the 3 rows failed (skipped)} when no row
     * succeeded; empty when no row failed.
     */
    private static String failedRowsText(Summary s) {
        if (s.failedRows() == 0) {
            return "";
        }
        String how = " failed (" + (s.errorTable() == null ? "skipped" : "recorded in " + s.errorTable()) + ")";
        if (s.failedRows() == s.rows()) {
            return s.rows() == 1 ? ", its only row" + how : ", every one of its " + s.rows() + " rows" + how;
        }
        return ", " + s.failedRows() + (s.failedRows() == 1 ? " row" : " rows") + how;
    }

    /**
     * The for_each rows, one after the other ({@link #eachRowInTurn}), or apart from each other when they run in
     * parallel or on_error passes failed rows over ({@link SeparateRows}).
     */
    private Summary eachRow(HttpRequestOp op, FlowScope scope, HttpSourceConfig source, TableWriteBatch batch) {
        HttpRequestOp.ForEachSource fe = op.forEach();
        List<Row> rows = forEachRows(op, scope);
        RunOptions options = run.options();
        // previews print as each row goes: one row at a time keeps their output in row order
        int parallel = fe.parallel() == null || options.previewOnly() || options.parserPreview() ? 1
                : Counts.parallel(run.evaluator().eval(fe.parallel(), scope), fe.parallel().pos(), "for_each.parallel");
        if (parallel == 1 && fe.onError() == HttpRequestOp.OnError.FAIL) {
            return new Summary(eachRowInTurn(op, scope, source, batch, rows), rows.size(), 0, null);
        }
        FailedRows.ErrorTable errorTable = fe.onError() == HttpRequestOp.OnError.RECORD ? errorTable(op, scope) : null;
        FailedRows failed = fe.onError() == HttpRequestOp.OnError.FAIL ? null
                : new FailedRows(run, op.meta().label(), fe.pos(), batch, errorTable);
        int requests = new SeparateRows(run, scope, fe.as(), parallel, batch, failed,
                (rowScope, unit) -> cycle(op, rowScope, source, unit), op.meta().pos()).run(rows);
        return new Summary(requests, rows.size(), failed == null ? 0 : failed.count(),
                errorTable == null ? null : errorTable.table());
    }

    /**
     * Where on_error record puts failed rows: {@code error_table} (default {@code <op id>_errors}) on the for_each
     * source, in the for_each table's namespace when it names one. Checked before any row is sent: it must not be one
     * of the op's own tables, and a table of that name must have the error table's columns.
     */
    private FailedRows.ErrorTable errorTable(HttpRequestOp op, FlowScope scope) {
        HttpRequestOp.ForEachSource fe = op.forEach();
        String table = fe.errorTable() == null ? op.meta().id() + "_errors"
                : run.evaluator().string(fe.errorTable(), scope);
        SourcePos pos = fe.errorTable() == null ? fe.pos() : fe.errorTable().pos();
        if (table == null || table.isBlank()) {
            throw SequorException.failed(pos, "'error_table' in " + op.meta().where()
                    + " for_each must name a table, not an empty value.");
        }
        String sourceName = run.evaluator().string(fe.source(), scope);
        Database db = run.database(sourceName, scope, fe.source().pos());
        String namespace = run.evaluator().string(fe.namespace(), scope);
        if (isOneOfTheOpsTables(op, scope, db, sourceName, namespace, table)) {
            throw SequorException.invalid(pos, "error_table '" + table + "' of " + op.meta().where() + " is also a"
                    + " table its responses write; failed rows need a table of their own: name another error_table.");
        }
        return FailedRows.ErrorTable.checked(db, namespace, table, pos, op.meta().where());
    }

    /**
     * The source of table entry {@code t} (its own, else the response's), when its name is known before a response
     * comes: written literally or read from variables; null otherwise.
     */
    private String sourceIfKnown(HttpRequestOp.TableDef t, Response spec, FlowScope scope) {
        Dyn source = t.source() != null ? t.source() : spec.source();
        return source == null ? null : run.evaluator().stringIfOnlyReads(source, scope);
    }

    /**
     * Whether one of the op's response tables is {@code namespace.table} on source {@code sourceName}, as far as their
     * names are known before a response comes (written literally or read from variables).
     */
    private boolean isOneOfTheOpsTables(HttpRequestOp op, FlowScope scope, Database db, String sourceName,
                                        String namespace, String table) {
        Response spec = op.response();
        if (spec == null || spec.tables() == null) {
            return false;
        }
        Dialect dialect = db.dialect();
        String ownNamespace = namespace == null ? db.defaultNamespace() : namespace;
        for (HttpRequestOp.TableDef t : spec.tables()) {
            String tSource = sourceIfKnown(t, spec, scope);
            String tTable = t.table() == null ? null : run.evaluator().stringIfOnlyReads(t.table(), scope);
            String tNamespace = t.namespace() == null ? db.defaultNamespace()
                    : run.evaluator().stringIfOnlyReads(t.namespace(), scope);
            if (sourceName.equals(tSource) && tTable != null && tNamespace != null
                    && dialect.stored(tNamespace).equals(dialect.stored(ownNamespace))
                    && dialect.tableKey(tTable).equals(dialect.tableKey(table))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One request cycle per for_each row, then the commit; returns how many requests were sent. Each row is a unit of
     * the batch: its table rows reach staging only when its whole cycle (every page, every response) succeeded. When
     * row N fails, the rows before it were accepted by the API, so rather than dropping their results the op commits
     * what they wrote to append tables, and (when the op writes no create table, which rolls back whole) saves the
     * project variables as they were after row N-1. The error says where it stopped and what was kept.
     */
    private int eachRowInTurn(HttpRequestOp op, FlowScope scope, HttpSourceConfig source, TableWriteBatch batch,
                              List<Row> rows) {
        Map<String, Object> variablesSoFar = run.state().savepoint();
        long variablesSeen = run.state().changes();
        int sent = 0;
        batch.beginUnit();
        for (int i = 0; i < rows.size(); i++) {
            scope.frame().set(op.forEach().as(), rows.get(i));
            try {
                sent += cycle(op, scope, source, batch);
                batch.completeUnit();
            } catch (RuntimeException e) {
                throw ForEachStop.keepingRowsBefore(op.meta().pos(), batch, run.state(), rows, i,
                        ForEachStop.PassedOver.NONE, variablesSoFar, e, List.of());
            }
            // a copy only when this row changed project variables: most reverse-ETL rows set none
            if (run.state().changes() != variablesSeen) {
                variablesSoFar = run.state().savepoint();
                variablesSeen = run.state().changes();
            }
        }
        try {
            batch.commit();
        } catch (RuntimeException e) {
            // every request reached the API: whoever reruns the op must know that nothing of them was kept
            throw ForEachStop.atCommit(rows.size(), ForEachStop.PassedOver.NONE).applyTo(e, op.meta().pos());
        }
        return sent;
    }

    private void runInit(HttpRequestOp op, FlowScope scope) {
        if (op.init() == null) {
            return;
        }
        Object init = run.evaluator().eval(op.init(), scope);
        if (init == null) {
            return;
        }
        if (!(init instanceof Map<?, ?> m)) {
            throw SequorException.failed(op.init().pos(), "init must be a mapping with 'variables', not "
                    + Texts.typeName(init) + ".");
        }
        if (m.get("variables") instanceof Map<?, ?> vars) {
            @SuppressWarnings("unchecked")
            Map<String, Object> defs = (Map<String, Object>) vars;
            VarAssign.applyAll(defs, scope);
        }
    }

    private List<Row> forEachRows(HttpRequestOp op, FlowScope scope) {
        RunOptions options = run.options();
        if (options.foreachTestRecord() != null) {
            return List.of(new Row(new LinkedHashMap<>(options.foreachTestRecord())));
        }
        HttpRequestOp.ForEachSource fe = op.forEach();
        String sourceName = run.evaluator().string(fe.source(), scope);
        Database db = run.database(sourceName, scope, fe.source().pos());
        // a missing table or a query the database refuses is reported at the key that names it
        if (fe.query() != null) {
            String sql = run.evaluator().string(fe.query(), scope);
            try {
                return db.query(sql);
            } catch (SequorException e) {
                throw e.at(fe.query().pos());
            }
        }
        String table = run.evaluator().string(fe.table(), scope);
        String namespace = run.evaluator().string(fe.namespace(), scope);
        try {
            return db.query("SELECT * FROM " + db.dialect().qualified(namespace, table));
        } catch (SequorException e) {
            throw e.at(fe.table().pos());
        }
    }

    /**
     * Sends requests until the response's {@code while} is false, or its pagination finds no next page; returns how
     * many were sent.
     */
    private int cycle(HttpRequestOp op, FlowScope scope, HttpSourceConfig source, TableWriteBatch batch) {
        RunOptions options = run.options();
        Pagination pagination = op.responseExpression() == null && op.response() != null
                ? op.response().pagination() : null;
        long cap = Response.DEFAULT_MAX_ITERATIONS;
        if (op.response() != null && op.response().maxIterations() != null) {
            cap = dev.sequor.flow.Counts.positive(run.evaluator().eval(op.response().maxIterations(), scope),
                    op.response().maxIterations().pos(), "response.max_iterations");
        } else if (pagination != null && pagination.maxPages() != null) {
            cap = Long.MAX_VALUE; // max_pages caps the pages, with a warning
        }
        Pager pager = Pager.of(pagination, run.evaluator(), scope, source.defaults(), op.meta().label());
        int parallel = pagination == null || pagination.parallel() == null ? 1
                : Counts.parallel(run.evaluator().eval(pagination.parallel(), scope), pagination.parallel().pos(),
                        "pagination.parallel");
        int sent = 0;
        try (PagePrefetch ahead = parallel > 1 ? new PagePrefetch(parallel, r -> run.http().execute(r, source)) : null) {
            while (true) {
                if (sent >= cap) {
                    throw SequorException.failed(op.meta().pos(), "\"" + op.meta().label() + "\" sent " + cap
                            + " requests and " + (pager == null
                            ? "'while' is still true; raise response.max_iterations or fix the condition."
                            : pager.maxPages() == 0
                            ? "its pagination still finds a next page; raise response.max_iterations or set"
                            + " pagination.max_pages."
                            // max_pages is set, above max_iterations: setting it is no remedy
                            : "its pagination still finds a next page within pagination.max_pages (" + pager.maxPages()
                            + "); raise response.max_iterations or lower max_pages to " + cap + " or less."));
                }
                PagePrefetch.Fetched fetched = ahead == null ? null : ahead.take(pager.position());
                HttpRequestData request;
                HttpResponseData response;
                if (fetched != null) {
                    request = fetched.request();
                    response = fetched.response();
                } else {
                    request = requests.build(op.request(), scope);
                    if (pager != null) {
                        request = pager.apply(request);
                    }
                    if (ahead != null && sent == 0) {
                        PagePrefetch.checkMethod(request, pagination.parallel().pos(), op.meta().where());
                    }
                    response = run.http().execute(request, source);
                }
                sent++;
                if (options.previewOnly()) {
                    if (options.previewPretty()) {
                        HttpPreview.printPretty(response, run.secrets(), run.out());
                    }
                    return sent;
                }
                FlowScope withResponse = scope.withResponse(response);
                Response spec = responses.section(op, withResponse);
                responses.checkStatus(spec, response, withResponse);
                ResponseHandler.Outcome outcome = responses.handle(op, spec, withResponse, batch,
                        options.parserPreview() ? run.out() : null);
                run.stats().responseHandled();
                if (options.parserPreview()) {
                    return sent;
                }
                boolean again = pager == null ? outcome.again()
                        : pager.advance(request, response, outcome.records(), withResponse,
                                () -> run.log().warn(pager.cappedWarning()));
                if (!again) {
                    // pages asked for ahead that the fetch did not need were sent all the same: they count
                    return sent + (ahead == null ? 0 : ahead.drop());
                }
                if (ahead != null) {
                    ahead.askAhead(pager, () -> requests.build(op.request(), scope), cap - sent);
                }
            }
        }
    }
}
