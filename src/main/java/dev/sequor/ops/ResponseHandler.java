package dev.sequor.ops;

import dev.sequor.db.ColumnDef;
import dev.sequor.db.Database;
import dev.sequor.db.RowNumber;
import dev.sequor.db.TableTarget;
import dev.sequor.db.TableWriteBatch;
import dev.sequor.db.WriteSpec;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.flow.Diagnostics;
import dev.sequor.flow.Dyn;
import dev.sequor.flow.op.HttpRequestOp;
import dev.sequor.flow.op.HttpRequestOp.Response;
import dev.sequor.flow.op.HttpRequestOp.TableDef;
import dev.sequor.flow.parse.HttpRequestParser;
import dev.sequor.http.HttpResponseData;
import dev.sequor.run.FlowScope;
import dev.sequor.run.HttpStatusFailure;
import dev.sequor.run.RunContext;
import dev.sequor.run.Texts;
import dev.sequor.run.VarAssign;
import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YNode.YMap;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Handles one HTTP response of an {@code http_request}: checks the status, computes the rows of every target
 * table (directly or through the parser), writes them into the op's batch, sets variables, and says whether
 * to send the next request ({@code while}). Everything is evaluated per response, so it can see the
 * for_each row and the variables the previous page set.
 */
final class ResponseHandler {

    /**
     * What the handling of one response decided: {@code again} is the value of {@code while}; {@code records} counts
     * the rows of the op's first table in this response (what pagination calls the page's records), -1 when the
     * response wrote no table.
     */
    record Outcome(boolean again, int records) {
    }

    /**
     * Rows for one table, resolved to a database target; {@code columns} null when they are inferred; {@code flatten}
     * the levels of nested objects that become columns (0: none); {@code childTables} whether arrays become rows of
     * child tables.
     */
    private record TableRows(Database db, String namespace, String table, List<ColumnDef> columns, WriteSpec write,
                             Object data, int flatten, boolean childTables, SourcePos pos) {

        /** The rows to write: the data, flattened when the table says so, split off into child tables when it says so. */
        ChildRows.Split rows() {
            // records flattened for child tables are made as parent rows, which the split then edits in place
            Object rows = flatten == 0 ? data : RecordFlattener.flatten(data, flatten, table, pos,
                    childTables ? RowNumber.Linked::new : LinkedHashMap::new);
            return childTables ? ChildRows.split(rows, table, write.primaryKey(), flatten, pos)
                    : new ChildRows.Split(rows, Map.of());
        }
    }

    private final RunContext run;
    private final ShortFormPathCheck shortFormPaths = new ShortFormPathCheck();

    ResponseHandler(RunContext run) {
        this.run = run;
    }

