package dev.sequor.db;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;

/**
 * A column a flow declares for a table write or a schema migration.
 *
 * @param name column name, written quoted (spaces and capitals are kept)
 * @param type SQL type, checked by {@link ColumnType#parse} so it is safe to write into DDL and casts
 */
public record ColumnDef(String name, ColumnType type) {

    /**
     * The column with its type text checked. A type outside the grammar fails the step (types are often computed
     * from API data at run time), naming the column and table; the reporter adds the op.
     */
    public static ColumnDef of(String name, String typeText, String table, SourcePos pos) {
        try {
            return new ColumnDef(name, ColumnType.parse(typeText));
        } catch (IllegalArgumentException e) {
            throw SequorException.failed(pos, "Column '" + name + "' of table '" + table + "': " + e.getMessage()
                    + ".");
        }
    }
}
