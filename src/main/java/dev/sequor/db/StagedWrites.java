package dev.sequor.db;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The part of a {@link TableWriteBatch} that concerns one database: one connection for the whole op, the staging
 * table of each target (a temporary table of that connection), and the statements that move staging into targets
 * on commit.
 */
final class StagedWrites {

    private final JdbcDatabase db;
    private final Dialect dialect;
    private final Map<List<String>, TableTarget> targets = new LinkedHashMap<>();
    private final InferredStaging inferred;
    /** The parents whose existing child tables were looked up ({@link #existingChildren}). */
    private final java.util.Set<TableTarget> childrenLookedUp = new java.util.HashSet<>();
    /** Pages' rows loaded while the op goes on ({@link #loadInBackground}); every other use of the session waits. */
    private final BackgroundLoad background = new BackgroundLoad();
    private SqlSession session;
    /** Pages load into typed staging on the loader thread too ({@link TableWriteBatch#loadTypedPagesInBackground}). */
    private final boolean typedPagesInBackground;
    /** The targets whose rows go straight into a table ({@link TableWriteBatch#loadStraightIntoTables}). */
    private final InPlaceLoads inPlace;
    /**
     * Rows each target loaded so far (into staging or its table), in load order, and of those the rows that left
     * staging for a table built in batches: a refused value's row number counts on from them ({@link Misfit}).
     */
    private final Map<TableTarget, Long> loadedRows = new HashMap<>();
    private final Map<TableTarget, Long> movedRows = new HashMap<>();
    /** See {@link #lastLoadLoss()}. */
    private boolean lastLoadPartial;
    /** The target whose batch move refused a value during the last {@link #loadTogether}, if any. */
    private TableTarget lastLoadRefusedBatch;
    /** The targets a prepared commit moved in its open transaction ({@link #prepare}); null when none is prepared. */
    private List<TableTarget> prepared;

    StagedWrites(JdbcDatabase db, boolean typedPagesInBackground, boolean loadsInPlace, boolean buildsInBatchesOnly) {
        this.db = db;
        this.typedPagesInBackground = typedPagesInBackground;
        this.dialect = db.dialect();
        this.inPlace = new InPlaceLoads(dialect, loadsInPlace, buildsInBatchesOnly);
        this.inferred = new InferredStaging(dialect);
    }

    Dialect dialect() {
        return dialect;
    }

    /** Whether a load here can fail only because of the database, never because of a value (all-text staging). */
    boolean stagesAsText() {
        return dialect.stagesAsText();
    }

    /** Whether declared targets number their staged rows too ({@link Dialect#numbersStagedRows}). */
    boolean numbersStagedRows() {
        return dialect.numbersStagedRows();
    }

