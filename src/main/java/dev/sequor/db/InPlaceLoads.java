package dev.sequor.db;

import dev.sequor.error.SequorException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The targets of one {@link StagedWrites} whose rows load straight into a table, inside a transaction of the op's
 * connection that stays open until the commit ends it with the other targets' moves, instead of into staging and from
 * there with one {@code INSERT ... SELECT} at the commit (on 1M records that insert took a third of the op:
 * docs/decisions.md, "Pages go straight into the table on PostgreSQL"). Two kinds of target qualify, where the op
 * and the database allow it ({@link TableWriteBatch#loadStraightIntoTables}, {@link Dialect#loadsInOpTransaction}):
 * <ul>
 *   <li>{@code append} with inferred columns into a table that exists and that a bulk load fills as an INSERT
 *       would ({@link Dialect#bulkLoadsAsInserts}: on PostgreSQL, no rules, no statement-level INSERT triggers, not
 *       a view): its rows go into the table itself, and the columns and wider types the records bring are altered
 *       in before each load;</li>
 *   <li>{@code create} with declared columns: its rows go into a new table built under a staging name in the
 *       target's namespace, which the commit swaps in (drop the old table, rename the built one), as the transform
 *       op builds its tables. Where the database builds tables in batches instead ({@link
 *       Dialect#buildsTablesInBatches}, DuckDB), the rows still go through staging, and each batch moves from there
 *       into the built table in a transaction of its own ({@link #builtTable}); an op that fails drops the built
 *       table ({@link #dropBuiltTables}).</li>
 * </ul>
 * Other sessions see none of it until the commit, and a rollback (or, for batches, the drop) leaves nothing. Left
 * to staging: child tables and {@code _row} numbering that the commit may move, inferred {@code create} (its types are decided at the commit; a
 * column widened to text after rows went in would show those rows as the database prints them, not as they came),
 * {@code replace} (it would hold the table's exclusive lock for the whole op) and {@code merge}.
 * Decided per target at its first load, for good: a target's rows are never split between staging and a table.
 */
final class InPlaceLoads {

    /** Where a target's rows go: its own table, or one built for it; for an append, the types altered in so far. */
    private static final class Place {
        final String table;
        final boolean built;
        /** Built batch by batch, each batch committed: the op's failure must drop the table. */
        final boolean inBatches;
        final Map<String, String> applied = new HashMap<>();
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
     * The rows of a batch built {@link #inBatches}. Each move is a commit of its own, which DuckDB writes to its WAL
     * and again at the next checkpoint: batches of 5,000 (one per load) took W4's 1M-record op to 9.5 s, 50,000 to
     * about 6 s against 4.9 s staging it all; staging then holds about 9 MB of text at most (docs/decisions.md,
     * "DuckDB builds a created table batch by batch").
     */
    static final int BATCH_ROWS = 50_000;

    private final Dialect dialect;
    private final boolean allowed;
    private final Map<TableTarget, Place> places = new HashMap<>();
    private final Set<TableTarget> staged = new HashSet<>();

    InPlaceLoads(Dialect dialect, boolean allowed) {
        this.dialect = dialect;
        this.allowed = allowed && (dialect.loadsInOpTransaction() || dialect.buildsTablesInBatches());
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
        if (!allowed || t.childOf() != null || t.numbersRows() || t.appendRowNumberBase() >= 0) {
            return null;
        }
        boolean inTransaction = dialect.loadsInOpTransaction();
        if (inTransaction && t.schema() != null && t.mode() == WriteMode.APPEND && t.schema().keepsTable()
                && bulkLoadsAsInserts(s, t)) {
            return new Place(t.table(), false, false);
        }
        if (t.schema() == null && t.mode() == WriteMode.CREATE) {
            return new Place(JdbcDatabase.stagingName(t.table(), dialect), true, !inTransaction);
        }
        return null;
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

    /** The qualified name of {@code t}'s built table. */
    String builtName(TableTarget t) {
        return dialect.qualified(t.namespace(), places.get(t).table);
    }

    /**
     * The built table (qualified) of a target built {@link #inBatches}, for the batch staged now to move into: made at
     * the first batch, in a transaction of its own like each batch's move.
     */
    String builtTable(SqlSession s, TableTarget t) {
        Place place = places.get(t);
        String table = builtName(t);
        if (!place.made) {
            try {
                TableMove.declared(dialect, t.columns()).apply(table, List.of()).forEach(s::execute);
            } catch (SequorException e) {
                throw e.at(t.pos());
            }
            place.made = true;
        }
        return table;
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
