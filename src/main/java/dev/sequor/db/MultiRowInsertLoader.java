package dev.sequor.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads rows with multi-row {@code INSERT ... VALUES (?, ?), (?, ?), ...} statements of up to {@link #MAX_ROWS}
 * rows each, every value bound as text: one round trip per few hundred rows instead of one per row, on any server
 * and driver (MySQL and MariaDB convert text to the column type, refusing what does not fit in strict mode).
 * One statement is prepared for the full chunks and one for the rest.
 */
final class MultiRowInsertLoader implements BulkLoader {

    /** Rows per statement; also bounded by the 65,535 placeholders a prepared statement may hold. */
    static final int MAX_ROWS = 1000;
    private static final int MAX_PLACEHOLDERS = 65_535;

    private final Dialect dialect;

    MultiRowInsertLoader(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public void load(Connection connection, String namespace, String table, List<String> columns, List<String[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int perStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PLACEHOLDERS / columns.size()));
        String head = "INSERT INTO " + dialect.qualified(namespace, table)
                + columns.stream().map(dialect::quote).collect(Collectors.joining(", ", " (", ")")) + " VALUES ";
        String tuple = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        int full = rows.size() / perStatement;
        if (full > 0) {
            try (PreparedStatement ps = connection.prepareStatement(head + tuples(tuple, perStatement))) {
                for (int chunk = 0; chunk < full; chunk++) {
                    bind(ps, rows.subList(chunk * perStatement, (chunk + 1) * perStatement));
                    execute(ps, chunk * perStatement);
                }
            }
        }
        List<String[]> rest = rows.subList(full * perStatement, rows.size());
        if (!rest.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(head + tuples(tuple, rest.size()))) {
                bind(ps, rest);
                execute(ps, full * perStatement);
            }
        }
    }

    /** Runs one statement; its failure says how many rows of the load came before its first ({@link RowsBefore}). */
    private static void execute(PreparedStatement ps, int rowsBefore) throws SQLException {
        try {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new RowsBefore(e, rowsBefore);
        }
    }

    /**
     * A statement's failure, with the number of the load's rows the statements before it carried: the server's
     * "at row N" counts within the statement.
     */
    static final class RowsBefore extends SQLException {
        final int rows;

        RowsBefore(SQLException e, int rows) {
            super(e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
            this.rows = rows;
        }
    }

    private static String tuples(String tuple, int count) {
        return String.join(", ", Collections.nCopies(count, tuple));
    }

    private static void bind(PreparedStatement ps, List<String[]> rows) throws SQLException {
        int i = 1;
        for (String[] row : rows) {
            for (String value : row) {
                if (value == null) {
                    ps.setNull(i++, Types.VARCHAR);
                } else {
                    ps.setString(i++, value);
                }
            }
        }
    }
}
