package dev.sequor.db;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The staging tables of the targets of one {@link StagedWrites} whose columns are inferred ({@link InferredSchema}):
 * all text, made at the first load and given a column whenever the records bring a new field, so that no staged row
 * is rewritten when a later page widens a column (the commit casts to the types decided then).
 */
final class InferredStaging {

    private static final ColumnType TEXT = ColumnType.parse("text");

    private final Dialect dialect;
    /** The columns of each target's staging table, in the table's order; no entry before it is made. */
    private final Map<TableTarget, List<String>> layouts = new HashMap<>();

    InferredStaging(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The columns of a table that exists and is kept, name to type as information_schema reports it, in table order.
     * A type that cannot be written into a CAST fails the op naming the column.
     */
    static Map<String, String> existingColumns(SqlSession s, Dialect dialect, String namespace, String table,
                                               SourcePos pos) {
        Map<String, String> existing = s.call(c -> SqlSession.columnTypesOn(c, dialect, namespace, table));
        existing.forEach((column, type) -> {
            if (!writableType(type)) {
                throw SequorException.failed(pos, "Column '" + column + "' of table "
                        + dialect.qualified(namespace, table) + " has a type (" + type + ") that inferred columns"
                        + " cannot write into; declare the table's columns in the flow");
            }
        });
        return existing;
    }

    /**
     * Whether a type name as information_schema reports it can be written into a CAST: PostgreSQL reports arrays and
     * user types only as {@code ARRAY} and {@code USER-DEFINED}.
     */
    private static boolean writableType(String type) {
        if (type.equalsIgnoreCase("ARRAY") || type.equalsIgnoreCase("USER-DEFINED")) {
            return false;
        }
        try {
            ColumnType.parse(type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the target's staging table was made (some record with a field reached it). */
    boolean staged(TableTarget t) {
        return layouts.containsKey(t);
    }

    /** The target was committed: its staging table is gone. */
    void forget(TableTarget t) {
        layouts.remove(t);
    }

    /**
     * Makes the target's staging table hold every column known now: creates it (all text, plus a merge's load
     * number) or adds the new columns. Returns its columns in table order.
     */
    List<String> stageColumns(SqlSession session, TableTarget t) {
        List<String> names = t.schema().names();
        if (t.numbersRows() && TableMove.reservedColumn(names) != null) {
            throw reservedField(t, TableMove.reservedColumn(names), dialect);
        }
        List<String> layout = layouts.get(t);
        if (layout == null) {
            List<ColumnDef> cols = new ArrayList<>();
            names.forEach(n -> cols.add(new ColumnDef(n, TEXT)));
            List<ColumnDef> staged = StagedWrites.stagingColumns(cols, t);
            create(session, t, staged);
            layout = new ArrayList<>(staged.stream().map(ColumnDef::name).toList());
            layouts.put(t, layout);
            return layout;
        }
        for (String n : names) {
            if (!layout.contains(n)) {
                session.execute("ALTER TABLE " + dialect.qualified(dialect.stagingNamespace(), t.stagingTable())
                        + " ADD COLUMN " + dialect.quote(n) + " " + dialect.stagingType(new ColumnDef(n, TEXT)));
                layout.add(n);
            }
        }
        return layout;
    }

    private void create(SqlSession session, TableTarget t, List<ColumnDef> staged) {
        session.execute("CREATE TEMPORARY TABLE " + dialect.quote(t.stagingTable()) + " (" + staged.stream()
                .map(c -> dialect.quote(c.name()) + " " + dialect.stagingType(c))
                .collect(Collectors.joining(", ")) + ")");
    }

    /** The columns of the target's staging table, in the table's order (it was made). */
    List<String> layout(TableTarget t) {
        return List.copyOf(layouts.get(t));
    }

    /**
     * Makes the target's staging table again, empty, with the columns it had, after the caller dropped it (a batch of
     * its rows moved out: {@link InPlaceLoads}).
     */
    void restage(SqlSession session, TableTarget t) {
        create(session, t, layouts.get(t).stream().map(n -> n.equals(TableMove.ROW_COLUMN) ? StagedWrites.ROW_NUMBER
                : new ColumnDef(n, TEXT)).toList());
    }

    /**
     * The target's rows (values at their columns' positions, a merge's load number last) laid out as its staging
     * table's columns are.
     */
    static List<String[]> inLayout(TableTarget t, List<String> layout, List<String[]> rows) {
        List<String> names = t.schema().names();
        int[] position = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            position[i] = layout.indexOf(names.get(i));
        }
        int rowPosition = layout.indexOf(TableMove.ROW_COLUMN);
        boolean numbered = t.numbersRows();
        // the usual case: the layout is the columns in their own order, so a row as long as it is laid out already
        boolean inOrder = !numbered || rowPosition == names.size();
        for (int i = 0; i < position.length && inOrder; i++) {
            inOrder = position[i] == i;
        }
        List<String[]> out = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            if (inOrder && row.length == layout.size()) {
                out.add(row);
                continue;
            }
            String[] laid = new String[layout.size()];
            int values = row.length - (numbered ? 1 : 0);
            for (int i = 0; i < values; i++) {
                laid[position[i]] = row[i];
            }
            if (numbered) {
                laid[rowPosition] = row[row.length - 1];
            }
            out.add(laid);
        }
        return out;
    }

    /** A record field that a merge's bookkeeping column, or staging's load number, would collide with. */
    static SequorException reservedField(TableTarget t, String name, Dialect dialect) {
        return SequorException.failed(t.pos(), "Field '" + name + "' of the records for table '" + t.table()
                + "' has a name that " + (t.mode() == WriteMode.MERGE ? "write_mode merge"
                : "Sequor's staging on " + dialect.displayName()) + " uses for itself; rename it");
    }
}
