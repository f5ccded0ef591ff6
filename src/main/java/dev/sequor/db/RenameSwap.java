package dev.sequor.db;

import dev.sequor.error.SequorException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an op's tables where DDL does not take part in transactions (MySQL, MariaDB: every CREATE, DROP
 * and RENAME commits on its own), so that readers still see each table either as it was or as the op left it:
 * <ol>
 *   <li>each replaced table is built whole under a staging name ({@code _sequor_stage_*}) in its namespace;</li>
 *   <li>rows for the op's other tables (append, replace, merge) move in one transaction;</li>
 *   <li>one {@code RENAME TABLE t TO old, built TO t, ...} swaps every replaced table at once (MySQL runs a
 *       multi-table RENAME atomically), then the old tables are dropped.</li>
 * </ol>
 * A reader meanwhile sees a replaced table's old rows until the rename and the new ones after it, never a half-built
 * table; between steps 2 and 3 (milliseconds) it may see the rows an op appended or merged beside the old content of
 * the tables the same op replaces. If the op fails before step 3 its built tables are dropped and no table changed
 * (but a missing table it writes otherwise was created empty first); if it fails in step 3 what step 2 moved stays.
 * <p>
 * While a session works on a staging-named table it holds a named lock of that name ({@code GET_LOCK}), which the
 * server releases when the session ends, however it ends. A staging table whose lock is free was left by a run that
 * crashed or lost its connection, and {@link StagingLeftovers} may drop it ({@link #inUse}).
 * <p>
 * Snowflake has neither named locks nor a multi-table RENAME: each built table is swapped with its target by its own
 * atomic {@code ALTER TABLE ... SWAP WITH} ({@link Dialect#swapIn}), so an op that replaces several tables swaps them
 * one after the other (a reader may see one table new and the next still old for the milliseconds between).
 */
final class RenameSwap {

    private RenameSwap() {
    }

    /**
     * A table to be replaced by {@code built}, a table of the same namespace that {@code build} (statements run one by
     * one, each committing on its own) fills with the new content.
     */
    record Replacement(String namespace, String table, String built, List<String> build) {
    }

    /** The transform op: the new table is {@code CREATE TABLE built AS select}, then swapped in. */
    static long replaceTableAs(SqlSession session, String namespace, String table, String select) {
        Dialect d = session.dialect();
        String built = JdbcDatabase.stagingName(table, d);
        return session.call(c -> {
            List<String> locks = lockNames(c, d, built);
            try {
                String builtTable = d.qualified(namespace, built);
                long rows = SqlSession.countOn(c, "CREATE TABLE " + builtTable + " AS " + select);
                if (rows <= 0) {
                    // Snowflake's driver counts no rows for a CREATE TABLE AS (DDL), whatever it made
                    rows = SqlSession.longOn(c, "SELECT count(*) FROM " + builtTable);
                }
                swap(session, c, List.of(new Replacement(namespace, table, built, List.of())));
                return rows;
            } catch (SQLException | RuntimeException e) {
                dropQuietly(c, d.qualified(namespace, built));
                throw e;
            } finally {
                release(c, locks);
            }
        });
    }

    /**
     * Commits one database's table writes as the class comment says: builds every replacement, runs {@code data} (the
     * statements that move rows into the tables that are not replaced) as one transaction, then swaps the replacements
     * in. Staging tables are left to the caller.
     */
    static void commit(SqlSession session, List<Replacement> replacements, SqlSession.Work<Void> data) {
        if (replacements.isEmpty()) {
            session.inTransaction(data);
            return;
        }
        List<String> locks = new ArrayList<>();
        boolean swapped = false;
        try {
            session.call(c -> {
                for (Replacement r : replacements) {
                    locks.addAll(lockNames(c, session.dialect(), r.built()));
                }
                for (Replacement r : replacements) {
                    for (String sql : r.build()) {
                        SqlSession.executeOn(c, sql);
                    }
                }
                return null;
            });
            session.inTransaction(data);
            session.call(c -> {
                swap(session, c, replacements);
                return null;
            });
            swapped = true;
        } finally {
            cleanUp(session, swapped ? List.of() : replacements, locks);
        }
    }

    /**
     * After the commit: drops the built tables that were not swapped in (after a failure) and releases the locks,
     * quietly, since a failure here must not hide the one that ended the commit (the server releases a session's locks
     * and a later run drops its tables anyway).
     */
    private static void cleanUp(SqlSession session, List<Replacement> unswapped, List<String> locks) {
        if (session.lost()) {
            return;
        }
        try {
            session.call(c -> {
                for (Replacement s : unswapped) {
                    dropQuietly(c, session.dialect().qualified(s.namespace(), s.built()));
                }
                release(c, locks);
                return null;
            });
        } catch (SequorException ignored) {
            // see above
        }
    }

    /**
     * Renames each built table into place in one statement (MySQL renames tables of several databases in one atomic
     * RENAME), moving a table that exists out of the way under a staging name, then drops those.
     */
    private static void swap(SqlSession session, Connection c, List<Replacement> swaps) throws SQLException {
        if (swaps.isEmpty()) {
            return;
        }
        Dialect d = session.dialect();
        if (!namedLocks(d)) {
            for (Replacement s : swaps) {
                boolean exists = session.tableExists(s.namespace(), s.table());
                for (String sql : d.swapIn(d.qualified(s.namespace(), s.built()), d.qualified(s.namespace(), s.table()),
                        exists)) {
                    SqlSession.executeOn(c, sql);
                }
            }
            return;
        }
        List<String> renames = new ArrayList<>();
        List<String> old = new ArrayList<>();
        List<String> locks = new ArrayList<>();
        try {
            for (Replacement s : swaps) {
                String target = d.qualified(s.namespace(), s.table());
                if (session.tableExists(s.namespace(), s.table())) {
                    String moved = JdbcDatabase.stagingName(s.table(), d);
                    locks.addAll(lockNames(c, d, moved));
                    renames.add(target + " TO " + d.qualified(s.namespace(), moved));
                    old.add(d.qualified(s.namespace(), moved));
                }
                renames.add(d.qualified(s.namespace(), s.built()) + " TO " + target);
            }
            SqlSession.executeOn(c, "RENAME TABLE " + String.join(", ", renames));
            if (!old.isEmpty()) {
                SqlSession.executeOn(c, "DROP TABLE IF EXISTS " + String.join(", ", old));
            }
        } finally {
            release(c, locks);
        }
    }

    /**
     * Whether staging tables are guarded by named locks and swapped by one multi-table RENAME (MySQL), rather than
     * swapped one by one with the dialect's own statement ({@link Dialect#swapIn}, Snowflake's SWAP WITH).
     */
    static boolean namedLocks(Dialect d) {
        return d.swapIn("built", "target", true) == null;
    }

    /** Takes the named lock of a staging table; it is new and random, so nobody else holds it. */
    private static List<String> lockNames(Connection c, Dialect d, String stagingTable) throws SQLException {
        if (!namedLocks(d)) {
            return List.of();
        }
        if (!NamedLocks.take(c, stagingTable, Duration.ZERO)) {
            throw new SQLException("could not take the lock of staging table " + stagingTable);
        }
        return List.of(stagingTable);
    }

    private static void release(Connection c, List<String> locks) throws SQLException {
        for (String lock : locks) {
            NamedLocks.release(c, lock);
        }
    }

    /** True while some session holds the lock of staging table {@code table} (it is working on it). */
    static boolean inUse(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getObject(1) != null;
            }
        }
    }

    /** After a failure: the built table goes; a failure to drop it must not hide the first one. */
    private static void dropQuietly(Connection c, String table) {
        try {
            SqlSession.executeOn(c, "DROP TABLE IF EXISTS " + table);
        } catch (SQLException | SequorException ignored) {
            // a later run's StagingLeftovers drops it (its lock is released with this session)
        }
    }
}
