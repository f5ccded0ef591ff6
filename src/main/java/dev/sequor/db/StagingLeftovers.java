package dev.sequor.db;

import dev.sequor.error.SequorException;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the real tables named {@code _sequor_stage_*} that runs of older versions left in a namespace when they
 * crashed or lost their connection mid-op (they staged in ordinary tables; one table per failed run stayed forever).
 * <p>
 * Why this cannot drop another running Sequor's uncommitted work:
 * <ul>
 *   <li>Where DDL is transactional, this version commits such a table only on DuckDB. Table writes stage in temporary
 *       tables ({@link Dialect#stagingNamespace()}), which live in a session-private schema and are not in any
 *       namespace a flow writes to; the transform op's staging table is created, filled and renamed inside one
 *       transaction, so no other session ever sees it (uncommitted catalog rows are invisible to other sessions, and
 *       a crash rolls it back). The query below lists base tables of the namespace only, never temporary ones. On
 *       DuckDB an op builds its tables batch by batch (with for_each, from completed rows), each batch committed
 *       ({@link Dialect#buildsTablesInBatches}), so a run killed mid-op leaves its built table; but a DuckDB file is
 *       locked by the process that opened it for writing (below), and a run sweeps a namespace before it builds a
 *       table there.</li>
 *   <li>An older version does commit its staging tables, and one may still be running (say, during an upgrade).
 *       It keeps its connection for the whole op, so on PostgreSQL nothing is dropped while any Sequor session
 *       that is not this process's own is connected to the database ({@link Connector#otherSequorConnected});
 *       the leftovers are dropped by a later run that finds the database to itself. A DuckDB file is locked by the
 *       process that opened it for writing, so no other Sequor can be using it.</li>
 * </ul>
 * Where DDL is not transactional (MySQL), this version does commit staging tables while it swaps tables in, and
 * holds a named lock of each while it does ({@link RenameSwap}); a table whose lock someone holds is left alone.
 * Snowflake has no such locks, so its leftovers (only left by a run that died between building a replaced table and
 * swapping it in) are not dropped here; docs/databases/snowflake.md says how to find them.
 * <p>
 * A leftover that cannot be dropped (owned by another role, say) is skipped: the write goes on.
 */
final class StagingLeftovers {

    static final String PREFIX = "_sequor_stage_";

    /** At most this many names are listed in the log line. */
    private static final int NAMES_SHOWN = 5;

    private StagingLeftovers() {
    }

    /** Drops the leftovers in {@code namespace} and returns their names (empty when none, or when skipped). */
    static List<String> drop(SqlSession session, Connector connector, String namespace) {
        Dialect dialect = session.dialect();
        List<String> found = session.query("SELECT table_name FROM information_schema.tables"
                        + " WHERE " + dialect.ownDatabaseTables() + " AND table_schema = ?"
                        + " AND table_type = 'BASE TABLE' AND left(table_name, " + PREFIX.length() + ") = ?"
                        + " ORDER BY table_name", dialect.stored(namespace), dialect.stored(PREFIX))
                .stream().map(r -> String.valueOf(r.get(0))).toList();
        if (found.isEmpty() || session.call(connector::otherSequorConnected)) {
            return List.of();
        }
        List<String> dropped = new ArrayList<>();
        if (!dialect.transactionalDdl() && !RenameSwap.namedLocks(dialect)) {
            return List.of(); // nothing tells a table another session is building from a leftover (Snowflake)
        }
        for (String table : found) {
            if (!dialect.transactionalDdl() && session.call(c -> RenameSwap.inUse(c, table))) {
                continue; // another session is building or swapping it right now
            }
            try {
                session.execute("DROP TABLE IF EXISTS " + dialect.qualified(namespace, table));
                dropped.add(table);
            } catch (SequorException e) {
                if (session.lost()) {
                    throw e;
                }
                // Not ours to drop (privileges): leave it, the user's write matters more than the cleanup.
            }
        }
        return dropped;
    }

    /** The one log line for {@link #drop}'s result. */
    static String notice(String sourceName, String namespace, List<String> dropped) {
        String names = String.join(", ", dropped.subList(0, Math.min(NAMES_SHOWN, dropped.size())))
                + (dropped.size() > NAMES_SHOWN ? ", ... (" + (dropped.size() - NAMES_SHOWN) + " more)" : "");
        return "Dropped " + dropped.size() + " staging table" + (dropped.size() == 1 ? "" : "s") + " left in '"
                + namespace + "' of source '" + sourceName + "' by earlier runs that did not finish: " + names;
    }
}
