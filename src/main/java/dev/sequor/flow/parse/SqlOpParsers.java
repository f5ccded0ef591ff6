package dev.sequor.flow.parse;

import dev.sequor.flow.Dyn;
import dev.sequor.flow.KeyReader;
import dev.sequor.flow.OpParser.StepsParser;
import dev.sequor.flow.op.ExecuteOp;
import dev.sequor.flow.op.MigrateSchemaOp;
import dev.sequor.flow.op.Op;
import dev.sequor.flow.op.OpMeta;
import dev.sequor.flow.op.TransformOp;

/**
 * Parsers of the ops that run SQL: {@code transform}, {@code execute}, {@code migrate_schema}. SQL written literally
 * is held to the rules the op applies when it runs (a query is not empty; a script ends with {@code go}), with the
 * same texts; whether a source name exists is checked with the project's sources ({@code flow.FlowCheck}).
 */
public final class SqlOpParsers {

    private SqlOpParsers() {
    }

    public static Op transform(KeyReader keys, OpMeta meta, StepsParser steps) {
        Dyn source = keys.requiredDyn("source");
        Dyn query = keys.requiredDyn("query");
        if (query instanceof Dyn.Const c && (c.value() == null || String.valueOf(c.value()).isBlank())) {
            keys.diagnostics().invalidValue(c.pos(), "'query' in " + keys.where() + " is empty; write the SELECT whose"
                    + " result becomes the target table.");
        }
        // the columns come from the query, so a literal primary_key is checked against them when the op runs
        return new TransformOp(meta, source, query, keys.requiredDyn("target_table"), keys.dyn("target_namespace"),
                keys.dyn("target_database"), WriteKeysParser.read(keys, null));
    }

    public static Op execute(KeyReader keys, OpMeta meta, StepsParser steps) {
        Dyn source = keys.requiredDyn("source");
        Dyn statement = keys.requiredDyn("statement");
        if (statement instanceof Dyn.Const c) {
            String problem = goProblem(c.value() == null ? null : String.valueOf(c.value()), keys.where());
            if (problem != null) {
                keys.diagnostics().invalidValue(c.pos(), problem);
            }
        }
        return new ExecuteOp(meta, source, statement, keys.bool("transaction", true));
    }

    public static Op migrateSchema(KeyReader keys, OpMeta meta, StepsParser steps) {
        keys.accept("target_database", "columns_database");
        return new MigrateSchemaOp(meta, keys.requiredDyn("target_source"), keys.dyn("target_namespace"),
                keys.requiredDyn("target_table"), keys.requiredDyn("columns_source"), keys.dyn("columns_namespace"),
                keys.requiredDyn("columns_table"));
    }

    /**
     * Upstream's {@code go} rules for an {@code execute} script, with its texts: not empty, and its last non-empty
     * line is {@code go} (any case); null when the script follows them. {@code where} names the op.
     */
    static String goProblem(String script, String where) {
        if (script == null || script.isBlank()) {
            return "The 'statement' parameter of " + where + " is required and cannot be empty.";
        }
        String last = null;
        for (String line : script.split("\r?\n")) {
            if (!line.isBlank()) {
                last = line;
            }
        }
        return last != null && last.strip().equalsIgnoreCase("go") ? null : "Missing 'go' command after the last"
                + " statement of " + where + ". Each statement must be followed by a 'go' command on its own line.";
    }
}
