package dev.sequor.flow.op;

import dev.sequor.flow.Dyn;

/**
 * How a table write lands in its table, as the flow writes it: {@code write_mode} ({@code create} when null),
 * {@code primary_key} (a column name or a list of them; merge only) and {@code merge_strategy} ({@code upsert} when
 * null; merge only). Each may be literal or computed; {@code ops.WriteSpecs} turns the values into a
 * {@link dev.sequor.db.WriteSpec} when the op runs.
 */
public record WriteKeys(Dyn mode, Dyn primaryKey, Dyn mergeStrategy) {
}
