package dev.sequor.db;

import dev.sequor.error.SequorException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One borrowed connection of a source, used for one piece of work and then given back. Turns every
 * {@link SQLException} into the one-sentence "SQL error on source 'x': ..." failure, and runs units of work in a
 * transaction that is rolled back when anything inside fails.
 */
final class SqlSession implements AutoCloseable {

    /** Work on the raw connection; SQL failures are translated by the session. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String sourceName;
    private final Dialect dialect;
    private final Connection connection;

    SqlSession(String sourceName, Dialect dialect, Connection connection) {
        this.sourceName = sourceName;
        this.dialect = dialect;
        this.connection = connection;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in auto-commit mode. */
    <T> T call(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs {@code work} as one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs one statement in auto-commit mode. */
    void execute(String sql) {
        call(c -> {
            executeOn(c, sql);
            return null;
        });
    }

    static void executeOn(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** All rows of a statement; an empty list when it produces no result set. */
    List<Row> query(String sql) {
        return call(c -> {
            try (Statement s = c.createStatement()) {
                if (!s.execute(sql)) {
                    return List.of();
                }
                try (ResultSet rs = s.getResultSet()) {
                    return readAll(rs);
                }
            }
        });
    }

    /** All rows of a parameterised query (parameters bound as strings). */
    List<Row> query(String sql, String... parameters) {
        return call(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setString(i + 1, parameters[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return readAll(rs);
                }
            }
        });
    }

    private static List<Row> readAll(ResultSet rs) throws SQLException {
        ResultValues values = ResultValues.of(rs);
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(values.read(rs));
        }
        return rows;
    }

    /** True when {@code namespace.table} exists as a table or view. */
    boolean tableExists(String namespace, String table) {
        return !query("SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
                namespace, table).isEmpty();
    }

    SequorException failure(SQLException e) {
        return SequorException.failed(null, "SQL error on source '" + sourceName + "': " + dialect.errorText(e), e);
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is the one worth reporting; a broken connection is discarded on close.
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing gives the connection back (pool) or frees it (DuckDB duplicate); nothing left to report.
        }
    }
}
