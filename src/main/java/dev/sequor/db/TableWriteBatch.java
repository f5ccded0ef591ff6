package dev.sequor.db;

import dev.sequor.error.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All table writes of one op execution, made atomic: rows go to staging tables while the op runs, and
 * {@link #commit()} swaps them into the targets in one transaction per database. Closing without a commit (the op
 * failed) drops the staging tables and leaves every target exactly as it was. Use with try-with-resources:
 * <pre>{@code
 * try (TableWriteBatch batch = new TableWriteBatch()) {
 *     batch.target(db, null, "users", columns, WriteMode.CREATE, pos).addRows(page);
 *     batch.commit();
 * }
 * }</pre>
 * Writes to several databases commit one database after the other; a failure in a later one cannot undo an
 * earlier one (there is no two-phase commit across sources).
 */
public final class TableWriteBatch implements AutoCloseable {

    private final Map<JdbcDatabase, StagedWrites> byDatabase = new LinkedHashMap<>();
    private boolean committed;
    private boolean closed;

    public TableWriteBatch() {
    }

    /**
     * The target for {@code namespace.table} (namespace null: the source's default), creating its staging table on
     * first use. Asking again for the same database, namespace and table returns the same target; the columns and
     * mode of the first request apply. With {@link WriteMode#APPEND} the table must already exist.
     */
    public TableTarget target(Database db, String namespace, String table, List<ColumnDef> columns, WriteMode mode,
                              SourcePos pos) {
        if (committed || closed) {
            throw new IllegalStateException("table write batch is already " + (closed ? "closed" : "committed"));
        }
        if (!(db instanceof JdbcDatabase jdbc)) {
            throw new IllegalArgumentException("not a database opened by Databases: " + db);
        }
        return byDatabase.computeIfAbsent(jdbc, StagedWrites::new)
                .target(namespace == null ? jdbc.defaultNamespace() : namespace, table, columns, mode, pos);
    }

    /** Makes every target's rows visible: one transaction per database, in the order the databases were used. */
    public void commit() {
        if (closed) {
            throw new IllegalStateException("table write batch is already closed");
        }
        if (committed) {
            return;
        }
        for (StagedWrites writes : byDatabase.values()) {
            writes.commit();
        }
        committed = true;
    }

    /** Without a commit: drops all staging data, targets untouched. Always gives the connections back. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException first = null;
        for (StagedWrites writes : new ArrayList<>(byDatabase.values())) {
            try {
                writes.discard();
            } catch (RuntimeException e) {
                // Keep cleaning the other databases; the first failure is reported afterwards.
                if (first == null) {
                    first = e;
                }
            }
        }
        byDatabase.clear();
        if (first != null) {
            throw first;
        }
    }
}
