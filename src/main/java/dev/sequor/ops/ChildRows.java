package dev.sequor.ops;

import dev.sequor.db.RowNumber;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code child_tables: true} of a table write (dlt's model): every field of a record whose value is an array becomes
 * rows of the child table {@code <table>__<field>} instead of a column. An array of objects gives one child row per
 * element with the element's fields (flattened as the parent's records are, when flatten is on); any other element
 * gives one row with a {@code value} column. Arrays inside an element stay JSON values of the child row: one level of
 * child tables. An empty array, a null or a missing field gives no child rows.
 *
 * <p>A null field is left out of the rows (as dlt does): a column is never made from nulls alone, so a field that
 * holds an array in some records and null in others never becomes a column of the parent, whatever the order the
 * records come in. A null where the table has the column lands as NULL all the same.
 *
 * <p>Child rows are linked to their parent row first, then numbered: {@code _parent_<key>} for each primary key column
 * of the parent (its values), or, without a key, {@code _parent_row} (the parent's {@code _row}, a {@link RowNumber}
 * its target fills in as it takes the row), and {@code _index}, the element's 0-based position in the array.
 */
final class ChildRows {

    static final String INDEX = "_index";
    static final String VALUE = "value";
    private static final String PARENT_PREFIX = "_parent_";

    /**
     * The rows of a response for a parent table and its child tables: {@code parents} in the records' order (records
     * that are not objects pass unchanged, for the write to report), {@code children} by child table name in the order
     * their fields were first seen; a field that held an array in any record names a child table even when every
     * array was empty, so a merge can still empty the children of the keys it loads.
     */
    record Split(Object parents, Map<String, List<Map<String, Object>>> children) {
    }

    private ChildRows() {
    }

    /**
     * Splits {@code data} (the parent's rows, already flattened {@code flatten} levels when that is on) for
     * {@code table}; {@code primaryKey} is the parent's key (empty without one: rows are then linked by {@code _row}).
     * A record that is a {@link RowNumber.Linked} already (made so by flatten for this split alone) becomes the parent
     * row itself; any other is copied, since the response's own records may be read again (another table, a path).
     */
    static Split split(Object data, String table, List<String> primaryKey, int flatten, SourcePos pos) {
        Map<String, List<Map<String, Object>>> children = new LinkedHashMap<>();
        if (!(data instanceof List<?> records)) {
            return new Split(data, children);
        }
        List<Object> parents = new ArrayList<>(records.size());
        for (int r = 0; r < records.size(); r++) {
            if (!(records.get(r) instanceof Map<?, ?> record)) {
                parents.add(records.get(r));
                continue;
            }
            // under a merge only the children of the last row loaded with a key land, told apart by this number
            RowNumber loadNumber = new RowNumber();
            RowNumber.Linked own = record instanceof RowNumber.Linked l ? l : null;
            RowNumber.Linked parent = (own != null ? own : new RowNumber.Linked()).numberedBy(loadNumber);
            Map<String, Object> link = new LinkedHashMap<>();
            if (primaryKey.isEmpty()) {
                RowNumber number = new RowNumber();
                reserved(record, RowNumber.COLUMN, table, r, pos);
                parent.putFirst(RowNumber.COLUMN, number);
                link.put(RowNumber.PARENT_COLUMN, number);
            } else {
                for (String k : primaryKey) {
                    Object value = record.containsKey(k) ? record.get(k) : null;
                    if (value == null) {
                        throw SequorException.failed(pos, "Record " + (r + 1) + " of this response for table '" + table
                                + "' has no value for its primary_key column '" + k + "', which child_tables links"
                                + " its child rows by; every record of a merge needs its key.");
                    }
                    link.put(PARENT_PREFIX + k, value);
                }
            }
            for (var fields = record.entrySet().iterator(); fields.hasNext(); ) {
                Map.Entry<?, ?> field = fields.next();
                String name = String.valueOf(field.getKey());
                if (field.getValue() instanceof List<?> array) {
                    String child = table + RecordFlattener.SEPARATOR + name;
                    List<Map<String, Object>> rows = children.computeIfAbsent(child, c -> new ArrayList<>());
                    for (int i = 0; i < array.size(); i++) {
                        rows.add(childRow(link, i, array.get(i), flatten, child, pos).childOf(loadNumber));
                    }
                } else if (field.getValue() != null || primaryKey.contains(name)) {
                    if (own == null) {
                        parent.put(name, field.getValue());
                    }
                    continue; // a column of the parent row
                }
                if (own != null) {
                    fields.remove(); // an array (now child rows) or a null: not a column of the parent row
                }
            }
            parents.add(parent);
        }
        return new Split(parents, children);
    }

    private static RowNumber.Linked childRow(Map<String, Object> link, int index, Object element, int flatten,
                                             String child, SourcePos pos) {
        RowNumber.Linked row = new RowNumber.Linked();
        row.putAll(link);
        row.put(INDEX, (long) index);
        if (!(element instanceof Map<?, ?> object)) {
            row.put(VALUE, element);
            return row;
        }
        Map<?, ?> fields = flatten == 0 ? object
                : (Map<?, ?>) ((List<?>) RecordFlattener.flatten(List.of(object), flatten, child, pos)).get(0);
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            String name = String.valueOf(field.getKey());
            if (row.containsKey(name)) {
                throw SequorException.failed(pos, "Element " + index + " of an array for child table '" + child
                        + "' has a field '" + name + "', a name child_tables uses to link child rows to their parent;"
                        + " rename the field before it lands (data_expression), or turn child_tables off.");
            }
            if (field.getValue() != null) {
                row.put(name, field.getValue());
            }
        }
        return row;
    }

    private static void reserved(Map<?, ?> record, String name, String table, int index, SourcePos pos) {
        if (record.containsKey(name)) {
            throw SequorException.failed(pos, "Record " + (index + 1) + " of this response for table '" + table
                    + "' has a field '" + name + "', the column child_tables numbers parent rows with when the table"
                    + " has no primary key; rename the field before it lands (data_expression), or turn child_tables"
                    + " off.");
        }
    }
}
