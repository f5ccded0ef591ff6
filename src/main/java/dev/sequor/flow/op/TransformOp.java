package dev.sequor.flow.op;

import dev.sequor.flow.Dyn;

/**
 * {@code transform}: lands the result of {@code query} on a database source in {@code target_table}: replaces the
 * table (the default, drop and create as select), or appends, replaces the rows of, or merges into it
 * ({@code write}).
 */
public record TransformOp(OpMeta meta, Dyn source, Dyn query, Dyn targetTable, Dyn targetNamespace,
                          Dyn targetDatabase, WriteKeys write) implements Op {
}
