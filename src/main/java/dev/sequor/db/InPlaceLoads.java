package dev.sequor.db;

import dev.sequor.error.SequorException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The targets of one {@link StagedWrites} whose rows do not wait in staging for the commit, where the op and the
 * database allow it ({@link TableWriteBatch#loadStraightIntoTables}; for ops with for_each units, the batches only,
 * {@link TableWriteBatch#buildTablesInBatches}). Two ways, one per database kind:
 * <ul>
 *   <li>In the op's transaction ({@link Dialect#loadsInOpTransaction}, PostgreSQL): rows load straight into a table,
 *       inside a transaction of the op's connection that stays open until the commit ends it with the other targets'
 *       moves, instead of into staging and from there with one {@code INSERT ... SELECT} at the commit (on 1M records
 *       that insert took a third of the op: docs/decisions.md, "Pages go straight into the table on PostgreSQL"). An
 *       {@code append} with inferred columns into a table that exists and that a bulk load fills as an INSERT would
 *       ({@link Dialect#bulkLoadsAsInserts}: no rules, no statement-level INSERT triggers, not a view) loads into the
 *       table itself, the columns and wider types the records bring altered in before each load; a {@code create}
 *       with declared columns loads into a new table built under a staging name in the target's namespace, which the
 *       commit swaps in (drop the old table, rename the built one), as the transform op builds its tables. A
 *       rollback leaves nothing. Left to staging: inferred {@code create} (a column widened to text after rows went
 *       in would show those rows as the database prints them, not as they came), {@code replace} (it would hold the
 *       table's exclusive lock for the whole op) and {@code merge}.</li>
 *   <li>In batches ({@link Dialect#buildsTablesInBatches}, DuckDB), every write mode, declared or inferred, child
 *       tables too (a merging parent's family keeps its load numbers for the commit, {@link #keepsLoadNumbers}): the
 *       rows still go through staging, and each batch of {@link #BATCH_ROWS} moves from there into a table built under
 *       a staging name, in a transaction of its own ({@link #readyBuiltTable}); under a merge each batch's rows take
 *       the place of the built rows of their keys, so the built table holds the last row of each key. The commit swaps
 *       the built table in (create, or a target that is missing) or moves its rows into the kept target as the write
 *       mode says; an op that fails drops it ({@link #dropBuiltTables}). An inferred column that a later batch widens
 *       is altered in the built table, which converts the rows moved before, as a kept table's rows are converted when
 *       a column widens (docs/decisions.md, "DuckDB builds a table batch by batch"). An op whose rows never fill a
 *       batch commits from staging as before. In an op with for_each units, the batches hold completed units' rows
 *       only; a value a declared column refuses at a batch's move fails the unit being completed, and the op then keeps
 *       nothing ({@link StagedWrites#lastLoadLoss}).</li>
 * </ul>
 * Other sessions see none of it until the commit. Left to staging in the op's transaction: child tables, and parents
 * whose {@code _row} numbers the commit may move. Decided per target at its first load, for good: a target's rows are
 * never split between staging and a table, beyond the batches.
 */
final class InPlaceLoads {

    /**
     * Where a target's rows go: its own table, or one built for it; the types altered in so far (an append in the op's
     * transaction) or the built table's columns (batches, inferred).
     */
    private static final class Place {
        final String table;
        final boolean built;
        /** Built batch by batch, each batch committed: the op's failure must drop the table. */
        final boolean inBatches;
        final Map<String, String> applied = new LinkedHashMap<>();
        /** The built table was made (at the first load). */
        boolean made;
        /** Rows staged since the last batch moved into the built table. */
        long staged;

        Place(String table, boolean built, boolean inBatches) {
            this.table = table;
            this.built = built;
            this.inBatches = inBatches;
        }
    }

    /**
     * The rows of a batch built {@link #inBatches}: two of DuckDB's row groups (122,880 rows each), exactly, a page
     * that would overflow a batch starting the next with its other rows. Each move is a commit of its own; a batch of
     * whole row groups is written straight to the database file at the commit (DuckDB's optimistic writes), where a
     * smaller one goes to the WAL and again to the file at the next checkpoint. Batches a page's few rows over that
     * size (a small row group each) made the checkpoint at the database's close write a third of a 1M-row table
     * again, its memory growing with the table (docs/decisions.md, "Batches of exactly two row groups").
     * On 1M rows of 12 fields (a JDBC probe, docs/decisions.md "DuckDB builds a table batch by batch"): 50,000 rows a
     * batch 6.5-6.9 s and 355-360 MB, 122,880 5.1-5.9 s and 298-300 MB, 245,760 4.3-5.3 s and 318-326 MB, against
     * 4.4 s and 487 MB staging them all; staging then holds about 45 MB of text at most.
     */
    static final int BATCH_ROWS = 245_760;

    private final Dialect dialect;
    private final boolean allowed;
    private final Map<TableTarget, Place> places = new HashMap<>();
    private final Set<TableTarget> staged = new HashSet<>();

    /**
     * @param allowed             rows may go straight into tables ({@link TableWriteBatch#loadStraightIntoTables})
     * @param buildsInBatchesOnly only where they move in batches ({@link TableWriteBatch#buildTablesInBatches})
     */
    InPlaceLoads(Dialect dialect, boolean allowed, boolean buildsInBatchesOnly) {
        this.dialect = dialect;
        this.allowed = allowed && (dialect.loadsInOpTransaction() || dialect.buildsTablesInBatches())
                || buildsInBatchesOnly && dialect.buildsTablesInBatches();
    }

    /**
     * Whether {@code t}'s rows go straight into a table: decided the first time it is asked, at its first load, on the
     * op's session {@code s}.
     */
    boolean takes(SqlSession s, TableTarget t) {
        if (places.containsKey(t)) {
            return true;
        }
        if (staged.contains(t)) {
            return false;
        }
        Place place = decide(s, t);
        if (place == null) {
            staged.add(t);
            return false;
        }
        places.put(t, place);
        return true;
    }

    private Place decide(SqlSession s, TableTarget t) {
        if (!allowed) {
            return null;
        }
        if (!dialect.loadsInOpTransaction()) { // built in batches: every mode, declared or inferred
            return new Place(JdbcDatabase.stagingName(t.table(), dialect), true, true);
        }
        if (t.childOf() != null || t.appendRowNumberBase() >= 0 || t.numbersRows()) {
            return null;
        }
        if (t.schema() != null && t.mode() == WriteMode.APPEND && t.schema().keepsTable()
                && bulkLoadsAsInserts(s, t)) {
            return new Place(t.table(), false, false);
        }
        if (t.schema() == null && t.mode() == WriteMode.CREATE) {
            return new Place(JdbcDatabase.stagingName(t.table(), dialect), true, false);
        }
        return null;
    }

    /**
     * Whether {@code t} is a merging parent of child tables or one of their children, whose built table keeps its
     * rows' load numbers ({@link TableMove#ROW_COLUMN}; a child row has its parent row's): of the rows loaded with
     * one key only the last lands, and only its children with it, which the commit tells apart by them once every
     * batch has moved ({@link ChildTableWrites#deleteChildrenOfOtherRows}). The other families need nothing of the
     * sort: a child row carries its parent's key or {@code _row} already, and the commit never moves the {@code _row}
     * numbers of a database that builds in batches (one writing process per DuckDB file, docs/decisions.md
     * "Child tables").
     */
    static boolean keepsLoadNumbers(TableTarget t) {
        return t.mergingFamilyHead() != null;
    }

    private boolean bulkLoadsAsInserts(SqlSession s, TableTarget t) {
        try {
            return s.call(c -> dialect.bulkLoadsAsInserts(c, t.namespace(), t.table()));
        } catch (SequorException e) {
            throw e.at(t.pos());
        }
    }

    /** Whether {@code t}, which {@link #takes} its rows, has them staged and moved into its built table in batches. */
    boolean inBatches(TableTarget t) {
        return places.get(t).inBatches;
    }

    /**
     * Counts {@code rows} just staged for {@code t}, built {@link #inBatches}; whether staging now holds a batch to move
     * ({@link #BATCH_ROWS}). The commit moves what is left ({@link #builtName}).
     */
    boolean batchStaged(TableTarget t, int rows) {
        Place place = places.get(t);
        place.staged += rows;
        if (place.staged < BATCH_ROWS) {
            return false;
        }
        place.staged = 0;
        return true;
    }

    /** How many more rows {@code t}'s staging takes before it holds a batch, built {@link #inBatches}. */
    int roomInBatch(TableTarget t) {
        return (int) (BATCH_ROWS - places.get(t).staged);
    }

    /** The qualified name of {@code t}'s built table. */
    String builtName(TableTarget t) {
        return dialect.qualified(t.namespace(), places.get(t).table);
    }

    /**
     * The statements that ready the built table of a target built {@link #inBatches} for the batch staged now: at the
     * first batch, its creation with the declared columns, or an inferred target's columns at the types its records
     * need so far; after that, for an inferred target, the columns its records brought since and the wider types they
     * need ({@link InferredSchema#catchUpStatements}). Without a key: a merge's built table has one row per key
     * anyway, and DuckDB cannot widen a key column.
     */
    List<String> readyBuiltTable(TableTarget t) {
        Place place = places.get(t);
        String table = builtName(t);
        if (place.made) {
            return t.schema() == null ? List.of() : t.schema().catchUpStatements(dialect, table, place.applied);
        }
        place.made = true;
        if (t.schema() != null) {
            place.applied.putAll(t.schema().columnTypes(dialect)); // one look: the loader thread races the parser
        }
        List<ColumnDef> columns = new ArrayList<>(builtColumns(t));
        if (keepsLoadNumbers(t)) {
            columns.add(StagedWrites.ROW_NUMBER);
        }
        return TableMove.declared(dialect, columns).apply(table, List.of());
    }

    /** The type the built table of {@code t} (inferred, built {@link #inBatches}) has for {@code column} now. */
    ColumnType builtType(TableTarget t, String column) {
        return ColumnType.parse(places.get(t).applied.get(column));
    }

    /** The columns of {@code t}'s built table ({@link #builtInBatches}), in its order. */
    List<ColumnDef> builtColumns(TableTarget t) {
        if (t.schema() == null) {
            return t.columns();
        }
        return places.get(t).applied.entrySet().stream()
                .map(e -> new ColumnDef(e.getKey(), ColumnType.parse(e.getValue()))).toList();
    }

    /**
     * Whether {@code t}'s rows go into a table built batch by batch ({@link #inBatches}), though none may have moved
     * yet.
     */
    boolean placedInBatches(TableTarget t) {
        Place place = places.get(t);
        return place != null && place.inBatches;
    }

    /** Whether {@code t}'s rows went into a table built batch by batch, which the commit moves or swaps in. */
    boolean builtInBatches(TableTarget t) {
        Place place = places.get(t);
        return place != null && place.inBatches && place.made;
    }

    /**
     * Drops the tables built {@link #inBatches} for targets not committed (the op failed): their batches were
     * committed as they came. A table that cannot be dropped now is dropped by a later run ({@link StagingLeftovers}).
     */
    void dropBuiltTables(SqlSession s) {
        for (Map.Entry<TableTarget, Place> e : places.entrySet()) {
            Place place = e.getValue();
            if (place.inBatches && place.made) {
                s.execute("DROP TABLE IF EXISTS " + dialect.qualified(e.getKey().namespace(), place.table));
            }
        }
        places.clear();
    }

    /**
     * Loads {@code rows} of a target that {@link #takes} them into its table on {@code s}, opening the transaction at
     * the first load: the built table is made then; an append's new and wider columns are altered in first.
     */
    void load(SqlSession s, TableTarget t, List<String[]> rows) {
        Place place = places.get(t);
        String table = dialect.qualified(t.namespace(), place.table);
        List<String> names;
        List<String[]> laid;
        try {
            s.openTransaction();
            if (place.built) {
                if (!place.made) {
                    TableMove.declared(dialect, t.columns()).apply(table, List.of()).forEach(s::execute);
                    place.made = true;
                }
                names = t.columns().stream().map(ColumnDef::name).toList();
                laid = rows;
            } else {
                names = t.schema().names();
                for (String sql : t.schema().evolveStatements(dialect, table, place.applied)) {
                    s.execute(sql);
                }
                t.schema().refuseNulInJson(dialect); // as the commit would: the same words as a staged write's
                laid = InferredStaging.inLayout(t, names, rows);
            }
            s.call(c -> {
                dialect.bulkLoader().load(c, t.namespace(), place.table, names, laid);
                return null;
            });
        } catch (SequorException e) {
            throw e.at(t.pos());
        }
    }

    /**
     * The statements that finish {@code t} inside the commit's transaction when its rows went straight in (none for
     * an append; the swap for a built table), or null when the staged path finishes it.
     */
    List<String> finishing(TableTarget t) {
        Place place = places.get(t);
        if (place == null || place.built && !place.made) {
            return null; // staged, or nothing came to build a table with: the staged path's create makes it
        }
        if (!place.built) {
            return List.of();
        }
        return dialect.renameOver(t.namespace(), place.table, t.table());
    }

    /** The target was committed or discarded. */
    void forget(TableTarget t) {
        places.remove(t);
        staged.remove(t);
    }
}
