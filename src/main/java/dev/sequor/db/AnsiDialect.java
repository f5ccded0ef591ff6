package dev.sequor.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Standard SQL for any database reached through {@code type: jdbc} with {@code dialect: ansi}: double-quoted names,
 * the connection's current schema as the namespace, staging in {@code CREATE TEMPORARY TABLE}s of text columns
 * ({@code VARCHAR} without a length) cast to the declared types on the final insert, multi-row INSERTs for loads.
 * Table writes are atomic where the database has transactional DDL; the docs (docs/databases/jdbc.md) say so.
 */
public final class AnsiDialect implements Dialect {

    public static final AnsiDialect INSTANCE = new AnsiDialect();

    private final BulkLoader loader = new MultiRowInsertLoader(this);

    private AnsiDialect() {
    }

    @Override
    public String displayName() {
        return "JDBC";
    }

    /** Only a fallback: the namespace is the connection's current schema, see {@link #currentNamespace}. */
    @Override
    public String defaultNamespace() {
        return null;
    }

    /** The connection's schema, or its catalog where schemas are databases (MySQL). */
    @Override
    public String currentNamespace(Connection c) throws SQLException {
        String schema = c.getSchema();
        return schema != null ? schema : c.getCatalog();
    }

    @Override
    public BulkLoader bulkLoader() {
        return loader;
    }

    /** Text in, CAST on the way out: every driver binds text, and CAST is how standard SQL converts it. */
    @Override
    public boolean stagesAsText() {
        return true;
    }

    /**
     * Standard SQL has no conversion that fails softly, so a refused value is found by converting ranges of numbered
     * staged rows again ({@link MisfitBisection}).
     */
    @Override
    public boolean numbersStagedRows() {
        return true;
    }

    /** Unqualified: each database puts temporary tables where it keeps them. */
    @Override
    public String stagingNamespace() {
        return null;
    }

    /** No portable way to name the current catalog; staging names are random enough that the schema suffices. */
    @Override
    public String ownDatabaseTables() {
        return "1 = 1";
    }
}
