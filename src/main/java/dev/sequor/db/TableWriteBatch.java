package dev.sequor.db;

import dev.sequor.error.SourcePos;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

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
 *
 * <p>Work that is sent out piece by piece (one request cycle per for_each row) runs each piece as a <em>unit</em>:
 * between {@link #beginUnit()} and {@link #completeUnit()} rows wait in memory, then reach staging together. When a
 * later piece fails, {@link #commitCompletedAppends()} keeps what the completed units added to append tables (and
 * merged into merge tables).
 *
 * <p>Completed units whose databases all stage as text ({@link Dialect#stagesAsText()}: a load there cannot fail
 * because of a value, only because of the database) reach staging together, once {@link #FLUSH_ROWS} rows or
 * {@link #FLUSH_CHARS} characters are waiting, or at the commit: one load per few thousand rows instead of one per
 * for_each row. Rows added outside units there, and those of targets with inferred columns (staged as text on every
 * database), wait the same way (the pages of a paginated fetch), and each full batch of them loads on a thread of its
 * own while the op asks for the next page ({@link BackgroundLoad}). Where staging is typed (PostgreSQL), a bad value
 * must fail the unit that brought it, so each unit is staged as it completes; pages added outside units go to the
 * loader thread one at a time when the op only reads ({@link #loadTypedPagesInBackground()}).
 *
 * <p>Pieces that run side by side (for_each rows in parallel) each write into a {@linkplain #unit() unit batch} of
 * their own, from their own thread; the batch then takes the completed units in order, one at a time
 * ({@link #completeUnit(TableWriteBatch)}). A batch is safe to use from several threads: its methods take turns.
 */
public final class TableWriteBatch implements AutoCloseable {

    /** Completed rows waiting that start a load; bounds the memory they take. */
    static final int FLUSH_ROWS = 5_000;
    /** Characters of completed rows waiting that start a load. */
    static final long FLUSH_CHARS = 4L * 1024 * 1024;

    /** The batch a unit batch belongs to; null for a batch of its own. */
    private final TableWriteBatch parent;
    /** In a unit batch: the parent's target of each table written, and this unit's view of it (holding its rows). */
    private final Map<TableTarget, TableTarget> views = new LinkedHashMap<>();
    /** In a unit batch: asking the parent for a target failed (the database or the table, not the unit's rows). */
    private volatile boolean targetFailed;

    private final Map<JdbcDatabase, StagedWrites> byDatabase = new LinkedHashMap<>();
    /** Every target handed out, in order, to hold or stage a unit's rows and to name what a commit kept. */
    private final Map<TableTarget, StagedWrites> targets = new LinkedHashMap<>();
    private boolean inUnit;
    /** {@link #loadTypedPagesInBackground()} was called. */
    private boolean typedPagesInBackground;
    /** {@link #loadStraightIntoTables()} was called. */
    private boolean loadsInPlace;
    /** {@link #buildTablesInBatches()} was called. */
    private boolean buildsInBatchesOnly;
    /**
     * Null until a unit's rows reached some databases' staging but not others' (a load failed in a later one), or some
     * tables built in batches but not others of the same database; then it says which, since the staging tables hold
     * part of an incomplete unit, and only a full rollback is exact.
     */
    private String stagingSplit;
    private boolean committed;
    private boolean closed;

    /**
     * A table that a partial commit added rows to (or merged them into): its name as the flow wrote it, how many rows
     * landed, and its write mode.
     */
    public record KeptTable(String name, long rows, WriteMode mode) {
    }

    /**
     * What {@link #commitCompletedAppends()} did: the append tables that got rows, and, when some rows of completed
     * units could not be committed, why ({@code lost}, null when everything they wrote to append tables landed).
     */
    public record PartialCommit(List<KeptTable> kept, String lost) {
    }

    public TableWriteBatch() {
        this.parent = null;
    }

    private TableWriteBatch(TableWriteBatch parent) {
        this.parent = parent;
    }

    /**
     * A batch for one unit that runs beside others: its targets are this batch's (created here, on first use), but
     * the rows it adds wait in the unit until {@link #completeUnit(TableWriteBatch)} takes them, or are dropped with
     * it. A unit batch is never committed or closed itself.
     */
    public TableWriteBatch unit() {
        if (parent != null) {
            throw new IllegalStateException("a unit batch has no units of its own");
        }
        return new TableWriteBatch(this);
    }

    /**
     * In a unit batch: whether asking for a target failed, i.e. the unit failed on its database or table (which would
     * fail any unit) rather than on its own rows.
     */
    public boolean targetFailed() {
        return targetFailed;
    }

    /**
     * The target for {@code namespace.table} (namespace null: the source's default), creating its staging table on
     * first use. Asking again for the same database, namespace and table returns the same target; the columns and
     * write of the first request apply. With {@link WriteMode#APPEND} the table must already exist; the other modes
     * create a missing table.
     */
    public TableTarget target(Database db, String namespace, String table, List<ColumnDef> columns, WriteSpec spec,
                              SourcePos pos) {
        if (parent != null) {
            TableTarget shared;
            try {
                shared = parent.target(db, namespace, table, columns, spec, pos);
            } catch (RuntimeException e) {
                targetFailed = true;
                throw e;
            }
            return views.computeIfAbsent(shared, TableTarget::unitView);
        }
        return target(db, namespace, table, columns, spec, false, pos);
    }

    /**
     * The target of the child table {@code table} of {@code parentTarget} (a target of this batch, or of this unit
     * batch): {@code child_tables}' rows of a parent's arrays, with inferred columns, in the parent's namespace.
     */
    public TableTarget child(TableTarget parentTarget, String table) {
        if (parent != null) {
            TableTarget sharedParent = shared(parentTarget);
            TableTarget shared;
            try {
                shared = parent.child(sharedParent, table);
            } catch (RuntimeException e) {
                targetFailed = true;
                throw e;
            }
            return views.computeIfAbsent(shared, TableTarget::unitView);
        }
        synchronized (this) {
            if (committed || closed) {
                throw new IllegalStateException("table write batch is already " + (closed ? "closed" : "committed"));
            }
            StagedWrites writes = writesOf(parentTarget);
            return registered(writes.child(parentTarget, table), writes);
        }
    }

    /**
     * Makes the child tables of {@code parentTarget} that already exist in the database land with it (emptied by
     * create and replace, their children of merged keys deleted) even when no record brings their field. Once per
     * parent; no effect after the first call.
     */
    public void existingChildren(TableTarget parentTarget) {
        if (parent != null) {
            TableTarget sharedParent = shared(parentTarget);
            try {
                parent.existingChildren(sharedParent);
            } catch (RuntimeException e) {
                targetFailed = true;
                throw e;
            }
            return;
        }
        synchronized (this) {
            StagedWrites writes = writesOf(parentTarget);
            writes.existingChildren(parentTarget).forEach(target -> registered(target, writes));
        }
    }

    private StagedWrites writesOf(TableTarget target) {
        StagedWrites writes = targets.get(target);
        if (writes == null) {
            throw new IllegalArgumentException("not a target of this batch: " + target.table());
        }
        return writes;
    }

    /** {@code target}, handed out: it commits with the batch, and holds its rows while a unit is under way. */
    private TableTarget registered(TableTarget target, StagedWrites writes) {
        targets.putIfAbsent(target, writes);
        if (inUnit) {
            target.hold();
        }
        return target;
    }

    /** In a unit batch: the batch's target that {@code target} is this unit's view of (itself when it is none). */
    private TableTarget shared(TableTarget target) {
        return views.entrySet().stream().filter(e -> e.getValue() == target).map(Map.Entry::getKey).findFirst()
                .orElse(target);
    }

    /** {@link #target(Database, String, String, List, WriteSpec, SourcePos)} for a mode other than merge. */
    public TableTarget target(Database db, String namespace, String table, List<ColumnDef> columns, WriteMode mode,
                              SourcePos pos) {
        return target(db, namespace, table, columns, WriteSpec.of(mode), pos);
    }

    /**
     * An append target whose table is created (with {@code columns}) when the batch commits if it does not exist then,
     * such as a table of failed rows.
     */
    public TableTarget appendCreatingMissing(Database db, String namespace, String table, List<ColumnDef> columns,
                                             SourcePos pos) {
        if (parent != null) {
            throw new IllegalStateException("a unit batch writes only through target()");
        }
        return target(db, namespace, table, columns, WriteSpec.of(WriteMode.APPEND), true, pos);
    }

    private synchronized TableTarget target(Database db, String namespace, String table, List<ColumnDef> columns,
                                            WriteSpec spec, boolean createMissing, SourcePos pos) {
        if (committed || closed) {
            throw new IllegalStateException("table write batch is already " + (closed ? "closed" : "committed"));
        }
        if (!(db instanceof JdbcDatabase jdbc)) {
            throw new IllegalArgumentException("not a database opened by Databases: " + db);
        }
        StagedWrites writes = byDatabase.computeIfAbsent(jdbc, d -> new StagedWrites(d, typedPagesInBackground,
                loadsInPlace, buildsInBatchesOnly));
        return registered(writes.target(namespace == null ? jdbc.defaultNamespace() : namespace, table, columns,
                spec, createMissing, pos), writes);
    }

    /**
     * Rows added outside units into typed staging (declared columns on PostgreSQL and MySQL) load on the loader
     * thread, one page at a time, while the op asks for the next page, instead of on the op's thread before it: for
     * ops whose requests only read (GET, HEAD), where asking for one more page changes nothing. A value the staging
     * refuses then fails the op when the next page is added or at the commit, one request later than otherwise; the
     * tables are unchanged either way. Called before the first target is asked for.
     */
    public synchronized void loadTypedPagesInBackground() {
        beforeFirstTarget();
        typedPagesInBackground = true;
    }

    /**
     * Rows may load straight into tables inside a transaction that the commit ends, where the database allows it
     * ({@link Dialect#loadsInOpTransaction}): appends with inferred columns into their table, creates with declared
     * columns into a table built for them ({@link InPlaceLoads}); the commit then has no rows left to move. On
     * DuckDB ({@link Dialect#buildsTablesInBatches}), every target's staged rows move into a table built for it batch
     * by batch, in every write mode. For ops without units (no for_each): a unit's rows must reach the database in a
     * transaction of their own. Other sessions see nothing until the commit, as with staging; an append holds its
     * table's ROW EXCLUSIVE lock from its first load, so ALTER and TRUNCATE of it by others wait for the op. Called
     * before the first target is asked for.
     */
    public synchronized void loadStraightIntoTables() {
        beforeFirstTarget();
        loadsInPlace = true;
    }

    /**
     * Where the database builds tables batch by batch ({@link Dialect#buildsTablesInBatches}, DuckDB), every target's
     * staged rows move into a table built for it as they come, as after {@link #loadStraightIntoTables}; elsewhere
     * they stay staged until the commit. For ops with units (for_each): completed units' rows move with the batch that
     * holds them, and {@link #commitCompletedAppends} finishes the built tables of the targets it keeps. Called before
     * the first target is asked for.
     */
    public synchronized void buildTablesInBatches() {
        beforeFirstTarget();
        buildsInBatchesOnly = true;
    }

    /**
     * How rows load is fixed per database when its first target is asked for: a switch after that would apply to the
     * databases asked for later only.
     */
    private void beforeFirstTarget() {
        if (!byDatabase.isEmpty()) {
            throw new IllegalStateException("the batch already writes to a database; decide how rows load before");
        }
    }

    /** Rows added from now on wait in memory until {@link #completeUnit()}. */
    public synchronized void beginUnit() {
        ownBatchOnly();
        inUnit = true;
        targets.keySet().forEach(TableTarget::hold);
    }

    /**
     * Ends a unit: its rows are complete and reach staging, each database's in one transaction, so a unit that fails
     * here leaves no row of itself in that database's staging. Where every database stages as text, they may wait for
     * the rows of later units and go in together (see the class comment). Rows keep waiting for the next unit.
     */
    public synchronized void completeUnit() {
        ownBatchOnly();
        long rows = 0;
        long chars = 0;
        boolean typed = false;
        for (Map.Entry<TableTarget, StagedWrites> e : targets.entrySet()) {
            e.getKey().unitComplete();
            rows += e.getKey().readyRows();
            chars += e.getKey().readyChars();
            typed |= !e.getValue().stagesAsText();
        }
        if (typed || rows >= FLUSH_ROWS || chars >= FLUSH_CHARS) {
            stageReady();
        }
    }

    /** Loads the rows of completed units that wait, each database's in one transaction. */
    private void stageReady() {
        Map<StagedWrites, Map<TableTarget, List<String[]>>> byWrites = new LinkedHashMap<>();
        targets.forEach((target, writes) -> {
            List<String[]> rows = target.takeReady();
            if (!rows.isEmpty()) {
                byWrites.computeIfAbsent(writes, w -> new LinkedHashMap<>()).put(target, rows);
            }
        });
        boolean someStaged = false;
        for (Map.Entry<StagedWrites, Map<TableTarget, List<String[]>>> e : byWrites.entrySet()) {
            try {
                e.getKey().loadTogether(e.getValue());
            } catch (RuntimeException failure) {
                stagingSplit = someStaged ? "the failed unit's rows had reached the staging of some databases only"
                        : e.getKey().lastLoadLoss();
                throw failure;
            }
            someStaged = true;
        }
    }

    /**
     * Stages the rows of {@code unit} (a {@linkplain #unit() unit batch} of this batch) as {@link #completeUnit()}
     * stages those of the unit under way, which must have none of its own.
     */
    public synchronized void completeUnit(TableWriteBatch unit) {
        if (unit.parent != this) {
            throw new IllegalArgumentException("not a unit of this batch");
        }
        unit.views.forEach((shared, view) -> shared.holdFrom(view));
        unit.views.clear();
        completeUnit();
    }

    private void ownBatchOnly() {
        if (parent != null) {
            throw new IllegalStateException("a unit batch is completed by its batch, never on its own");
        }
    }

    /**
     * Makes every target's rows visible: one transaction per database. An op may write to several databases, so the
     * databases whose DDL is transactional (PostgreSQL, DuckDB) first do all their commit's work in a transaction left
     * open; a database without transactional DDL (MySQL, Snowflake) then commits, and only when every one of them
     * succeeded do the open transactions commit. A value any database refuses thus changes no table of the op; only
     * a failure of a final COMMIT itself (a lost connection) can leave the databases before it committed.
     */
    public synchronized void commit() {
        ownBatchOnly();
        if (closed) {
            throw new IllegalStateException("table write batch is already closed");
        }
        if (committed) {
            return;
        }
        stageReady();
        commitEach(byDatabase.values(), writes -> t -> true);
        committed = true;
    }

    /**
     * Commits the targets {@code which} chooses in each of {@code databases}, as {@link #commit()} says: the
     * transactional databases prepared first, then the others committed, then the prepared ones completed. On a
     * failure the prepared ones stay open, for {@link #close()} to roll back.
     */
    private static void commitEach(Collection<StagedWrites> databases,
                                   Function<StagedWrites, Predicate<TableTarget>> which) {
        List<StagedWrites> prepared = new ArrayList<>();
        for (StagedWrites writes : databases) {
            if (writes.preparesCommits() && writes.prepare(which.apply(writes))) {
                prepared.add(writes);
            }
        }
        for (StagedWrites writes : databases) {
            if (!writes.preparesCommits()) {
                writes.commit(which.apply(writes));
            }
        }
        prepared.forEach(StagedWrites::completePrepared);
    }

    /**
     * After a unit failed: commits the rows that completed units added to {@link WriteMode#APPEND} targets, and merged
     * into {@link WriteMode#MERGE} targets (rows of
     * the failed unit never reached staging) and leaves every other target as it was, for {@link #close()} to discard.
     * Databases commit one after the other, as in {@link #commit()}.
     */
    public synchronized PartialCommit commitCompletedAppends() {
        ownBatchOnly();
        if (closed || committed) {
            throw new IllegalStateException("table write batch is already " + (closed ? "closed" : "committed"));
        }
        committed = true;
        List<KeptTable> kept = new ArrayList<>();
        if (stagingSplit != null) {
            return new PartialCommit(kept, stagingSplit);
        }
        try {
            // completed units that were still waiting for a load (the failed unit's rows are held, not ready)
            stageReady();
        } catch (RuntimeException e) {
            return new PartialCommit(kept, e.getMessage());
        }
        Map<StagedWrites, List<TableTarget>> appended = new LinkedHashMap<>();
        byDatabase.values().forEach(writes -> appended.put(writes, targets.entrySet().stream()
                .filter(t -> t.getValue() == writes && t.getKey().mode().keepsCompletedUnits()
                        && (t.getKey().stagedRows() > 0 || landsWithParent(t.getKey())))
                .map(Map.Entry::getKey).toList()));
        try {
            // all of them or none, as a whole commit
            commitEach(byDatabase.values(), writes -> appended.get(writes)::contains);
        } catch (RuntimeException e) {
            return new PartialCommit(kept, e.getMessage());
        }
        for (Map.Entry<JdbcDatabase, StagedWrites> db : byDatabase.entrySet()) {
            for (TableTarget t : appended.get(db.getValue())) {
                if (t.stagedRows() == 0) {
                    continue; // a child table that only lost the children of merged keys
                }
                String name = t.namespace().equals(db.getKey().defaultNamespace()) ? t.table()
                        : t.namespace() + "." + t.table();
                kept.add(new KeptTable(name, t.stagedRows(), t.mode()));
            }
        }
        return new PartialCommit(kept, null);
    }

    /**
     * A child table without rows of its own whose parent lands: under a merge it still loses the children of the keys
     * the parent loaded.
     */
    private static boolean landsWithParent(TableTarget t) {
        return t.childOf() != null && t.childOf().stagedRows() > 0;
    }

    /** Whether a target with {@code mode} was asked for (and so would change when the batch commits). */
    public synchronized boolean writes(WriteMode mode) {
        return targets.keySet().stream().anyMatch(t -> t.mode() == mode);
    }

    /**
     * The write modes of the targets that a partial commit ({@link #commitCompletedAppends()}) leaves unchanged, in
     * {@link WriteMode} order: those that do not {@linkplain WriteMode#keepsCompletedUnits() keep completed units}.
     */
    public synchronized java.util.SortedSet<WriteMode> modesRolledBackWhole() {
        java.util.SortedSet<WriteMode> out = new java.util.TreeSet<>();
        targets.keySet().stream().map(TableTarget::mode).filter(m -> !m.keepsCompletedUnits()).forEach(out::add);
        return out;
    }

    /**
     * Without a commit: drops all staging data, targets untouched. Always gives the connections back. Closing a unit
     * batch drops the rows it holds.
     */
    @Override
    public synchronized void close() {
        if (parent != null) {
            views.clear();
            return;
        }
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
