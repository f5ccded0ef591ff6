package dev.sequor.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands out connections of one source: from a pool (PostgreSQL) or as duplicates of one handle (DuckDB). */
interface Connector extends AutoCloseable {

    /** A connection in auto-commit mode; the caller closes it to give it back. */
    Connection acquire() throws SQLException;

    /** Releases the pool or the database handle. */
    @Override
    void close();
}
