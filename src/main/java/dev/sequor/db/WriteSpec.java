package dev.sequor.db;

import java.util.List;

/**
 * Everything a table write needs to know about how it lands: the {@link WriteMode} and, for merge only, the key
 * columns and the {@link MergeStrategy}. The flow's keys ({@code write_mode}, {@code primary_key},
 * {@code merge_strategy}) are checked by the parser and {@code ops.WriteSpecs} with positions; this record only
 * refuses combinations no caller may build.
 *
 * @param primaryKey the key columns of a merge (not empty), empty for every other mode
 * @param strategy   how a merge lands existing keys; null for every other mode
 * @param evolution  what new fields and wider values do to a table whose columns are inferred (irrelevant when they
 *                   are declared)
 */
public record WriteSpec(WriteMode mode, List<String> primaryKey, MergeStrategy strategy, SchemaEvolution evolution) {

    public WriteSpec {
        java.util.Objects.requireNonNull(evolution);
        primaryKey = List.copyOf(primaryKey);
        if (mode == WriteMode.MERGE && (primaryKey.isEmpty() || strategy == null)) {
            throw new IllegalArgumentException("a merge needs a primary key and a strategy");
        }
        if (mode != WriteMode.MERGE && (!primaryKey.isEmpty() || strategy != null)) {
            throw new IllegalArgumentException("only a merge has a primary key and a strategy");
        }
    }

    /** A write in {@code mode}, which is not merge. */
    public static WriteSpec of(WriteMode mode) {
        return new WriteSpec(mode, List.of(), null, SchemaEvolution.EVOLVE);
    }

    /** This write with inferred columns evolving as {@code e} says ({@code schema_evolution}). */
    public WriteSpec withEvolution(SchemaEvolution e) {
        return new WriteSpec(mode, primaryKey, strategy, e);
    }

    public static WriteSpec merge(List<String> primaryKey, MergeStrategy strategy) {
        return new WriteSpec(WriteMode.MERGE, primaryKey, strategy, SchemaEvolution.EVOLVE);
    }
}
