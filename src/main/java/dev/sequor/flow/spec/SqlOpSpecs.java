package dev.sequor.flow.spec;

import static dev.sequor.flow.spec.JsonType.ARRAY;
import static dev.sequor.flow.spec.JsonType.BOOLEAN;
import static dev.sequor.flow.spec.JsonType.STRING;
import static dev.sequor.flow.spec.KeySpec.dyn;
import static dev.sequor.flow.spec.KeySpec.literal;

import dev.sequor.db.MergeStrategy;
import dev.sequor.db.WriteMode;

/** The keys of the ops that run SQL, in the order {@code flow.parse.SqlOpParsers} reads them. */
public final class SqlOpSpecs {

    private SqlOpSpecs() {
    }

    public static final SectionSpec TRANSFORM = SectionSpec.closed("transform",
            "Writes a query's result to a table, atomically.",
            dyn("source", "The database source.", STRING).mandatory(),
            dyn("query", "The SELECT whose result is written.", STRING).mandatory(),
            dyn("target_table", "The table written.", STRING).mandatory(),
            dyn("target_namespace", "Namespace (schema) of the target table.", STRING),
            dyn("target_database", "Database of the target table (kept for upstream flows; not used in SQL).",
                    STRING),
            dyn("write_mode", "How rows are written.", STRING).oneOf(HttpRequestSpec.names(WriteMode.values()))
                    .dflt("create"),
            dyn("primary_key", "merge only: the column or columns that identify a row.", STRING, ARRAY),
            dyn("merge_strategy", "merge only: how rows are merged.", STRING)
                    .oneOf(HttpRequestSpec.names(MergeStrategy.values())).dflt("upsert"));

    public static final SectionSpec EXECUTE = SectionSpec.closed("execute",
            "Runs SQL statements, each followed by a line holding only go.",
            dyn("source", "The database source.", STRING).mandatory(),
            dyn("statement", "The statements, each followed by a line holding only go.", STRING).mandatory(),
            literal("transaction", "All statements commit together (false: each on its own).", BOOLEAN)
                    .dflt(true));

    public static final SectionSpec MIGRATE_SCHEMA = SectionSpec.closed("migrate_schema",
            "Adds and drops a table's columns to match a table of {name, type} rows.",
            literal("target_database", "Kept for upstream flows; not used.", new JsonType[0]),
            literal("columns_database", "Kept for upstream flows; not used.", new JsonType[0]),
            dyn("target_source", "The database source of the table changed.", STRING).mandatory(),
            dyn("target_namespace", "Namespace (schema) of the table changed.", STRING),
            dyn("target_table", "The table changed.", STRING).mandatory(),
            dyn("columns_source", "The database source of the columns table.", STRING).mandatory(),
            dyn("columns_namespace", "Namespace (schema) of the columns table.", STRING),
            dyn("columns_table", "The table of rows with columns name and type.", STRING).mandatory());
}
