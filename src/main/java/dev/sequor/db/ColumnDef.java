package dev.sequor.db;

/**
 * A column a flow declares for a table write or a schema migration.
 *
 * @param name column name, written quoted (spaces and capitals are kept)
 * @param type SQL type text passed through verbatim, e.g. {@code text}, {@code NUMERIC(10,2)}
 */
public record ColumnDef(String name, String type) {
}
