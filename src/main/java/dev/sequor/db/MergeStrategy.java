package dev.sequor.db;

/**
 * How {@link WriteMode#MERGE} lands rows whose key is already in the table: {@code upsert} updates those rows in
 * place and inserts the others (one MERGE statement where the database has it, so the table needs no unique
 * constraint on the key); {@code delete_insert} deletes the table's rows with a loaded key, then inserts every loaded
 * row (two statements in the load's transaction; also works on any table, and replaces whole rows).
 */
public enum MergeStrategy {
    UPSERT,
    DELETE_INSERT;

    /** As flows write it. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
