package dev.sequor.flow.op;

import dev.sequor.flow.Dyn;

/** {@code transform}: replaces {@code target_table} with the result of {@code query} on a database source. */
public record TransformOp(OpMeta meta, Dyn source, Dyn query, Dyn targetTable, Dyn targetNamespace,
                          Dyn targetDatabase) implements Op {
}
