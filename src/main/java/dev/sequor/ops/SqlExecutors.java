package dev.sequor.ops;

import dev.sequor.db.ColumnDef;
import dev.sequor.db.Database;
import dev.sequor.db.Row;
import dev.sequor.db.WriteMode;
import dev.sequor.db.WriteSpec;
import dev.sequor.error.SequorException;
import dev.sequor.flow.op.ExecuteOp;
import dev.sequor.flow.op.MigrateSchemaOp;
import dev.sequor.flow.op.TransformOp;
import dev.sequor.run.FlowScope;
import dev.sequor.run.RunContext;
import dev.sequor.run.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The ops that run SQL in a database source: {@code transform}, {@code execute}, {@code migrate_schema}. */
public final class SqlExecutors {

    private final RunContext run;

    public SqlExecutors(RunContext run) {
        this.run = run;
    }

    /**
     * Lands the query's result in the target table as its write_mode says (by default replacing the table), atomically:
     * the old table stays if the query or the write fails.
     */
    public void transform(TransformOp op, FlowScope scope) {
        Database db = run.database(run.evaluator().string(op.source(), scope), scope, op.source().pos());
        String query = run.evaluator().string(op.query(), scope);
        if (query == null || query.isBlank()) {
            throw SequorException.failed(op.query().pos(), "'query' of " + op.meta().label() + " is empty; write the SELECT"
                    + " whose result becomes the target table.");
        }
        String table = run.evaluator().string(op.targetTable(), scope);
        String namespace = run.evaluator().string(op.targetNamespace(), scope);
        WriteSpec write = WriteSpecs.from(run.evaluator().eval(op.write().mode(), scope),
                run.evaluator().eval(op.write().primaryKey(), scope), run.evaluator().eval(op.write().mergeStrategy(), scope),
                "target_table '" + table + "'", op.meta().pos());
        String qualified = db.dialect().qualified(namespace, table);
        run.log().info(write.mode() == WriteMode.CREATE ? "Executing: CREATE TABLE " + qualified + " AS " + query.strip()
                : "Executing (write_mode " + write.mode().key() + (write.primaryKey().isEmpty() ? ""
                : " on " + String.join(", ", write.primaryKey())) + " into " + qualified + "): " + query.strip());
        long rows;
        try {
            rows = db.writeQueryResult(namespace, table, stripTrailingSemicolon(query), write);
        } catch (SequorException e) {
            throw e.at(op.meta().pos());
        }
        run.stats().rowsWritten(namespace, table, rows);
    }

    /**
     * Runs the statements of the script, separated by lines holding only {@code go}: as one transaction (a failing
     * statement leaves none of them applied), or each committed on its own with {@code transaction: false}, for
     * statements a database refuses inside a transaction (PostgreSQL's {@code CREATE DATABASE}, {@code VACUUM}).
     */
    public void execute(ExecuteOp op, FlowScope scope) {
        Database db = run.database(run.evaluator().string(op.source(), scope), scope, op.source().pos());
        String script = run.evaluator().string(op.statement(), scope);
        List<String> statements = splitGo(script, op);
        if (op.transaction()) {
            db.executeInTransaction(statements, statement -> run.log().info("Executing statement: " + statement));
            return;
        }
        for (String statement : statements) {
            run.log().info("Executing statement: " + statement);
            db.execute(statement);
        }
    }

    /** Upstream's {@code go} rules: a non-empty script whose last non-empty line is {@code go}. */
    static List<String> splitGo(String script, ExecuteOp op) {
        if (script == null || script.isBlank()) {
            throw SequorException.failed(op.statement().pos(), "The 'statement' parameter is required and cannot be empty.");
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String lastNonEmpty = null;
        for (String line : script.split("\r?\n", -1)) {
            if (!line.isBlank()) {
                lastNonEmpty = line;
            }
            if (line.strip().equalsIgnoreCase("go")) {
                if (!current.toString().isBlank()) {
                    statements.add(current.toString().strip());
                }
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (lastNonEmpty == null || !lastNonEmpty.strip().equalsIgnoreCase("go")) {
            throw SequorException.failed(op.statement().pos(), "Missing 'go' command after the last statement. Each"
                    + " statement must be followed by a 'go' command on its own line.");
        }
        return statements;
    }

    /** Adds the columns listed in the columns table that the target lacks and drops those it should not have. */
    public void migrateSchema(MigrateSchemaOp op, FlowScope scope) {
        Database target = run.database(run.evaluator().string(op.targetSource(), scope), scope, op.targetSource().pos());
        Database columnsDb = run.database(run.evaluator().string(op.columnsSource(), scope), scope, op.columnsSource().pos());
        String targetNs = run.evaluator().string(op.targetNamespace(), scope);
        String targetTable = run.evaluator().string(op.targetTable(), scope);
        String columnsTable = run.evaluator().string(op.columnsTable(), scope);
        String columnsNs = run.evaluator().string(op.columnsNamespace(), scope);
        List<Row> wanted = columnsDb.query("SELECT * FROM " + columnsDb.dialect().qualified(columnsNs, columnsTable));
        Map<String, String> wantedTypes = new LinkedHashMap<>();
        for (Row r : wanted) {
            wantedTypes.put(Texts.str(r.get("name")), Texts.str(r.get("type")));
        }
        List<String> existing = target.columnNames(targetNs, targetTable);
        Set<String> existingLower = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        existingLower.addAll(existing);
        List<ColumnDef> add = new ArrayList<>();
        wantedTypes.forEach((name, type) -> {
            if (!existingLower.contains(name)) {
                add.add(ColumnDef.of(name, type, targetTable, op.meta().pos()));
            }
        });
        Set<String> wantedLower = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        wantedLower.addAll(wantedTypes.keySet());
        List<String> drop = existing.stream().filter(c -> !wantedLower.contains(c)).toList();
        run.log().info("migrate_schema " + target.dialect().qualified(targetNs, targetTable) + ": adding "
                + add.stream().map(ColumnDef::name).toList() + ", dropping " + drop);
        if (!add.isEmpty() || !drop.isEmpty()) {
            target.alterColumns(targetNs, targetTable, add, drop);
        }
    }

    private static String stripTrailingSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }
}
