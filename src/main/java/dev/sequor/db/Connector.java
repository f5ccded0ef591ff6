package dev.sequor.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands out connections of one source: from a pool (PostgreSQL) or as duplicates of one handle (DuckDB). */
interface Connector extends AutoCloseable {

    /** A connection in auto-commit mode; the caller closes it to give it back. */
    Connection acquire() throws SQLException;

    /**
     * True when another Sequor process is connected to the same database right now (so it may be in the middle
     * of an op), judged on {@code c}, one of this connector's connections. See {@link StagingLeftovers}.
     */
    default boolean otherSequorConnected(Connection c) throws SQLException {
        return false;
    }

    /** Releases the pool or the database handle. */
    @Override
    void close();
}
