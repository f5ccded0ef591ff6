package dev.sequor.flow.op;

import dev.sequor.flow.Dyn;

/**
 * {@code migrate_schema}: makes the columns of {@code target_table} match the rows ({@code name}, {@code type})
 * of {@code columns_table}, adding missing columns and dropping extra ones, committed.
 */
public record MigrateSchemaOp(OpMeta meta, Dyn targetSource, Dyn targetNamespace, Dyn targetTable,
                              Dyn columnsSource, Dyn columnsNamespace, Dyn columnsTable) implements Op {
}
