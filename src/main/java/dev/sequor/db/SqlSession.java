package dev.sequor.db;

import dev.sequor.error.SequorException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One borrowed connection of a source, used for one piece of work and then given back. Turns every
 * {@link SQLException} into one sentence ("SQL error on source 'x': ...", or "Connection to database source 'x' was
 * lost ..." when the connection itself is gone: the one place that tells the two apart), and runs units of work in
 * a transaction that is rolled back when anything inside fails.
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
    private boolean lost;
    /** A transaction left open across calls ({@link #openTransaction}), which the next {@link #inTransaction} ends. */
    private boolean open;
    /** {@link #inTransaction}'s work is running: its transaction ends when the work does. */
    private boolean inWork;

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

    /**
     * Starts a transaction that stays open across the calls that follow (an op's appends straight into their tables),
     * until {@link #inTransaction} commits it with its own work or {@link #close} rolls it back. Nothing happens when
     * one is open already.
     */
    void openTransaction() {
        if (open) {
            return;
        }
        if (inWork) {
            throw new IllegalStateException("a transaction left open must start outside inTransaction's work");
        }
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure(e);
        }
        open = true;
    }

    /** Whether a transaction opened by {@link #openTransaction} is under way. */
    boolean transactionOpen() {
        return open;
    }

    /**
     * Runs {@code work} as one transaction: committed when it returns, rolled back when it throws; a transaction left
     * open ({@link #openTransaction}) is that transaction, ended with it. Restoring auto-commit afterwards never hides
     * the failure that ended the work (on a lost connection it fails too).
     */
    <T> T inTransaction(Work<T> work) {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure(e);
        }
        open = false;
        try {
            T result;
            inWork = true;
            try {
                result = work.run(connection);
            } catch (SQLException e) {
                rollbackQuietly();
                throw failure(e);
            } catch (RuntimeException | Error e) {
                rollbackQuietly();
                throw e;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly();
                throw dialect.connectionLost(e) ? lostWhileCommitting(e) : failure(e);
            }
            return result;
        } finally {
            inWork = false;
            restoreAutoCommit();
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

    /**
     * Runs a statement that writes rows and returns how many it wrote as the driver reports it (PostgreSQL's
     * {@code SELECT n} tag of {@code CREATE TABLE AS}), or -1 when it does not say (DuckDB).
     */
    static long countOn(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.execute(sql) ? -1 : Math.max(-1, s.getUpdateCount());
        }
    }

    /** The first cell of a query that returns one number ({@code SELECT count(*) ...}). */
    static long longOn(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The column names of a query's result, in order (run it with {@code WHERE 1 = 0} to read no row). */
    static List<String> columnsOn(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnLabel(i));
            }
            return names;
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
                    return readAll(rs, dialect);
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
                    return readAll(rs, dialect);
                }
            }
        });
    }

    private static List<Row> readAll(ResultSet rs, Dialect dialect) throws SQLException {
        ResultValues values = ResultValues.of(rs, dialect);
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(values.read(rs));
        }
        return rows;
    }

    /** True when {@code namespace.table} exists as a table or view. */
    boolean tableExists(String namespace, String table) {
        return call(c -> tableExistsOn(c, dialect, namespace, table));
    }

    /** {@link #tableExists} on {@code c}, inside the caller's transaction; names as {@code dialect} stores them. */
    static boolean tableExistsOn(Connection c, Dialect dialect, String namespace, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.tables WHERE table_schema = ?"
                + " AND " + dialect.tableNameIs("table_name"))) {
            ps.setString(1, dialect.stored(namespace));
            ps.setString(2, dialect.tableKey(table));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The columns of {@code namespace.table} with their types, as {@link Dialect#existingColumnsQuery} reports them,
     * on {@code c} inside the caller's transaction; names as the records carry them ({@link Dialect#label}: Snowflake
     * lists a column ID for a field id), also found by any name the database takes for one ({@link CatalogColumns}).
     */
    static Map<String, String> columnTypesOn(Connection c, Dialect dialect, String namespace, String table)
            throws SQLException {
        Map<String, String> types = new CatalogColumns(dialect);
        try (PreparedStatement ps = c.prepareStatement(dialect.existingColumnsQuery())) {
            ps.setString(1, dialect.stored(namespace));
            ps.setString(2, dialect.tableKey(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(dialect.label(rs.getString(1)), rs.getString(2));
                }
            }
        }
        return types;
    }

    /**
     * The one-sentence failure for {@code e}: "SQL error on source 'x': ..." for a failed statement, or, when the
     * connection itself is gone, a sentence saying so (the pool hands the next op a new connection).
     */
    SequorException failure(SQLException e) {
        if (dialect.connectionLost(e)) {
            lost = true;
            return SequorException.failed(null, "Connection to database source '" + sourceName + "' was lost ("
                    + dialect.lostReason(e) + "); the op's uncommitted writes were discarded and the next op that uses"
                    + " the source reconnects", e);
        }
        return SequorException.failed(null, "SQL error on source '" + sourceName + "': " + dialect.errorText(e), e);
    }

    /** A commit whose answer never came: it may or may not have been applied, and the message must not guess. */
    private SequorException lostWhileCommitting(SQLException e) {
        lost = true;
        return SequorException.failed(null, "Connection to database source '" + sourceName + "' was lost while"
                + " committing (" + dialect.lostReason(e) + "); the op's writes may or may not have been committed,"
                + " and the next op that uses the source reconnects", e);
    }

    /** True once a failure said the connection is gone: nothing more can be done on it. */
    boolean lost() {
        return lost;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is the one worth reporting; a broken connection is discarded by the pool.
        }
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // Only fails on a broken connection, which the pool validates away; the work's own outcome stands.
        }
    }

    /**
     * Runs {@code work} in a transaction left open for {@link #commitOpenTransaction} (joining one already open): the
     * first half of a commit that must wait for other databases. When the work fails, the transaction is rolled back.
     */
    <T> T inTransactionLeftOpen(Work<T> work) {
        openTransaction();
        try {
            return call(work);
        } catch (RuntimeException | Error e) {
            rollBackOpenTransaction();
            throw e;
        }
    }

    /** Commits a transaction still open ({@link #openTransaction}), if any; statements then auto-commit again. */
    void commitOpenTransaction() {
        if (!open) {
            return;
        }
        open = false;
        try {
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw dialect.connectionLost(e) ? lostWhileCommitting(e) : failure(e);
        } finally {
            restoreAutoCommit();
        }
    }

    /** Rolls back a transaction still open ({@link #openTransaction}), if any; statements then auto-commit again. */
    void rollBackOpenTransaction() {
        if (open) {
            open = false;
            rollbackQuietly();
            restoreAutoCommit();
        }
    }

    /** Gives the connection back; a transaction still open ({@link #openTransaction}) is rolled back first. */
    @Override
    public void close() {
        rollBackOpenTransaction();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing gives the connection back (pool) or frees it (DuckDB duplicate); nothing left to report.
        }
    }
}
