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

    /**
     * The error for {@code first} and {@code second}, names of {@code what} ("Fields", "Declared columns") of
     * {@code table}; {@code remedy} says what to rename (the sentence's end).
     */
    static SequorException error(Dialect dialect, SourcePos pos, String what, String table, String first,
                                 String second, String remedy) {
        String stored = dialect.stored(second);
        boolean sameStored = stored.equals(dialect.stored(first)) && !(stored.equals(first) && stored.equals(second));
        return SequorException.failed(pos, what + " '" + first + "' and '" + second + "' of table '" + table
                + "' are one column on " + dialect.displayName() + (sameStored ? ", which stores both names as '"
                + stored + "'" : ", whose column names ignore case") + "; " + remedy);
    }
}
