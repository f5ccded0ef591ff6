package dev.sequor.db;

/**
 * How a table write treats the existing table: {@code create} replaces it (drop and create, upstream's default),
 * {@code append} adds rows to it, {@code replace} empties it and loads the new rows in the same transaction (so its
 * grants, indexes and the views on it survive), {@code merge} updates rows whose key is loaded again and adds the
 * others ({@link WriteSpec#primaryKey()}, {@link MergeStrategy}).
 */
public enum WriteMode {
    CREATE,
    APPEND,
    REPLACE,
    MERGE;

    /**
     * Whether the rows of completed for_each rows may land when a later row fails: they add to or update the table
     * without taking anything else away. A create or replace table would lose its other rows, so it rolls back whole.
     */
    public boolean keepsCompletedUnits() {
        return this == APPEND || this == MERGE;
    }

    /** As flows write it. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
