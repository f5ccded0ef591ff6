package dev.sequor.db;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;

/**
 * Two names of one table that the database takes for one column ({@link Dialect#columnKey}): PostgreSQL keeps 63
 * bytes of a name, MySQL 64 characters without trailing spaces, and DuckDB and MySQL compare column names without
 * case. Refused before anything is written, naming both, instead of the database's "specified more than once".
 */
final class ColumnNameClash {

    private ColumnNameClash() {
    }

    /** Two fields of the records: renamed before they land, or kept apart by fewer flattened levels when cut. */
    static SequorException ofFields(Dialect dialect, SourcePos pos, String table, String first, String second) {
        boolean cut = dialect.stored(first).equals(dialect.stored(second));
        return error(dialect, pos, "Fields", table, first, second, cut, "rename one of them before it lands ("
                + (cut ? "a lower max_nesting, or " : "") + "data_expression), or declare the table's columns");
    }

    /** Two columns the flow declares. */
    static SequorException ofDeclared(Dialect dialect, SourcePos pos, String table, String first, String second) {
        return error(dialect, pos, "Declared columns", table, first, second,
                dialect.stored(first).equals(dialect.stored(second)), "rename one of them");
    }

    /** {@code cut}: the database stores both names as one; otherwise they differ in case only. */
    private static SequorException error(Dialect dialect, SourcePos pos, String what, String table, String first,
                                         String second, boolean cut, String remedy) {
        return SequorException.failed(pos, what + " '" + first + "' and '" + second + "' of table '" + table
                + "' are one column on " + dialect.displayName() + (cut ? ", which stores both names as '"
                + dialect.stored(second) + "'" : ", whose column names ignore case") + "; " + remedy);
    }
}