    /** The response section to use for this response: the static one, or the one response_expression returns. */
    Response section(HttpRequestOp op, FlowScope scope) {
        if (op.responseExpression() == null) {
            return op.response();
        }
        Object v = run.evaluator().eval(op.responseExpression(), scope);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?>)) {
            throw SequorException.failed(op.responseExpression().pos(), "response_expression must return a dictionary"
                    + " with response keys (success_status, tables, variables, while...), not " + Texts.typeName(v) + ".");
        }
        Diagnostics diag = new Diagnostics();
        YNode node = YNode.fromPlain(v, op.responseExpression().pos());
        Response r = HttpRequestParser.response((YMap) node, op.meta().label() + " response_expression result", diag);
        if (diag.hasErrors()) {
            throw SequorException.failed(op.responseExpression().pos(), diag.errors().get(0).message());
        }
        if (r.pagination() != null) {
            throw SequorException.failed(op.responseExpression().pos(), "response_expression cannot return 'pagination';"
                    + " write it in a response section, or page with 'while'.");
        }
        return r;
    }

    /** Checks the status against success_status (or, without it, that it is not 4xx/5xx). */
    void checkStatus(Response spec, HttpResponseData response, FlowScope scope) {
        int status = response.statusCode();
        Object expected = spec == null ? null : run.evaluator().eval(spec.successStatus(), scope);
        if (expected == null) {
            if (status >= 400) {
                throw new HttpStatusFailure(null, status, "HTTP request failed with status code " + status
                        + " (add success_status to the response section to accept it). Response body: "
                        + bodyExcerpt(response));
            }
            return;
        }
        List<Long> codes = new ArrayList<>();
        if (expected instanceof List<?> list) {
            for (Object o : list) {
                try {
                    codes.add(Long.parseLong(Texts.str(o).strip()));
                } catch (NumberFormatException e) {
                    codes = null;
                    break;
                }
            }
        } else {
            codes = null;
        }
        if (codes == null) {
            throw SequorException.failed(spec.successStatus().pos(), "success_status must be a list of integers: "
                    + Texts.shortRepr(expected));
        }
        if (!codes.contains((long) status)) {
            throw new HttpStatusFailure(spec.successStatus().pos(), status, "HTTP request failed with unexpected status code: "
                    + status + ". Expected status codes: " + codes + ". Response body: " + bodyExcerpt(response));
        }
    }

    /** The body's first 1,000 characters, masked before the cut (a secret cut in two is no longer masked). */
    private String bodyExcerpt(HttpResponseData r) {
        String t = run.secretSet().mask(r.text());
        return t.length() > 1000 ? t.substring(0, 1000) + "..." : t;
    }

    /**
     * Writes the response's rows into {@code batch} (or prints them when {@code preview} is set), sets its
     * variables and evaluates {@code while}.
     */
    Outcome handle(HttpRequestOp op, Response spec, FlowScope scope, TableWriteBatch batch, PrintStream preview) {
        if (spec == null) {
            return new Outcome(false, -1);
        }
        Map<?, ?> parsed = null;
        if (spec.parser() != null) {
            Object p = run.evaluator().eval(spec.parser(), scope);
            if (!(p instanceof Map<?, ?> m)) {
                throw SequorException.failed(spec.parser().pos(), "The response parser must return a dictionary (with"
                        + " 'tables', 'variables' and/or 'while'), not " + Texts.typeName(p) + ".");
            }
            parsed = m;
        }
        List<TableRows> rows = parsed == null ? declaredTables(spec, scope) : parserTables(spec, parsed, scope);
        for (TableRows t : rows) {
            ChildRows.Split split = t.rows();
            Object data = split.parents();
            if (preview != null) {
                preview.println("table " + t.db().dialect().qualified(t.namespace(), t.table()) + " ("
                        + t.write().mode().key() + "): " + Texts.shortRepr(data));
                split.children().forEach((child, childRows) -> preview.println("child table "
                        + t.db().dialect().qualified(t.namespace(), child) + ": " + Texts.shortRepr(childRows)));
            } else {
                TableTarget parent = batch.target(t.db(), t.namespace(), t.table(), t.columns(), t.write(), t.pos());
                parent.addRows(data);
                if (t.childTables()) {
                    batch.existingChildren(parent);
                }
                run.stats().rowsWritten(t.namespace(), t.table(), ((List<?>) data).size());
                // after the parent's rows: its target numbers them (_row) before the children take the numbers
                split.children().forEach((child, childRows) -> {
                    batch.child(parent, child).addRows(childRows);
                    run.stats().rowsWritten(t.namespace(), child, childRows.size());
                });
            }
        }
        Object variables = parsed != null && parsed.containsKey("variables") ? parsed.get("variables")
                : run.evaluator().eval(spec.variables(), scope);
        if (variables != null && (parsed == null || !parsed.containsKey("variables"))) {
            shortFormPaths.check(spec.variables(), scope.response(), run, op.meta().label());
        }
        if (variables != null) {
            if (!(variables instanceof Map<?, ?> vars)) {
                throw SequorException.failed(spec.pos(), "Response 'variables' must be a mapping of names to values, not "
                        + Texts.typeName(variables) + ".");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> defs = (Map<String, Object>) vars;
            VarAssign.applyAll(defs, scope);
        }
        Object again = parsed != null && parsed.containsKey("while") ? parsed.get("while")
                : run.evaluator().eval(spec.whileCondition(), scope);
        int records = rows.isEmpty() ? -1 : rows.get(0).data() instanceof List<?> l ? l.size() : 0;
        return new Outcome(toBoolean(again, spec), records);
    }

    private static boolean toBoolean(Object v, Response spec) {
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        if (v instanceof String s && (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false"))) {
            return s.strip().equalsIgnoreCase("true");
        }
        SourcePos pos = spec.whileCondition() == null ? spec.pos() : spec.whileCondition().pos();
        throw SequorException.failed(pos, "'while' must evaluate to a boolean (True or False), not "
                + Texts.typeName(v) + " " + Texts.shortRepr(v) + ".");
    }

    private List<TableRows> declaredTables(Response spec, FlowScope scope) {
        List<TableRows> out = new ArrayList<>();
        for (TableDef t : spec.tables()) {
            if (t.data() == null) {
                throw SequorException.failed(t.pos(), "data, data_path or data_expression (or a parser) must give the rows"
                        + " of table '" + tableName(t, spec, scope) + "'.");
            }
            Object data = run.evaluator().eval(t.data(), scope);
            if (t.data() instanceof Dyn.Path path) {
                data = selectedRows(path, data, t, spec, scope);
            }
            out.add(resolve(t, spec, scope, data));
        }
        return out;
    }

    /** What a data_path selected, as rows: a list as it is, an object as one row, nothing as no rows. */
    private Object selectedRows(Dyn.Path path, Object selected, TableDef t, Response spec, FlowScope scope) {
        if (selected == null) {
            return List.of();
        }
        if (selected instanceof Map<?, ?>) {
            return List.of(selected);
        }
        if (selected instanceof List<?> list) {
            // checked here, not by the table (whose words name upstream's 'data' list), to name the path and its place
            for (int i = 0; i < list.size(); i++) {
                Object element = list.get(i);
                if (!(element instanceof Map<?, ?>)) {
                    throw SequorException.failed(path.pos(), "data_path '" + path.path() + "' of table '"
                            + tableName(t, spec, scope) + "' selected a list whose item " + (i + 1) + " is "
                            + Texts.typeName(element) + " " + Texts.shortRepr(element) + "; expected a list of objects,"
                            + " one object, or nothing.");
                }
            }
            return selected;
        }
        throw SequorException.failed(path.pos(), "data_path '" + path.path() + "' of table '" + tableName(t, spec, scope)
                + "' selected " + Texts.typeName(selected) + " " + Texts.shortRepr(selected) + " in the response; expected"
                + " a list of objects, one object, or nothing.");
    }

    private List<TableRows> parserTables(Response spec, Map<?, ?> parsed, FlowScope scope) {
        Object tables = parsed.get("tables");
        List<TableRows> out = new ArrayList<>();
        if (tables == null) {
            return out;
        }
        SourcePos pos = spec.parser().pos();
        if (!spec.tables().isEmpty()) {
            if (!(tables instanceof Map<?, ?> byName)) {
                throw SequorException.failed(pos, "Response parser must return data as a dictionary for 'tables' defined in"
                        + " the response.tables section of this http_request op: " + Texts.shortRepr(tables));
            }
            Set<String> declared = new LinkedHashSet<>();
            for (TableDef t : spec.tables()) {
                String name = tableName(t, spec, scope);
                declared.add(name);
                if (!byName.containsKey(name)) {
                    throw SequorException.failed(pos, "Data for the target table " + name
                            + " not found in the result returned by the HTTP response parser.");
                }
                out.add(resolve(t, spec, scope, byName.get(name)));
            }
            for (Object name : byName.keySet()) {
                if (!declared.contains(String.valueOf(name))) {
                    throw SequorException.failed(pos, "Unexpected table '" + name + "' found in the result returned by the"
                            + " HTTP response parser. This table was not defined in the response.tables section of this"
                            + " http_request op.");
                }
            }
            return out;
        }
        if (!(tables instanceof List<?> defs)) {
            throw SequorException.failed(pos, "Response parser must return 'tables' as array if no tables are defined in"
                    + " the response.tables section of this http_request op: " + Texts.shortRepr(tables));
        }
        for (Object d : defs) {
            if (!(d instanceof Map<?, ?> def)) {
                throw SequorException.failed(pos, "Each table returned by the response parser must be a dictionary with"
                        + " source, table, columns and data: " + Texts.shortRepr(d));
            }
            String table = required(def, "table", pos);
            String source = required(def, "source", pos);
            Database db = run.database(source, scope, pos);
            Object ns = def.get("namespace");
            boolean inferred = !def.containsKey("columns") && !def.containsKey("model");
            WriteSpec write = WriteSpecs.from(def.get("write_mode"), def.get("primary_key"), def.get("merge_strategy"),
                    "table '" + table + "'", pos);
            out.add(new TableRows(db, ns == null ? null : Texts.str(ns), table,
                    inferred ? null : ColumnSpecs.from(def.get("columns"), def.get("model"), table, pos),
                    WriteSpecs.withEvolution(write, def.get("schema_evolution"), inferred, "table '" + table + "'", pos),
                    def.get("data"), RecordFlattener.depth(def.get("flatten"), def.get("max_nesting"),
                            "table '" + table + "'", pos),
                    childTables(def.get("child_tables"), inferred, "table '" + table + "'", pos), pos));
        }
        return out;
    }

    private static String required(Map<?, ?> def, String key, SourcePos pos) {
        Object v = def.get(key);
        if (v == null) {
            throw SequorException.failed(pos, "A table returned by the response parser has no '" + key + "': "
                    + Texts.shortRepr(def));
        }
        return Texts.str(v);
    }

    private String tableName(TableDef t, Response spec, FlowScope scope) {
        String name = run.evaluator().string(t.table() != null ? t.table() : spec.table(), scope);
        if (name == null || name.isBlank()) {
            throw SequorException.failed(t.pos(), "'table' is required for each entry of response.tables (or set"
                    + " response.table).");
        }
        return name;
    }

    private TableRows resolve(TableDef t, Response spec, FlowScope scope, Object data) {
        String table = tableName(t, spec, scope);
        String source = run.evaluator().string(first(t.source(), spec.source()), scope);
        if (source == null) {
            throw SequorException.failed(t.pos(), "'source' is required for table '" + table
                    + "' (the database source to write to), in the table entry or in the response section.");
        }
        Database db = run.database(source, scope, t.pos());
        String namespace = run.evaluator().string(first(t.namespace(), spec.namespace()), scope);
        boolean inferred = t.columns() == null && t.model() == null;
        List<ColumnDef> columns = inferred ? null : ColumnSpecs.from(run.evaluator().eval(t.columns(), scope),
                run.evaluator().eval(t.model(), scope), table, t.pos());
        WriteSpec write = WriteSpecs.from(run.evaluator().eval(t.write().mode(), scope),
                run.evaluator().eval(t.write().primaryKey(), scope), run.evaluator().eval(t.write().mergeStrategy(), scope),
                "table '" + table + "'", t.pos());
        write = WriteSpecs.withEvolution(write, run.evaluator().eval(t.schemaEvolution(), scope), inferred,
                "table '" + table + "'", t.pos());
        int flatten = RecordFlattener.depth(run.evaluator().eval(t.flatten(), scope),
                run.evaluator().eval(t.maxNesting(), scope), "table '" + table + "'", t.pos());
        boolean childTables = childTables(run.evaluator().eval(t.childTables(), scope), inferred,
                "table '" + table + "'", t.pos());
        return new TableRows(db, namespace, table, columns, write, data, flatten, childTables, t.pos());
    }

    /** The value of {@code child_tables} (null: false); only tables with inferred columns take true. */
    private static boolean childTables(Object value, boolean inferred, String where, SourcePos pos) {
        boolean on = switch (value) {
            case null -> false;
            case Boolean b -> b;
            case String s when s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false") ->
                    s.strip().equalsIgnoreCase("true");
            default -> throw SequorException.failed(pos, "'child_tables' of " + where + " must be true or false, not "
                    + Texts.typeName(value) + " " + Texts.shortRepr(value) + ".");
        };
        if (on && !inferred) {
            throw SequorException.failed(pos, "'child_tables' of " + where + " needs columns inferred from the records"
                    + " (child tables always infer theirs), and " + where + " declares its columns; remove the columns,"
                    + " or remove child_tables.");
        }
        return on;
    }

    private static Dyn first(Dyn a, Dyn b) {
        return a != null ? a : b;
    }
}
