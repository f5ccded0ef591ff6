package dev.sequor.flow.parse;

import dev.sequor.flow.KeyReader;
import dev.sequor.flow.OpParser.StepsParser;
import dev.sequor.flow.op.ExecuteOp;
import dev.sequor.flow.op.MigrateSchemaOp;
import dev.sequor.flow.op.Op;
import dev.sequor.flow.op.OpMeta;
import dev.sequor.flow.op.TransformOp;

/** Parsers of the ops that run SQL: {@code transform}, {@code execute}, {@code migrate_schema}. */
public final class SqlOpParsers {

    private SqlOpParsers() {
    }

    public static Op transform(KeyReader keys, OpMeta meta, StepsParser steps) {
        return new TransformOp(meta, keys.requiredDyn("source"), keys.requiredDyn("query"),
                keys.requiredDyn("target_table"), keys.dyn("target_namespace"), keys.dyn("target_database"));
    }

    public static Op execute(KeyReader keys, OpMeta meta, StepsParser steps) {
        return new ExecuteOp(meta, keys.requiredDyn("source"), keys.requiredDyn("statement"),
                keys.bool("transaction", true));
    }

    public static Op migrateSchema(KeyReader keys, OpMeta meta, StepsParser steps) {
        keys.accept("target_database", "columns_database");
        return new MigrateSchemaOp(meta, keys.requiredDyn("target_source"), keys.dyn("target_namespace"),
                keys.requiredDyn("target_table"), keys.requiredDyn("columns_source"), keys.dyn("columns_namespace"),
                keys.requiredDyn("columns_table"));
    }
}
