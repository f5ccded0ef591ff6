package dev.sequor.db;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One table an op writes to, within a {@link TableWriteBatch}. Rows added here are staged and only become visible
 * in the table when the batch commits. Inside a unit of the batch ({@link TableWriteBatch#beginUnit()}) they wait
 * here, in memory, until the unit completes, so that a unit that fails half-way leaves nothing of itself in staging
 * (and, where staging is text, a little longer: completed units, and rows added outside units, are loaded a few
 * thousand rows at a time, see {@link TableWriteBatch}).
 */
public final class TableTarget {

    /** Longest value text quoted in an error message. */
    private static final int REPR_LIMIT = 100;

    private final StagedWrites owner;
    private final String namespace;
    private final String table;
    private final String stagingTable;
    /** The declared columns; null when they are inferred ({@link #schema}). */
    private final List<ColumnDef> columns;
    /** The inferred columns when none are declared, else null. */
    private final InferredSchema schema;
    /**
     * Which declared columns hold bytes ({@link Dialect#isBinary}), whose values are staged as
     * {@link Dialect#binaryText} writes them; null when none do (or the columns are inferred).
     */
    private final boolean[] binaryColumns;
    private final WriteSpec spec;
    private final SourcePos pos;
    /** An append target whose table is created at commit when it is missing. */
    private final boolean createMissing;
    /** Rows of the unit under way, not yet staged; null outside units (rows are staged as they come). */
    private List<String[]> held;
    /** Rows of completed units not yet loaded into staging; see {@link TableWriteBatch#completeUnit()}. */
    private List<String[]> ready = new ArrayList<>();
    private long readyChars;
    /** Characters of the values in {@link #held}, carried to {@link #readyChars} when the unit completes. */
    private long heldChars;
    /**
     * In a unit view of a target with inferred columns: the unit's records as they came. The schema takes them when
     * the batch takes the unit, in row order, so that parallel rows give the columns the same first-seen order as
     * rows one after the other.
     */
    private List<Map<?, ?>> viewRecords;
    /** Rows in the staging table. */
    private long staged;
    /** Rows numbered for the staging table so far, in load order (see {@link #numbersRows}). */
    private long numbered;
    /** The parent table's target when this is a child table of {@code child_tables}, else null. */
    private TableTarget childOf;
    /** {@link RowNumber}s given so far; {@link #rowNumberBase} -1 until the first is given. */
    private long rowNumbers;
    private long rowNumberBase = -1;
    /** Some record of this target was a parent's of {@code child_tables} ({@link RowNumber.Linked}). */
    private volatile boolean parentOfChildRows;

    TableTarget(StagedWrites owner, String namespace, String table, String stagingTable, List<ColumnDef> columns,
                InferredSchema schema, WriteSpec spec, boolean createMissing, SourcePos pos) {
        this.createMissing = createMissing;
        this.schema = schema;
        this.owner = owner;
        this.namespace = namespace;
        this.table = table;
        this.stagingTable = stagingTable;
        this.columns = columns;
        this.spec = spec;
        this.pos = pos;
        this.binaryColumns = columns == null ? null : binaryColumns(owner.dialect(), columns);
    }

    private static boolean[] binaryColumns(Dialect dialect, List<ColumnDef> columns) {
        boolean[] binary = new boolean[columns.size()];
        boolean any = false;
        for (int i = 0; i < binary.length; i++) {
            binary[i] = dialect.isBinary(dialect.typeSql(columns.get(i).type()));
            any |= binary[i];
        }
        return any ? binary : null;
    }

    /**
     * Adds the rows of {@code data}: a list of maps. Only declared columns are written; extra keys are ignored,
     * missing ones become NULL. The whole list is checked before anything is loaded.
     */
    public void addRows(Object data) {
        if (!(data instanceof List<?> list)) {
            throw SequorException.failed(pos, "'data' for table '" + table + "' must be a list. Type '"
                    + pythonType(data) + "' provided: " + shortRepr(data));
        }
        List<String[]> rows = new ArrayList<>(list.size());
        List<String> mergeKey = spec.mode() == WriteMode.MERGE ? spec.primaryKey() : List.of();
        // the first record without its key, and that key column
        int keyless = 0;
        String keylessColumn = null;
        int r = 0;
        for (Object element : list) {
            r++;
            if (!(element instanceof Map<?, ?> record)) {
                throw SequorException.failed(pos, "Element of 'data' array for table '" + table
                        + "' must be a dictionary. Type '" + pythonType(element) + "' provided: " + shortRepr(element));
            }
            for (String k : mergeKey) {
                if (keyless == 0 && (!record.containsKey(k) || record.get(k) == null)) {
                    keyless = r;
                    keylessColumn = k;
                }
            }
            // a numbered row (numbersRows) carries its load number in its last slot, set when loaded (numberForLoad)
            if (schema != null) {
                if (viewRecords != null) {
                    viewRecords.add(record);
                } else {
                    rows.add(accept(record));
                }
                continue;
            }
            String[] row = new String[columns.size() + (numbersRows() ? 1 : 0)];
            for (int i = 0; i < columns.size(); i++) {
                String name = columns.get(i).name();
                // containsKey first: a Row answers get() of a missing column with an error, not null.
                if (!record.containsKey(name)) {
                    row[i] = null;
                } else if (binaryColumns != null && binaryColumns[i]) {
                    row[i] = owner.dialect().binaryText(record.get(name));
                } else {
                    row[i] = ValueText.of(record.get(name));
                }
            }
            rows.add(row);
        }
        // before anything is staged: the database's NOT NULL error would name neither the record nor the op. A key no
        // record has brought is rather a misspelt key, which the commit names with the fields the records have.
        if (keyless > 0 && (schema == null || schema.seen(keylessColumn) || anyHas(list, keylessColumn))) {
            throw SequorException.failed(pos, "Record " + keyless + " of this response for table '" + table + "' has"
                    + " no value for its primary_key column '" + keylessColumn + "', which a merge matches rows by;"
                    + " every record of a merge needs its key.");
        }
        if (schema != null && viewRecords == null) {
            schema.batchTaken();
        }
        if (held != null) {
            held.addAll(rows);
            heldChars += chars(rows);
        } else if (owner.stagesAsText() || schema != null) {
            // pages of a paginated fetch, staged as text: loaded a few thousand rows at a time, as completed units
            // are, on the loader thread while the op asks for the next page (a value cannot fail such a load)
            ready.addAll(rows);
            readyChars += chars(rows);
            if (ready.size() >= TableWriteBatch.FLUSH_ROWS || readyChars >= TableWriteBatch.FLUSH_CHARS) {
                List<String[]> batch = takeReady();
                owner.loadInBackground(this, batch);
                staged += batch.size();
            }
        } else {
            owner.loadPage(this, rows);
            staged += rows.size();
        }
    }

    /** From now on rows wait here until their unit completes ({@link #unitComplete()}) instead of being staged at once. */
    void hold() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    /** The unit under way is complete: its rows join those waiting to be loaded (the target keeps holding). */
    void unitComplete() {
        if (held != null && !held.isEmpty()) {
            ready.addAll(held);
            readyChars += heldChars;
            held = new ArrayList<>();
            heldChars = 0;
        }
    }

    int readyRows() {
        return ready.size();
    }

    long readyChars() {
        return readyChars;
    }

    /** The rows of completed units not loaded yet, handed over for loading. */
    List<String[]> takeReady() {
        List<String[]> rows = ready;
        ready = new ArrayList<>();
        readyChars = 0;
        return rows;
    }

    /**
     * A target that checks rows as this one does but only ever holds them, for one unit running beside others
     * ({@link TableWriteBatch#unit()}); the batch moves them here with {@link #holdAlso}.
     */
    TableTarget unitView() {
        TableTarget view = new TableTarget(owner, namespace, table, stagingTable, columns, schema, spec, createMissing,
                pos);
        view.hold();
        if (schema != null) {
            view.viewRecords = new ArrayList<>();
        }
        return view;
    }

    /** Takes what the unit view {@code view} of this target holds: its rows, or its records for inferred columns. */
    void holdFrom(TableTarget view) {
        if (view.viewRecords == null) {
            holdAlso(view.takeHeld());
            return;
        }
        List<String[]> rows = new ArrayList<>(view.viewRecords.size());
        for (Map<?, ?> record : view.viewRecords) {
            rows.add(accept(record));
        }
        view.viewRecords = new ArrayList<>();
        schema.batchTaken();
        holdAlso(rows);
    }

    /**
     * The staged row of {@code record} (an inferred target's), with the {@link RowNumber}s of {@code child_tables} in
     * place, numbered as this target takes its records: in the order they land, whether they came one unit after the
     * other or from units run side by side. Under a merge, a parent row takes its load number now, and a child row
     * carries its parent's ({@link #numberForLoad} leaves both as they are).
     */
    private String[] accept(Map<?, ?> record) {
        if (!(record instanceof RowNumber.Linked linked)) {
            return schema.accept(record, numbersRows() ? 1 : 0);
        }
        if (!parentOfChildRows && childOf == null) {
            parentOfChildRows = true; // once, not a volatile write per record
        }
        String[] row = schema.accept(linked.resolve(() -> {
            if (rowNumberBase < 0) {
                rowNumberBase = owner.largestRowNumber(this);
            }
            return rowNumberBase + ++rowNumbers;
        }), numbersRows() ? 1 : 0);
        if (numbersRows()) {
            row[row.length - 1] = linked.loadNumber(() -> ++numbered);
        }
        return row;
    }

    /** Adds rows a unit view held to the rows this target holds. */
    void holdAlso(List<String[]> rows) {
        hold();
        held.addAll(rows);
        heldChars += chars(rows);
    }

    /** The rows held since the last call (the target keeps holding). */
    List<String[]> takeHeld() {
        List<String[]> rows = held == null ? List.of() : held;
        held = held == null ? null : new ArrayList<>();
        return rows;
    }

    private static long chars(List<String[]> rows) {
        long n = 0;
        for (String[] row : rows) {
            for (String value : row) {
                n += value == null ? 1 : value.length();
            }
        }
        return n;
    }

    /** Counts rows that reached the staging table through {@link StagedWrites}. */
    void staged(int rows) {
        staged += rows;
    }

    /** How many rows are in the staging table: what a commit adds to the table. */
    long stagedRows() {
        return staged;
    }

    /** Type names as upstream's messages print them (Python's), since flows are written against those. */
    private static String pythonType(Object value) {
        return switch (value) {
            case null -> "NoneType";
            case String s -> "str";
            case Boolean b -> "bool";
            case Integer i -> "int";
            case Long l -> "int";
            case BigInteger b -> "int";
            case Double d -> "float";
            case Float f -> "float";
            case BigDecimal d -> "Decimal";
            case Map<?, ?> m -> "dict";
            case Collection<?> c -> "list";
            default -> value.getClass().getSimpleName();
        };
    }

    private static String shortRepr(Object value) {
        String text = value == null ? "None" : value instanceof Map<?, ?> || value instanceof Collection<?>
                ? ValueText.json(value) : ValueText.of(value);
        return text.length() <= REPR_LIMIT ? text : text.substring(0, REPR_LIMIT) + "...";
    }

    String namespace() {
        return namespace;
    }

    Dialect dialect() {
        return owner.dialect();
    }

    String table() {
        return table;
    }

    String stagingTable() {
        return stagingTable;
    }

    /** The declared columns; null when they are inferred. */
    List<ColumnDef> columns() {
        return columns;
    }

    /** The inferred columns; null when they are declared. */
    InferredSchema schema() {
        return schema;
    }

    /** Whether a record of {@code records} has a value for {@code field}. */
    private static boolean anyHas(List<?> records, String field) {
        // containsKey first: a Row answers get() of a missing column with an error, not null
        return records.stream().anyMatch(e -> e instanceof Map<?, ?> m && m.containsKey(field) && m.get(field) != null);
    }

    WriteMode mode() {
        return spec.mode();
    }

    WriteSpec spec() {
        return spec;
    }

    /**
     * Whether staged rows carry their load number ({@link TableMove#ROW_COLUMN}): a merge's last row per key wins; a
     * child table of a merging parent carries its parent row's, and lands only the children of the rows that win; and
     * where staging keeps no row order, a value its column refuses is found with its row by it
     * ({@link Dialect#numbersStagedRows}).
     */
    boolean numbersRows() {
        return spec.mode() == WriteMode.MERGE || underMergingParent() || owner.numbersStagedRows();
    }

    /**
     * Whether this parent's records link rows of child tables ({@code child_tables}): those tables' commit reads the
     * parent's staged rows, so they must all still be there ({@link InPlaceLoads}).
     */
    boolean parentOfChildRows() {
        return parentOfChildRows;
    }

    /** Whether this is a child table of a parent that merges ({@link ChildTableWrites}). */
    boolean underMergingParent() {
        return childOf != null && childOf.mode() == WriteMode.MERGE;
    }

    /**
     * The merging parent of child tables that this target is, or is a child table of; null for any other target: the
     * family whose children land only with the last parent row of each key ({@link ChildTableWrites}).
     */
    TableTarget mergingFamilyHead() {
        return underMergingParent() ? childOf : mode() == WriteMode.MERGE && parentOfChildRows ? this : null;
    }

    /**
     * Sets the load number of rows about to be loaded into staging (a merge's), continuing from the rows loaded
     * before, so the last row loaded with a key is the one with the highest number.
     */
    void numberForLoad(List<String[]> rows) {
        if (numbersRows()) {
            for (String[] row : rows) {
                if (row[row.length - 1] == null) { // not numbered when taken (child_tables' rows are)
                    row[row.length - 1] = Long.toString(++numbered);
                }
            }
        }
    }

    /**
     * The largest {@link RowNumber#COLUMN} the table held when this target numbered its first row under append (it
     * numbered on from it), else -1: {@link StagedWrites} checks it again under a lock at commit.
     */
    long appendRowNumberBase() {
        return mode() == WriteMode.APPEND ? rowNumberBase : -1;
    }

    /** The parent table's target when this is one of its child tables ({@code child_tables}), else null. */
    TableTarget childOf() {
        return childOf;
    }

    void childOf(TableTarget parent) {
        this.childOf = parent;
    }

    boolean createMissing() {
        return createMissing;
    }

    SourcePos pos() {
        return pos;
    }
}