    /** The op's connection, once no load is under way on the loader thread (unless this is that thread). */
    private SqlSession session() {
        if (!background.onLoaderThread()) {
            background.await();
        }
        if (session == null) {
            SqlSession opened = db.openSession();
            try {
                dialect.landingSessionSetup().forEach(opened::execute);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            session = opened;
        }
        return session;
    }

    TableTarget target(String namespace, String table, List<ColumnDef> columns, WriteSpec spec, boolean createMissing,
                       SourcePos pos) {
        try {
            return findOrCreate(namespace, table, columns, spec, createMissing, pos);
        } catch (SequorException e) {
            throw e.at(pos);
        }
    }

    private TableTarget findOrCreate(String namespace, String table, List<ColumnDef> columns, WriteSpec spec,
                                     boolean createMissing, SourcePos pos) {
        // by the name the database takes: PostgreSQL's catalog lists a child table named past 63 bytes cut, DuckDB's
        // names ignore case
        List<String> key = List.of(namespace, dialect.tableKey(table));
        TableTarget existing = targets.get(key);
        if (existing != null) {
            if (!sameName(existing.table(), table)) {
                throw SequorException.failed(pos, "Tables '" + existing.table() + "' and '" + table + "' are one table"
                        + " on " + dialect.displayName() + ", which stores both names as '" + dialect.stored(table)
                        + "'; shorten one of them (a table name, or for child tables and flattened columns the"
                        + " fields' names: a lower max_nesting, or rename the field before it lands)");
            }
            return existing;
        }
        if (columns == null) {
            return inferredTarget(key, namespace, table, spec, createMissing, pos);
        }
        if (columns.isEmpty()) {
            throw SequorException.invalid(pos, "Table '" + table + "' has no columns; declare at least one column");
        }
        List<String> names = columns.stream().map(ColumnDef::name).toList();
        Map<String, String> byKey = new HashMap<>();
        for (String name : names) {
            String unheld = dialect.unheldName(name);
            if (unheld != null) {
                throw SequorException.failed(pos, "Declared column '" + name + "' of table '" + table + "' cannot be"
                        + " a column name on " + dialect.displayName() + ": " + unheld + "; rename it");
            }
            String other = byKey.putIfAbsent(dialect.columnKey(name), name);
            if (other != null) {
                throw ColumnNameClash.ofDeclared(dialect, pos, table, other, name);
            }
        }
        for (String keyColumn : spec.primaryKey()) {
            if (!names.contains(keyColumn)) {
                throw SequorException.invalid(pos, "primary_key column '" + keyColumn + "' of table '" + table
                        + "' is not a declared column; declared: " + String.join(", ", names));
            }
        }
        boolean numbered = spec.mode() == WriteMode.MERGE || dialect.numbersStagedRows();
        if (numbered && TableMove.reservedColumn(names) != null) {
            throw SequorException.invalid(pos, "Column '" + TableMove.reservedColumn(names) + "' of table '" + table
                    + "' has a name that " + (spec.mode() == WriteMode.MERGE ? "write_mode merge"
                    : "Sequor's staging on " + dialect.displayName()) + " uses for itself; rename it");
        }
        WriteMode mode = spec.mode();
        SqlSession s = session();
        if (mode == WriteMode.APPEND && !createMissing && !s.tableExists(namespace, table)) {
            throw SequorException.failed(pos, "Table " + dialect.qualified(namespace, table)
                    + " does not exist for write_mode append");
        }
        if (dialect.stagesAsText()) {
            // Staging is all text here, so check now that the declared types exist rather than at commit.
            s.execute("SELECT " + columns.stream().map(c -> "CAST(NULL AS " + dialect.typeSql(c.type()) + ")")
                    .collect(Collectors.joining(", ")));
        }
        dropStagingLeftovers(s, namespace);
        String staging = JdbcDatabase.stagingName(table, dialect);
        TableTarget target = new TableTarget(this, namespace, table, staging, List.copyOf(columns), null, spec,
                createMissing, pos);
        createStaging(s, target);
        targets.put(key, target);
        return target;
    }

    /**
     * The staging table of a target with declared columns. Temporary: only this session sees it, and it vanishes with
     * the connection, so a crash or a dropped connection cannot leave it behind (docs/decisions.md, "Staging in
     * temporary tables").
     */
    private void createStaging(SqlSession s, TableTarget t) {
        s.execute("CREATE TEMPORARY TABLE " + dialect.quote(t.stagingTable()) + " ("
                + stagingColumns(t.columns(), t).stream()
                        .map(c -> dialect.quote(c.name()) + " " + dialect.stagingType(c))
                        .collect(Collectors.joining(", ")) + ")");
    }

    /**
     * Drops older versions' leftover staging tables ({@link StagingLeftovers}), unless rows already went straight into
     * a table: a drop that fails (a leftover of another role) is passed over, and inside that open transaction it
     * would fail everything after it. A later run drops them.
     */
    private void dropStagingLeftovers(SqlSession s, String namespace) {
        if (!s.transactionOpen()) {
            db.dropStagingLeftovers(s, namespace);
        }
    }

    /**
     * A target whose columns are inferred from its records. Its staging table is made at the first load, all text,
     * and gains a column whenever the records bring a new field ({@link InferredStaging#stageColumns}); the types are
     * decided at commit. A table that exists and is kept (every mode but create) lends the inference its columns.
     */
    private TableTarget inferredTarget(List<String> key, String namespace, String table, WriteSpec spec,
                                       boolean createMissing, SourcePos pos) {
        if (!dialect.infersColumns()) {
            throw SequorException.failed(pos, "Table '" + table + "' declares no columns, and columns inferred from"
                    + " the records are not supported on " + dialect.displayName() + " yet; declare its columns");
        }
        SqlSession s = session();
        boolean exists = s.tableExists(namespace, table);
        if (spec.mode() == WriteMode.APPEND && !createMissing && !exists) {
            throw SequorException.failed(pos, "Table " + dialect.qualified(namespace, table)
                    + " does not exist for write_mode append");
        }
        Map<String, String> existing = exists && spec.mode() != WriteMode.CREATE
                ? InferredStaging.existingColumns(s, dialect, namespace, table, pos) : Map.of();
        dropStagingLeftovers(s, namespace);
        TableTarget target = new TableTarget(this, namespace, table, JdbcDatabase.stagingName(table, dialect), null,
                new InferredSchema(table, spec.evolution(), existing, dialect, pos), spec, createMissing,
                pos);
        targets.put(key, target);
        return target;
    }

    /**
     * Whether two names of one {@link Dialect#tableKey} name one table, as the flow meant it: unless both are cut to
     * it, one of them is the name itself (a child table found in the catalog cut, {@link
     * ChildTableWrites#existingChildTables}, and the records' whole name; or two spellings DuckDB takes for one).
     */
    private boolean sameName(String a, String b) {
        return a.equals(b) || a.equals(dialect.stored(a)) || b.equals(dialect.stored(b));
    }

    /**
     * The target of a child table of {@code parent} ({@code child_tables}), in its namespace, with inferred columns: it
     * lands as the parent does, except under a parent's merge, where it appends after the children of the loaded
     * parent keys are deleted ({@link ChildTableWrites}). A missing child table is created in every mode.
     */
    TableTarget child(TableTarget parent, String table) {
        TableTarget existing = targets.get(List.of(parent.namespace(), table));
        if (existing != null) {
            return existing;
        }
        WriteMode mode = parent.mode() == WriteMode.MERGE ? WriteMode.APPEND : parent.mode();
        WriteSpec spec = WriteSpec.of(mode).withEvolution(parent.spec().evolution());
        TableTarget child = target(parent.namespace(), table, null, spec, mode == WriteMode.APPEND, parent.pos());
        child.childOf(parent);
        return child;
    }

    /**
     * Asks, once per parent, for the targets of the child tables of {@code parent} that exist in the database
     * ({@link ChildTableWrites#existingChildTables}), so that they land with the parent even when no record of this
     * op has their field; returns the targets asked for now.
     */
    List<TableTarget> existingChildren(TableTarget parent) {
        if (!childrenLookedUp.add(parent)) {
            return List.of();
        }
        try {
            return ChildTableWrites.existingChildTables(session(), dialect, parent).stream()
                    .map(table -> child(parent, table)).toList();
        } catch (SequorException e) {
            throw e.at(parent.pos());
        }
    }

    /** {@link ChildTableWrites#largestRowNumber} for {@code t}, on this op's connection. */
    long largestRowNumber(TableTarget t) {
        try {
            return ChildTableWrites.largestRowNumber(session(), dialect, t);
        } catch (SequorException e) {
            throw e.at(t.pos());
        }
    }

    /** A target's staging columns: its columns, and its rows' load number when it numbers them. */
    static List<ColumnDef> stagingColumns(List<ColumnDef> columns, TableTarget t) {
        if (!t.numbersRows()) {
            return columns;
        }
        List<ColumnDef> out = new ArrayList<>(columns);
        out.add(ROW_NUMBER);
        return out;
    }

    static final ColumnDef ROW_NUMBER = new ColumnDef(TableMove.ROW_COLUMN, ColumnType.parse("bigint"));

    /** A temporary copy of a staging table with its rows numbered, searched for a refused value (PostgreSQL). */
    static final String NUMBERED_COPY = "_sequor_numbered";

    /** Appends rows (already rendered as text) to a target's staging table. */
    void load(TableTarget target, List<String[]> rows) {
        target.numberForLoad(rows);
        loadNumbered(target, rows);
    }

    /**
     * A page's rows for typed staging, added outside units: loaded on the loader thread when the op only reads (a value
     * the staging refuses then fails the op one request later, {@link TableWriteBatch#loadTypedPagesInBackground}),
     * else now.
     */
    void loadPage(TableTarget target, List<String[]> rows) {
        if (typedPagesInBackground) {
            loadInBackground(target, rows);
        } else {
            load(target, rows);
        }
    }

    /**
     * {@link #load}, on the loader thread, while the caller goes on: for rows whose load cannot fail because of a value
     * (all-text staging), and for the pages of an op that only reads ({@link #loadPage}). The rows are numbered now, on
     * the caller's thread, in the order they were taken.
     */
    void loadInBackground(TableTarget target, List<String[]> rows) {
        target.numberForLoad(rows);
        background.start(() -> loadNumbered(target, rows));
    }

    private void loadNumbered(TableTarget target, List<String[]> rows) {
        List<String> names;
        if (target.schema() != null && (rows.isEmpty() || target.schema().isEmpty())) {
            return; // records without fields bring nothing to a table whose columns are their fields
        }
        SqlSession s = session();
        long before = loadedRows.getOrDefault(target, 0L);
        boolean inBatches = inPlace.takes(s, target) && inPlace.inBatches(target);
        int room = inBatches ? inPlace.roomInBatch(target) : Integer.MAX_VALUE;
        if (rows.size() > room) {
            // a batch of exactly BATCH_ROWS rows makes whole row groups of the built table, which DuckDB's checkpoint
            // keeps as written: the rows of a page that would overflow it start the next batch
            loadNumbered(target, rows.subList(0, room));
            loadNumbered(target, rows.subList(room, rows.size()));
            return;
        }
        if (inPlace.takes(s, target) && !inBatches) {
            try {
                inPlace.load(s, target, rows);
            } catch (SequorException e) {
                throw misfitOf(e, target, before, target.schema() == null ? declaredNames(target) : null, rows);
            }
            loadedRows.put(target, before + rows.size());
            return;
        }
        if (target.schema() != null) {
            try {
                names = List.copyOf(inferred.stageColumns(s, target));
            } catch (SequorException e) {
                throw e.at(target.pos());
            }
            rows = InferredStaging.inLayout(target, names, rows);
        } else {
            names = declaredStagingNames(target);
        }
        List<String[]> loaded = rows;
        try {
            s.call(c -> {
                dialect.bulkLoader().load(c, dialect.stagingNamespace(), target.stagingTable(), names, loaded);
                return null;
            });
        } catch (SequorException e) {
            throw misfitOf(e, target, before, names, loaded);
        }
        loadedRows.put(target, before + loaded.size());
        if (inBatches && inPlace.batchStaged(target, loaded.size())) {
            try {
                moveBatchIntoBuiltTable(s, target, names);
            } catch (SequorException e) {
                SequorException named = misfitInStaging(s, target, e);
                if (named != null) {
                    lastLoadRefusedBatch = target;
                }
                throw named != null ? named : e.at(target.pos());
            }
            movedRows.put(target, before + loaded.size());
        }
    }

    /**
     * {@code e}, a failed load of {@code rows} (values in the order of {@code names}, null when unknown) into {@code t}
     * after {@code before} others, naming the value it refused where the database says which; the value itself is
     * taken from the rows when the message leaves it out.
     */
    private SequorException misfitOf(SequorException e, TableTarget t, long before, List<String> names,
                                     List<String[]> rows) {
        SQLException sql = Misfit.sqlCause(e);
        Misfit m = sql == null ? null : dialect.misfitIn(sql);
        if (m == null) {
            return e.at(t.pos());
        }
        int column = names == null ? -1 : names.indexOf(m.column());
        if (m.value() == null && column >= 0 && m.row() >= 1 && m.row() <= rows.size()) {
            m = new Misfit(m.row(), m.column(), rows.get((int) m.row() - 1)[column]);
        }
        return m.sentence(t, before, e);
    }

    private static List<String> declaredNames(TableTarget t) {
        return t.columns().stream().map(ColumnDef::name).toList();
    }

    /** The columns of a declared target's staging table: its declared ones, and the load number when it has one. */
    private static List<String> declaredStagingNames(TableTarget t) {
        return stagingColumns(t.columns(), t).stream().map(ColumnDef::name).toList();
    }

    /**
     * {@code e}, a failed move of {@code t}'s staged rows into its table, naming the first staged value its column
     * refuses, found by a query over staging where the database has one ({@link Dialect#firstMisfitQuery}), by the
     * value the database's error names ({@link #stagedValueTheErrorNames}), or by trying ranges of numbered rows
     * ({@link MisfitBisection}); null when none can, or they find nothing or fail. The database's words that follow
     * are about the value named: the conversion is tried again on that value alone (the move may have failed on
     * another).
     */
    private SequorException misfitInStaging(SqlSession s, TableTarget t, SequorException e) {
        boolean inferredColumns = t.schema() != null;
        if (s.lost() || inferredColumns && !inferred.staged(t)) {
            return null;
        }
        List<ColumnDef> columns = inferredColumns ? t.schema().columns(dialect) : t.columns();
        String query = dialect.firstMisfitQuery(staging(t), columns);
        try {
            Function<ColumnDef, String> conversion = inferredColumns ? dialect::fromText : dialect::fromStaging;
            MisfitBisection tries = new MisfitBisection(s, dialect, staging(t), conversion, typedLike(s, t));
            Misfit m = null;
            if (query != null) {
                List<Row> found = s.query(query);
                if (!found.isEmpty()) {
                    Row r = found.get(0);
                    m = new Misfit(((Number) r.get(0)).longValue(), String.valueOf(r.get(1)),
                            r.get(2) == null ? null : String.valueOf(r.get(2)));
                }
            }
            if (m == null && t.numbersRows()) {
                m = stagedValueTheErrorNames(s, t, columns, e);
            }
            SequorException refusal = null;
            // the query tried every conversion a query can try; MySQL's tries those a SELECT refuses at all. A key
            // that exists twice or a NULL where none may go (SQLSTATE class 23) is no conversion to search for
            SQLException sql = Misfit.sqlCause(e);
            if (m == null && (query == null || !dialect.refusesInQueries())
                    && !(sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23"))) {
                MisfitBisection.Found found = t.numbersRows() ? tries.find(columns)
                        : foundInNumberedCopy(s, t, columns, conversion);
                if (found != null) {
                    m = found.misfit();
                    refusal = found.refusal();
                }
            } else if (m != null) {
                String column = m.column();
                refusal = tries.refusalOf(columns.stream().filter(c -> c.name().equals(column)).findFirst()
                        .orElseThrow(), m.row());
            }
            if (m != null) {
                return m.sentence(t, movedRows.getOrDefault(t, 0L), refusal != null ? refusal : e);
            }
        } catch (SequorException | ClassCastException | java.util.NoSuchElementException notFound) {
            // the database's own error says what it can
        }
        return null;
    }

    /**
     * The first value of {@code columns} that {@code t}'s move refused, searched by {@link MisfitBisection} in a copy
     * of its staging numbered in load order, where staging carries no load number but the database keeps its rows in
     * that order ({@link Dialect#loadOrderColumn}); null where it does not, or staging holds more rows than are
     * searched. The copy is dropped after.
     */
    private MisfitBisection.Found foundInNumberedCopy(SqlSession s, TableTarget t, List<ColumnDef> columns,
                                                      Function<ColumnDef, String> conversion) {
        String order = dialect.loadOrderColumn();
        if (order == null) {
            return null;
        }
        List<Row> staged = s.query("SELECT COUNT(*) FROM " + staging(t));
        if (((Number) staged.get(0).get(0)).longValue() > MisfitBisection.MOST_ROWS) {
            return null;
        }
        String copy = dialect.qualified(dialect.stagingNamespace(), NUMBERED_COPY);
        s.execute(dialect.dropStaging(copy));
        s.execute("CREATE TEMPORARY TABLE " + dialect.quote(NUMBERED_COPY) + " AS SELECT ROW_NUMBER() OVER (ORDER BY "
                + order + ") AS " + dialect.quote(TableMove.ROW_COLUMN) + ", * FROM " + staging(t));
        try {
            return new MisfitBisection(s, dialect, copy, conversion, typedLike(s, t)).find(columns);
        } finally {
            if (!s.lost()) {
                s.execute(dialect.dropStaging(copy));
            }
        }
    }

    /**
     * The table whose columns type the probes of {@link MisfitBisection} on MySQL: {@code t}'s own, which the move
     * lands in and which stays after it failed (its columns evolved already), unless create mode builds it anew.
     */
    private String typedLike(SqlSession s, TableTarget t) {
        return dialect.refusesInQueries() || t.mode() == WriteMode.CREATE || !s.tableExists(t.namespace(), t.table())
                ? null : dialect.qualified(t.namespace(), t.table());
    }

    /**
     * The first staged row of {@code t} holding the value that the database's error {@code e} names for one of its
     * {@code columns}, as it was staged (or, where it names the column alone, a value longer than the column takes);
     * null when the error names none or no row holds it. Where a query cannot try a conversion as strictly as the move
     * did (MySQL's CAST in a SELECT cuts {@code 2024-05-01T10:00:00xyz} short with a warning, where the INSERT refuses
     * it), the refusal itself says the value.
     */
    private Misfit stagedValueTheErrorNames(SqlSession s, TableTarget t, List<ColumnDef> columns,
                                            SequorException e) {
        SQLException sql = Misfit.sqlCause(e);
        Misfit said = sql == null ? null : dialect.misfitIn(sql);
        if (said == null || columns.stream().noneMatch(c -> c.name().equals(said.column()))) {
            return null;
        }
        String column = dialect.quote(said.column());
        String row = dialect.fromStaging(ROW_NUMBER);
        // no value said ("Data too long for column 'code'", a text key of at most 255 characters on MySQL): the first
        // staged value longer than the target's column takes
        String refused = said.value() != null ? column + " = " + dialect.stringLiteral(said.value())
                : "CHAR_LENGTH(" + column + ") > (SELECT character_maximum_length FROM information_schema.columns WHERE"
                + " table_schema = " + dialect.stringLiteral(dialect.stored(t.namespace())) + " AND table_name = "
                + dialect.stringLiteral(dialect.stored(t.table())) + " AND column_name = "
                + dialect.stringLiteral(dialect.stored(said.column())) + ")";
        List<Row> found = s.query("SELECT min(" + row + ") FROM " + staging(t) + " WHERE " + refused);
        if (found.isEmpty() || !(found.get(0).get(0) instanceof Number n)) {
            return null;
        }
        String value = said.value() != null ? said.value() : String.valueOf(s.query("SELECT " + column + " FROM "
                + staging(t) + " WHERE " + row + " = " + n.longValue()).get(0).get(0));
        return new Misfit(n.longValue(), said.column(), value);
    }

    /**
     * {@code e}, a failed commit of {@code chosen} whose statement does not say which table it was about, naming the
     * first value a declared column refuses in the first of their staging tables that has one; null when none does.
     */
    private SequorException firstMisfitInStaging(List<TableTarget> chosen, SequorException e) {
        for (TableTarget t : chosen) {
            SequorException named = misfitInStaging(session(), t, e);
            if (named != null) {
                return named;
            }
        }
        return null;
    }

    /**
     * Moves the batch just staged ({@code staged}: staging's columns) into the target's built table and makes staging
     * afresh, each in a transaction of its own, so the database frees the batch
     * ({@link Dialect#buildsTablesInBatches}); a value its column refuses fails the move, and so the op, with the same
     * error as the commit's insert would have.
     */
    private void moveBatchIntoBuiltTable(SqlSession s, TableTarget t, List<String> staged) {
        batchMove(t, staged).forEach(s::execute);
        s.execute(dialect.dropStaging(staging(t)));
        if (t.schema() == null) {
            createStaging(s, t);
        } else {
            inferred.restage(s, t);
        }
    }

    /**
     * The statements that move {@code t}'s staged rows ({@code staged}: staging's columns) into its built table, made
     * ready first ({@link InPlaceLoads#readyBuiltTable}): appended, or under a merge put in place of the built rows of
     * the same keys, so that the built table holds one row per key, the last loaded.
     */
    private List<String> batchMove(TableTarget t, List<String> staged) {
        List<String> out = new ArrayList<>(inPlace.readyBuiltTable(t));
        TableMove into;
        if (t.schema() == null) {
            into = move(t, inPlace.builtName(t));
        } else {
            inferredColumns(t); // its checks: the key is a field, no field has a merge's own name
            List<ColumnDef> columns = staged.stream().filter(n -> !n.equals(TableMove.ROW_COLUMN))
                    .map(n -> new ColumnDef(n, inPlace.builtType(t, n))).toList();
            into = new TableMove(dialect, inPlace.builtName(t), staging(t),
                    columns.stream().map(ColumnDef::name).toList(), columns.stream().map(dialect::fromText).toList(),
                    dialect.fromStaging(ROW_NUMBER), TableMove.declared(dialect, columns));
        }
        if (InPlaceLoads.keepsLoadNumbers(t)) {
            into.keepingRowOrder();
        }
        // a merge deletes the built rows of the batch's keys and inserts the batch's last row of each: DuckDB's MERGE
        // would build its hash table over the whole built table, with every column, at each batch
        out.addAll(t.mode() == WriteMode.MERGE ? into.move(WriteSpec.merge(t.spec().primaryKey(),
                MergeStrategy.DELETE_INSERT), true) : List.of(into.insertAll()));
        return out;
    }

    /**
     * Moves the rows staged since the last batch of each target built {@link InPlaceLoads#builtInBatches} into its
     * built table, each in a transaction of its own before the commit's, which then only swaps or moves whole tables.
     * Inside the commit's transaction, DuckDB would check a merge's new PRIMARY KEY against the built rows that the
     * last batch's DELETE had just removed, and fail on a key that came again.
     */
    private void moveLastBatches(List<TableTarget> chosen) {
        SqlSession s = session();
        // a merging parent of child tables and its children are built alike, or staged alike (families)
        List<TableTarget> families = familiesInBatches(chosen);
        for (TableTarget t : chosen) {
            if (inPlace.builtInBatches(t) || inPlace.placedInBatches(t) && families.contains(t.mergingFamilyHead())) {
                List<String> staged = t.schema() == null ? declaredStagingNames(t) : inferred.layout(t);
                try {
                    s.inTransaction(c -> {
                        for (String sql : batchMove(t, staged)) {
                            SqlSession.executeOn(c, sql);
                        }
                        return null;
                    });
                } catch (SequorException e) {
                    SequorException named = misfitInStaging(s, t, e);
                    throw named != null ? named : e.at(t.pos());
                }
            }
        }
        for (TableTarget parent : families) {
            settleFamily(s, parent);
        }
    }

    /**
     * The merging parents of child tables among {@code chosen} whose family has a table built batch by batch: all of
     * the family's rows then go through built tables ({@link InPlaceLoads#keepsLoadNumbers}); otherwise all of them
     * stay staged, the children's commit reading the parent's staging.
     */
    private List<TableTarget> familiesInBatches(List<TableTarget> chosen) {
        return chosen.stream().filter(p -> p.mergingFamilyHead() == p && inPlace.placedInBatches(p))
                .filter(p -> chosen.stream().anyMatch(t -> t.mergingFamilyHead() == p && inPlace.builtInBatches(t)))
                .toList();
    }

    /**
     * Once every batch of {@code parent}'s family has moved: deletes from each child's built table the children of
     * the parent rows that do not land (of the rows loaded with a key, all but the last), then drops the load numbers
     * from the built tables, in a transaction of its own (DuckDB refuses to alter a table its transaction deleted
     * from). The commit then finishes them as any other built table, a kept child table first losing the children of
     * every key the parent loaded ({@link ChildTableWrites#deleteChildrenOfBuiltKeys}).
     */
    private void settleFamily(SqlSession s, TableTarget parent) {
        List<TableTarget> family = new ArrayList<>();
        targets.values().stream().filter(t -> t.childOf() == parent && inPlace.builtInBatches(t)).forEach(family::add);
        String parentBuilt = inPlace.builtName(parent);
        try {
            s.inTransaction(c -> {
                for (TableTarget child : family) {
                    SqlSession.executeOn(c, ChildTableWrites.deleteChildrenOfOtherRows(dialect,
                            inPlace.builtName(child), parentBuilt));
                }
                return null;
            });
            family.add(parent);
            s.inTransaction(c -> {
                for (TableTarget t : family) {
                    SqlSession.executeOn(c, ChildTableWrites.dropLoadNumbers(dialect, inPlace.builtName(t)));
                }
                return null;
            });
        } catch (SequorException e) {
            throw e.at(parent.pos());
        }
    }

    /**
     * Finishes a target built {@link InPlaceLoads#builtInBatches}, whose last rows {@link #moveLastBatches} moved: the
     * built table takes the target's place where the mode replaces it or the target is missing (with a merge's key
     * added), or its rows move into the kept target as the write mode says, the target's columns evolved first.
     */
    private void finishBuiltInBatches(Connection c, TableTarget t) throws SQLException {
        String target = dialect.qualified(t.namespace(), t.table());
        List<String> statements = new ArrayList<>();
        if (t.mode() == WriteMode.CREATE || !exists(c, t)) {
            statements.addAll(inPlace.finishing(t));
            if (t.mode() == WriteMode.MERGE) {
                statements.add(TableMove.addPrimaryKey(dialect, target, t.spec().primaryKey()));
            }
        } else {
            for (String sql : evolve(t, true)) {
                SqlSession.executeOn(c, sql);
            }
            if (t.underMergingParent()) { // after the ALTERs: DuckDB refuses to alter a table deleted from
                for (String sql : ChildTableWrites.deleteChildrenOfBuiltKeys(dialect, t,
                        inPlace.builtName(t.childOf()))) {
                    SqlSession.executeOn(c, sql);
                }
            }
            boolean upsert = t.mode() == WriteMode.MERGE && t.spec().strategy() == MergeStrategy.UPSERT;
            if (upsert) {
                refuseMissingDeclaredColumns(c, t);
                dialect.checkUpsertKey(c, t.namespace(), t.table(), t.spec().primaryKey());
            }
            TableMove fromBuilt = TableMove.fromBuilt(dialect, target, inPlace.builtName(t), inPlace.builtColumns(t),
                    loadedRows.getOrDefault(t, 0L)); // at most the built table's rows
            statements.addAll(fromBuilt.move(t.spec(), true, upsert && dialect.upsertSkipsUnchanged()
                    ? SqlSession.columnTypesOn(c, dialect, t.namespace(), t.table()) : null));
            statements.add("DROP TABLE " + inPlace.builtName(t));
        }
        statements.add(dialect.dropStaging(staging(t)));
        for (String sql : statements) {
            SqlSession.executeOn(c, sql);
        }
    }

    /** Moves every staging table into its target in one transaction. */
    void commit() {
        commit(t -> true);
    }

    /**
     * Moves the staging tables of the targets {@code which} accepts into their targets in one transaction; the others
     * stay staged, for {@link #discard()}.
     */
    void commit(Predicate<TableTarget> which) {
        if (prepare(which)) {
            completePrepared();
        }
    }

    /**
     * Whether this database's commit can be prepared ({@link #prepare}) and completed later, after other databases'
     * commits: where DDL is transactional. Elsewhere (MySQL, Snowflake) {@link #commit} does it all at once.
     */
    boolean preparesCommits() {
        return dialect.transactionalDdl();
    }

    /**
     * The first half of {@link #commit(Predicate)} where DDL is transactional: everything the commit does, in a
     * transaction left open, so that an op writing to several databases changes none of them when one of them refuses
     * its rows. {@link #completePrepared} commits it; {@link #discard} rolls it back. Where DDL is not transactional,
     * commits at once. Returns whether a prepared commit awaits completion.
     */
    boolean prepare(Predicate<TableTarget> which) {
        background.await(); // a load that failed fails the commit, even when it chose none of that load's targets
        // child tables first: a merging parent's staged keys say which of their rows to delete (ChildTableWrites)
        List<TableTarget> chosen = targets.values().stream().filter(which)
                .sorted(java.util.Comparator.comparing(t -> t.childOf() == null)).toList();
        if (chosen.isEmpty()) {
            return false;
        }
        for (TableTarget t : chosen) {
            if (t.schema() != null) {
                t.schema().refuseNulInJson(dialect);
            }
        }
        if (!dialect.transactionalDdl()) {
            commitWithoutTransactionalDdl(chosen);
            forget(chosen);
            return false;
        }
        moveLastBatches(chosen);
        TableTarget[] finishing = new TableTarget[1];
        try {
            session().inTransactionLeftOpen(c -> {
                for (TableTarget t : chosen) {
                    String lock = dialect.lockAgainstWriters(dialect.qualified(t.namespace(), t.table()));
                    if (lock != null && numbersOnFromTable(t) && exists(c, t)) {
                        SqlSession.executeOn(c, lock);
                        shiftPastConcurrentAppends(c, t);
                    }
                }
                for (TableTarget t : chosen) {
                    finishing[0] = t;
                    finish(c, t);
                }
                return null;
            });
        } catch (SequorException e) {
            // rolled back: staging is as it was, so the value a cast refused can be looked for there
            SequorException named = finishing[0] == null ? null : misfitInStaging(session(), finishing[0], e);
            throw named != null ? named : e;
        }
        prepared = chosen;
        return true;
    }

    /** Commits what {@link #prepare} left open. */
    void completePrepared() {
        if (prepared == null) {
            return;
        }
        List<TableTarget> chosen = prepared;
        prepared = null;
        session().commitOpenTransaction();
        forget(chosen);
    }

    /** The committed targets are done with: nothing of theirs is left to discard. */
    private void forget(List<TableTarget> chosen) {
        targets.values().removeAll(chosen);
        chosen.forEach(inferred::forget);
        chosen.forEach(inPlace::forget);
    }

    /**
     * Whether {@code t} (a parent table of {@code child_tables} under append) numbered its staged rows on from the
     * largest {@code _row} it read when it numbered its first row; another run may have appended since. So the
     * commit holds a lock against such runs (PostgreSQL: {@link Dialect#lockAgainstWriters} in its transaction;
     * MySQL: a {@link NamedLocks#ofRows} lock around it), reads the largest again, and when it grew, moves the staged
     * numbers (the parent's {@code _row}, its children's {@code _parent_row}) up past it: two runs appending at once
     * never give the same numbers. DuckDB needs neither (one writing process per file); Snowflake has no lock for it.
     */
    private boolean numbersOnFromTable(TableTarget t) {
        return t.appendRowNumberBase() >= 0 && inferred.staged(t);
    }

    /** Under a lock against other runs' appends: moves {@code t}'s staged numbers past rows appended meanwhile. */
    private void shiftPastConcurrentAppends(Connection c, TableTarget t) throws java.sql.SQLException {
        long largest = ChildTableWrites.largestRowNumberOn(c, dialect, t);
        long shift = largest - t.appendRowNumberBase();
        if (shift <= 0) {
            return;
        }
        SqlSession.executeOn(c, ChildTableWrites.shiftNumbers(dialect, staging(t), RowNumber.COLUMN, shift));
        for (TableTarget child : targets.values()) {
            if (child.childOf() == t && inferred.staged(child)) {
                SqlSession.executeOn(c, ChildTableWrites.shiftNumbers(dialect, staging(child), RowNumber.PARENT_COLUMN,
                        shift));
            }
        }
    }

    /**
     * Stages the rows of several targets in one transaction: all of them reach staging, or none does. Once rows went
     * straight into a table, that is the op's open transaction, which only the commit ends (no unit runs then: the
     * batch allows it for ops without for_each only). Targets built in batches load first, each on its own.
     */
    void loadTogether(Map<TableTarget, List<String[]>> rows) {
        SqlSession s = session(); // first: no load is under way on the loader thread after it
        // a target built in batches loads into staging and moves batches into its private built table, each move a
        // transaction of its own (a refused value is then looked for in staging); the others load in one transaction
        Map<TableTarget, List<String[]>> together = new LinkedHashMap<>();
        lastLoadPartial = false;
        lastLoadRefusedBatch = null;
        rows.forEach((target, loaded) -> {
            if (inPlace.takes(s, target) && inPlace.inBatches(target)) {
                lastLoadPartial = true; // until the whole load is done: these rows stay if a later target fails
                load(target, loaded);
            } else {
                together.put(target, loaded);
            }
        });
        if (together.keySet().stream().anyMatch(t -> inPlace.takes(s, t))) {
            s.openTransaction(); // before the load: a transaction of the load's own would commit those rows
        }
        if (s.transactionOpen()) {
            together.forEach(this::load);
        } else if (!together.isEmpty()) {
            s.inTransaction(c -> {
                together.forEach(this::load);
                return null;
            });
        }
        rows.forEach((target, loaded) -> target.staged(loaded.size()));
        lastLoadPartial = false;
    }

    /**
     * Why no completed unit can be kept after the last {@link #loadTogether} failed, or null when they can: it failed
     * after rows of targets built in batches had started to reach staging, each target on its own, so some of the
     * failed unit's rows may be staged (or moved) and others not; or a batch's move refused a value, which may have
     * come with any completed unit's rows, not only the failed one's.
     */
    String lastLoadLoss() {
        if (lastLoadRefusedBatch != null) {
            return "a batch of them moving into table '" + lastLoadRefusedBatch.table() + "' held a value its column"
                    + " refuses";
        }
        return lastLoadPartial ? "the failed unit's rows may have reached some tables only" : null;
    }

    /**
     * Where DDL commits on its own (MySQL): the targets that are not replaced are created when missing before the
     * transaction that moves their rows, so that no DDL splits it; each table that create mode replaces is built whole
     * under a staging name and swapped in with the others in one RENAME after that transaction ({@link RenameSwap}).
     */
    private void commitWithoutTransactionalDdl(List<TableTarget> chosen) {
        // an inferred target without records has no shape: nothing to create, swap or evolve (finish says the rest)
        List<TableTarget> replaced = chosen.stream().filter(t -> t.spec().mode() == WriteMode.CREATE)
                .filter(t -> t.schema() == null || inferred.staged(t)).toList();
        // the rest move rows in the data transaction; a create without records empties its table there (finish)
        List<TableTarget> others = chosen.stream().filter(t -> !replaced.contains(t)).toList();
        session().call(c -> {
            for (TableTarget t : others) {
                if (t.schema() != null && !inferred.staged(t)) {
                    continue;
                }
                boolean exists = exists(c, t);
                for (String sql : move(t).prepare(t.spec(), exists)) {
                    SqlSession.executeOn(c, sql);
                }
                for (String sql : evolve(t, exists)) {
                    SqlSession.executeOn(c, sql);
                }
            }
            return null;
        });
        List<RenameSwap.Replacement> replacements = new ArrayList<>();
        for (TableTarget t : replaced) {
            String built = JdbcDatabase.stagingName(t.table(), dialect);
            TableMove into = move(t, dialect.qualified(t.namespace(), built));
            replacements.add(new RenameSwap.Replacement(t.namespace(), t.table(), built, into.move(t.spec(), false)));
        }
        // the numbered parents are held against other runs' commits until this one is done (numbersOnFromTable)
        List<String> locked = new ArrayList<>();
        try {
            if (RenameSwap.namedLocks(dialect)) {
                session().call(c -> {
                    for (TableTarget t : others) {
                        if (numbersOnFromTable(t)) {
                            String table = dialect.qualified(t.namespace(), t.table());
                            if (!NamedLocks.take(c, NamedLocks.ofRows(table), NamedLocks.ROWS_WAIT)) {
                                throw new java.sql.SQLException("another run has been committing rows to " + table
                                        + " for " + NamedLocks.ROWS_WAIT.toSeconds() + " s; its _row numbers could"
                                        + " not be read safely");
                            }
                            locked.add(NamedLocks.ofRows(table));
                            shiftPastConcurrentAppends(c, t);
                        }
                    }
                    return null;
                });
            }
            RenameSwap.commit(session(), replacements, c -> {
                for (TableTarget t : others) {
                    finish(c, t);
                }
                return null;
            });
        } catch (SequorException e) {
            // rolled back, and staging not yet emptied: the value a cast refused can be looked for there
            SequorException named = firstMisfitInStaging(chosen, e);
            throw named != null ? named : e;
        } finally {
            releaseQuietly(locked);
        }
        replaced.forEach(t -> session().execute(dialect.dropStaging(staging(t))));
    }

    /** After the commit: a failure to release must not hide the one that ended it (the server releases them too). */
    private void releaseQuietly(List<String> locks) {
        if (locks.isEmpty() || session.lost()) {
            return;
        }
        try {
            session.call(c -> {
                for (String lock : locks) {
                    NamedLocks.release(c, lock);
                }
                return null;
            });
        } catch (SequorException e) {
            // released when the session ends
        }
    }

    /**
     * Before an upsert into the existing table of {@code t}, which has declared columns: fails naming the table when it
     * lacks one of them. The upsert's own error would name only the statement's alias for the table ("column t.x does
     * not exist", DuckDB's 'Table "t" does not have a column named "x"'), where an append's INSERT names the table.
     */
    private void refuseMissingDeclaredColumns(Connection c, TableTarget t) throws SQLException {
        if (t.schema() != null) {
            return; // inferred: the table's columns were read when the write began, and new ones are added
        }
        Map<String, String> existing = SqlSession.columnTypesOn(c, dialect, t.namespace(), t.table());
        if (existing.isEmpty()) {
            return; // the catalog does not show this role the table's columns: the database says what is wrong
        }
        for (ColumnDef column : t.columns()) {
            if (!existing.containsKey(column.name())) {
                throw SequorException.failed(t.pos(), "Table " + dialect.qualified(t.namespace(), t.table())
                        + " has no column '" + column.name() + "' for write_mode merge; add it to the table, or leave"
                        + " it out of the declared columns");
            }
        }
    }

    /**
     * Moves one target's staged rows in, as its write mode says ({@link TableMove}). A temporary table cannot be
     * renamed into a schema, so create mode makes a new table with the declared types and inserts into it (measured
     * against the rename in docs/decisions.md).
     */
    private void finish(Connection c, TableTarget t) throws java.sql.SQLException {
        if (inPlace.builtInBatches(t)) {
            finishBuiltInBatches(c, t);
            return;
        }
        List<String> inPlaceFinish = inPlace.finishing(t);
        if (inPlaceFinish != null) {
            for (String sql : inPlaceFinish) {
                SqlSession.executeOn(c, sql);
            }
            if (t.schema() == null) {
                SqlSession.executeOn(c, dialect.dropStaging(staging(t))); // made with the target, never loaded
            }
            return;
        }
        boolean exists = exists(c, t);
        // a child of a merging parent goes with the parent keys its table tells apart (the parent's table exists by
        // now: created before the children move)
        KeyComparison parentKeys = t.underMergingParent() ? dialect.keyComparison(c, t.childOf().namespace(),
                t.childOf().table(), t.childOf().spec().primaryKey()) : KeyComparison.AS_IS;
        List<String> deleteChildren = exists ? deleteChildrenOfLoadedKeys(t, parentKeys) : null;
        if (t.schema() != null && !inferred.staged(t)) {
            if (deleteChildren != null) {
                for (String sql : deleteChildren) {
                    SqlSession.executeOn(c, sql);
                }
            }
            // no record came: there is no shape to infer; create and replace still empty a table that exists
            if (exists && (t.mode() == WriteMode.CREATE || t.mode() == WriteMode.REPLACE)) {
                SqlSession.executeOn(c, dialect.emptyTable(dialect.qualified(t.namespace(), t.table())));
            }
            return;
        }
        boolean upsert = exists && t.spec().mode() == WriteMode.MERGE && t.spec().strategy() == MergeStrategy.UPSERT;
        if (upsert) {
            refuseMissingDeclaredColumns(c, t);
            dialect.checkUpsertKey(c, t.namespace(), t.table(), t.spec().primaryKey());
        }
        TableMove move = move(t);
        List<String> before = new ArrayList<>(move.prepare(t.spec(), exists));
        if (!exists && t.underMergingParent() && dialect.indexesChildLinks()) {
            before.add(ChildTableWrites.indexParentKeys(dialect, t));
        }
        if (dialect.transactionalDdl()) {
            before.addAll(evolve(t, exists));
        }
        if (deleteChildren != null) {
            before.addAll(deleteChildren); // after the ALTERs: DuckDB refuses to alter a table deleted from
        }
        for (String sql : before) {
            SqlSession.executeOn(c, sql);
        }
        if (t.mode() == WriteMode.MERGE) { // the target exists now: its key says how keys compare
            move.comparingKeys(dialect.keyComparison(c, t.namespace(), t.table(), t.spec().primaryKey()));
        }
        List<String> statements = new ArrayList<>();
        if (t.underMergingParent()) {
            statements.add(move.insertWhere(ChildTableWrites.childrenOfLandingParents(dialect, t, staging(t.childOf()),
                    parentKeys)));
        } else {
            // an upsert that compares values reads the column types as the statements above left them (evolved)
            statements.addAll(move.move(t.spec(), exists, upsert && dialect.upsertSkipsUnchanged()
                    ? SqlSession.columnTypesOn(c, dialect, t.namespace(), t.table()) : null));
        }
        // the dialect's own drop: MySQL's plain DROP TABLE would commit the transaction half-way
        statements.add(dialect.dropStaging(staging(t)));
        for (String sql : statements) {
            SqlSession.executeOn(c, sql);
        }
    }

    /**
     * For a child table of a merging parent: the statements that delete from it the children of the parent keys
     * loaded, read from the parent's built table or its staging ({@link ChildTableWrites}) and compared as
     * {@code parentKeys} says; null for other targets, or when the parent loaded nothing.
     */
    private List<String> deleteChildrenOfLoadedKeys(TableTarget t, KeyComparison parentKeys) {
        if (!t.underMergingParent()) {
            return null;
        }
        TableTarget parent = t.childOf();
        if (inPlace.builtInBatches(parent)) {
            return ChildTableWrites.deleteChildrenOfBuiltKeys(dialect, t, inPlace.builtName(parent));
        }
        return inferred.staged(parent) ? ChildTableWrites.deleteChildrenOfLoadedKeys(dialect, t, staging(parent),
                parentKeys) : null;
    }

    private TableMove move(TableTarget t) {
        return move(t, dialect.qualified(t.namespace(), t.table()));
    }

    /** The statements that move {@code t}'s staged rows into {@code target}: its table, or a table built for it. */
    private TableMove move(TableTarget t, String target) {
        List<ColumnDef> columns = t.schema() == null ? t.columns() : inferredColumns(t);
        return new TableMove(dialect, target, staging(t),
                columns.stream().map(ColumnDef::name).toList(),
                columns.stream().map(c -> t.schema() == null ? dialect.fromStaging(c) : dialect.fromText(c)).toList(),
                dialect.fromStaging(ROW_NUMBER), TableMove.declared(dialect, columns));
    }

    /** An inferred target's columns as they land, checked as declared ones are when the target is made. */
    private List<ColumnDef> inferredColumns(TableTarget t) {
        List<ColumnDef> columns = t.schema().columns(dialect);
        List<String> names = columns.stream().map(ColumnDef::name).toList();
        for (String keyColumn : t.spec().primaryKey()) {
            if (!names.contains(keyColumn)) {
                throw SequorException.failed(t.pos(), "primary_key column '" + keyColumn + "' of table '" + t.table()
                        + "' is not a field of its records; fields: " + String.join(", ", names));
            }
        }
        if (t.mode() == WriteMode.MERGE && TableMove.reservedColumn(names) != null) {
            throw InferredStaging.reservedField(t, TableMove.reservedColumn(names), dialect);
        }
        return columns;
    }

    /** The statements that add an inferred target's new columns to the kept table and widen the ones that need it. */
    private List<String> evolve(TableTarget t, boolean exists) {
        if (t.schema() == null || !exists || t.mode() == WriteMode.CREATE) {
            return List.of();
        }
        return t.schema().evolveStatements(dialect, dialect.qualified(t.namespace(), t.table()));
    }

    private boolean exists(Connection c, TableTarget t) throws java.sql.SQLException {
        return SqlSession.tableExistsOn(c, dialect, t.namespace(), t.table());
    }

    private String staging(TableTarget t) {
        return dialect.qualified(dialect.stagingNamespace(), t.stagingTable());
    }

    /**
     * Drops the staging tables not yet committed and gives the connection back. After a lost connection there is
     * nothing to drop: temporary tables went with it.
     */
    void discard() {
        background.close();
        if (session == null) {
            return;
        }
        try {
            List<TableTarget> left = new ArrayList<>(targets.values());
            targets.clear();
            prepared = null;
            // rows that went straight in, what was altered for them, and a prepared commit
            session.rollBackOpenTransaction();
            if (!session.lost()) {
                inPlace.dropBuiltTables(session);
                left.forEach(this::dropStaging);
                dialect.landingSessionTeardown().forEach(session::execute);
            }
        } finally {
            session.close();
            session = null;
        }
    }

    private void dropStaging(TableTarget t) {
        try {
            session.execute(dialect.dropStaging(staging(t)));
        } catch (SequorException e) {
            if (!session.lost()) {
                throw e;
            }
        }
    }
}
