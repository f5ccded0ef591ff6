package dev.sequor.db;

import dev.sequor.error.SequorException;
import java.sql.SQLException;

/**
 * A value its column refused, as the database told it or as a query over staging found it: the row (1-based, counted
 * within what was loaded or staged), the column and the value. {@link #sentence} turns it into the op's error, which
 * names the table, the column, the row among the op's rows for that table and the value, and keeps the database's
 * own words (issue 8: "an error naming the table, column, row number and value").
 */
record Misfit(long row, String column, String value) {

    /** The op's error for {@code failure} (the database's), {@code rowsBefore} rows of the table having gone before. */
    SequorException sentence(TableTarget t, long rowsBefore, SequorException failure) {
        ColumnDef declared = t.columns() == null ? null : t.columns().stream().filter(c -> c.name().equals(column))
                .findFirst().orElse(null);
        String type = declared == null ? null : declared.type().sql();
        String value = declared == null ? this.value : t.dialect().refusedValue(declared, this.value);
        return SequorException.failed(t.pos(), "Value " + shown(value) + " in row " + (rowsBefore + row)
                + " for table '" + t.table() + "' does not fit column '" + column + "'"
                + (type == null ? "" : " of type " + type) + " (" + failure.getMessage() + ").", failure);
    }

    /** The database's failure behind {@code e}, or null. */
    static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    /** A value in a message: quoted, on one line, at most 80 characters, a NUL written as {@code \\u0000}. */
    private static String shown(String value) {
        if (value == null) {
            return "null";
        }
        String oneLine = value.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\u0000");
        return "'" + (oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...") + "'";
    }
}
