package dev.sequor.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The statements that move the rows of a staging table into the target of a table write, one set per
 * {@link WriteMode}: the one place that says what each mode does in SQL. Table writes of responses
 * ({@link StagedWrites}) and transforms ({@link JdbcDatabase#writeQueryResult}) both use it; the statements that
 * differ per database come from the {@link Dialect} (emptying a table, the upsert).
 *
 * <p>A missing target is created for every mode ({@link #prepare}); a merge creates it with its key as PRIMARY KEY.
 * A merge lands at most one row per key: of the rows loaded with the same key, the last one loaded wins (the staging
 * table's {@link #ROW_COLUMN} says the order), so neither the upsert nor the insert after the delete meets a key twice.
 */
final class TableMove {

    /** Staging column that numbers the rows of a merge in the order they were loaded. */
    static final String ROW_COLUMN = "_sequor_row";
    /** The number of the last row loaded with a row's key: the row that lands has it. */
    private static final String LAST_COLUMN = "_sequor_last";

    private final Dialect dialect;
    private final String target;
    private final String staging;
    private final List<String> columns;
    private final List<String> expressions;
    private final String rowOrder;
    private final BiFunction<String, List<String>, List<String>> create;
    /** About how many rows the source holds, when known (0: not known): an upsert may go in parts by it. */
    private long sourceRows;
    /** The rows' load numbers go into the target's {@link #ROW_COLUMN} too ({@link #keepingRowOrder}). */
    private boolean keepsRowOrder;
    /** How a merge compares key values ({@link #comparingKeys}). */
    private KeyComparison keyComparison = KeyComparison.AS_IS;

    /**
     * @param target      the target, qualified and quoted
     * @param staging     the staging table, qualified and quoted
     * @param columns     the target's column names (unquoted), in order
     * @param expressions for each column, the expression over the staging table that gives its value
     * @param rowOrder    the expression over the staging table that numbers rows in load order (for a merge; null
     *                    when its rows are one per key already)
     * @param create      the statements that create the target (the target and its key columns, empty for no key)
     */
    TableMove(Dialect dialect, String target, String staging, List<String> columns, List<String> expressions,
              String rowOrder, BiFunction<String, List<String>, List<String>> create) {
        this.dialect = dialect;
        this.target = target;
        this.staging = staging;
        this.columns = List.copyOf(columns);
        this.expressions = List.copyOf(expressions);
        this.rowOrder = rowOrder;
        this.create = create;
    }

    /** The first of {@code columns} that a merge uses for its own bookkeeping, or null when none is. */
    static String reservedColumn(List<String> columns) {
        return columns.stream().filter(c -> c.equals(ROW_COLUMN) || c.equals(LAST_COLUMN)).findFirst().orElse(null);
    }

    /** Creating the target from declared columns: {@code CREATE TABLE t (a INTEGER, ..., PRIMARY KEY (a))}. */
    static BiFunction<String, List<String>, List<String>> declared(Dialect dialect, List<ColumnDef> columns) {
        return (target, key) -> List.of("CREATE TABLE " + target + " ("
                + columns.stream().map(c -> dialect.quote(c.name()) + " "
                        + (key.contains(c.name()) ? dialect.keyTypeSql(c.type()) : dialect.typeSql(c.type())))
                        .collect(Collectors.joining(", "))
                + (key.isEmpty() ? "" : ", PRIMARY KEY (" + quoted(dialect, key) + ")") + ")");
    }

    /**
     * Moving the rows of a table built for the target batch by batch ({@link InPlaceLoads}): typed already, and under
     * a merge one row per key already (each batch's rows took the place of the built rows of their keys), so neither
     * casts nor load numbers.
     */
    static TableMove fromBuilt(Dialect dialect, String target, String built, List<ColumnDef> columns, long rows) {
        List<String> names = columns.stream().map(ColumnDef::name).toList();
        TableMove move = new TableMove(dialect, target, built, names, names.stream().map(dialect::quote).toList(), null,
                declared(dialect, columns));
        move.sourceRows = rows;
        return move;
    }

    /**
     * This move, writing each row's load number into the target's {@link #ROW_COLUMN} as well: a table built batch by
     * batch for a merging parent of child tables, or for one of its children, keeps them until the commit tells the
     * children of the parent rows that land from the others ({@link ChildTableWrites#deleteChildrenOfOtherRows}).
     */
    TableMove keepingRowOrder() {
        keepsRowOrder = true;
        return this;
    }

    /**
     * This move, comparing a merge's key values as {@code comparison} says: read from the target once it exists
     * ({@link Dialect#keyComparison}), so that the rows one key keeps and the rows it replaces are the ones the
     * target's key tells apart.
     */
    TableMove comparingKeys(KeyComparison comparison) {
        keyComparison = comparison;
        return this;
    }

    /** {@code ALTER TABLE t ADD PRIMARY KEY (a, b)}. */
    static String addPrimaryKey(Dialect dialect, String target, List<String> key) {
        return "ALTER TABLE " + target + " ADD PRIMARY KEY (" + quoted(dialect, key) + ")";
    }

    /**
     * Creating the target with the columns and types of the staging table (a query's result), then its key:
     * {@code CREATE TABLE t AS SELECT a, b FROM staging WHERE 1 = 0}.
     */
    static BiFunction<String, List<String>, List<String>> likeStaging(Dialect dialect, String staging,
                                                                       List<String> columns) {
        return (target, key) -> {
            List<String> out = new ArrayList<>();
            out.add("CREATE TABLE " + target + " AS SELECT " + quoted(dialect, columns) + " FROM " + staging
                    + " WHERE 1 = 0");
            if (!key.isEmpty()) {
                out.add(addPrimaryKey(dialect, target, key));
            }
            return out;
        };
    }

    /** The DDL that creates a missing target before the rows move (nothing for create mode, which always makes it). */
    List<String> prepare(WriteSpec spec, boolean exists) {
        return exists || spec.mode() == WriteMode.CREATE ? List.of() : create.apply(target, spec.primaryKey());
    }

    /** The statements that move the staged rows into the target, which exists unless the mode is create. */
    List<String> move(WriteSpec spec, boolean existed) {
        return move(spec, existed, null);
    }

    /**
     * {@link #move(WriteSpec, boolean)}, where an upsert into the target may use its column types ({@code targetTypes},
     * as {@link Dialect#existingColumnsQuery} reports them; null when not read: {@link Dialect#upsertSkipsUnchanged}).
     */
    List<String> move(WriteSpec spec, boolean existed, Map<String, String> targetTypes) {
        List<String> out = new ArrayList<>();
        switch (spec.mode()) {
            case CREATE -> {
                out.add("DROP TABLE IF EXISTS " + target);
                out.addAll(create.apply(target, List.of()));
                out.add(insert(plainRows()));
            }
            case APPEND -> out.add(insert(plainRows()));
            case REPLACE -> {
                if (existed) {
                    out.add(dialect.emptyTable(target));
                }
                out.add(insert(plainRows()));
            }
            case MERGE -> {
                String rows = lastRowPerKey(spec.primaryKey());
                if (!existed) {
                    out.add(insert(rows));
                } else if (spec.strategy() == MergeStrategy.UPSERT) {
                    if (targetTypes == null) {
                        out.add(dialect.upsert(target, rows, columns, spec.primaryKey()));
                    } else { // one statement unless the dialect splits a source it knows to be large
                        out.addAll(dialect.upsertInParts(target, rows, columns, spec.primaryKey(), targetTypes,
                                sourceRows));
                    }
                } else {
                    out.addAll(deleteLoadedKeys(spec.primaryKey()));
                    out.add(insert(rows));
                }
            }
        }
        return out;
    }

    /** Inserts every staged row. */
    String insertAll() {
        return insert(plainRows());
    }

    /** Inserts the staged rows that {@code condition} (over the staging table's columns) accepts. */
    String insertWhere(String condition) {
        return insert(plainRows() + " WHERE " + condition);
    }

    private String insert(String rows) {
        return "INSERT INTO " + target + " (" + quoted(dialect, columns)
                + (keepsRowOrder ? ", " + dialect.quote(ROW_COLUMN) : "") + ") " + rows;
    }

    private String plainRows() {
        return "SELECT " + String.join(", ", expressions) + (keepsRowOrder ? ", " + rowOrder : "") + " FROM " + staging;
    }

    /**
     * The staged rows, one per key: the last loaded. Written with {@code max(...) OVER}, not the usual
     * {@code ROW_NUMBER() ... = 1}: DuckDB 1.5.2 rewrites the latter into a plan that fails with an internal error
     * ("Failed to bind column reference ... inequal types") on keys of two columns next to text columns.
     */
    private String lastRowPerKey(List<String> key) {
        if (rowOrder == null) {
            return plainRows(); // one per key already (fromBuilt)
        }
        List<String> typed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            typed.add(expressions.get(i) + " AS " + dialect.quote(columns.get(i)));
        }
        String row = dialect.quote(ROW_COLUMN);
        String last = dialect.quote(LAST_COLUMN);
        typed.add(rowOrder + " AS " + row);
        String names = quoted(dialect, columns);
        String keys = key.stream().map(k -> keyComparison.compared(k, dialect.quote(k)))
                .collect(Collectors.joining(", "));
        return "SELECT " + names + (keepsRowOrder ? ", " + row : "") + " FROM (SELECT " + names + ", " + row + ", max("
                + row + ") OVER (PARTITION BY " + keys + ") AS " + last + " FROM (SELECT "
                + String.join(", ", typed) + " FROM " + staging + ") AS typed) AS numbered WHERE " + row + " = " + last;
    }

    /**
     * Deletes the target's rows whose key was loaded: {@code DELETE FROM t WHERE ("a", "b") IN (SELECT ...)}, as the
     * key comparison says ({@link KeyComparison#deleteRowsOfKeys}).
     */
    private List<String> deleteLoadedKeys(List<String> key) {
        return keyComparison.deleteRowsOfKeys(dialect, target, key, dialect::quote,
                k -> keyComparison.compared(k, expressions.get(columns.indexOf(k))), staging);
    }

    /** {@code "a", "b"}. */
    static String quoted(Dialect dialect, List<String> names) {
        return names.stream().map(dialect::quote).collect(Collectors.joining(", "));
    }
}
