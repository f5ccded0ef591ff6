package dev.sequor.ops;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.flow.Counts;
import dev.sequor.run.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code flatten: true} of a table write: the nested objects of each record become columns of their own, named by
 * their path joined with {@code __} ({@code {"customer": {"email": "a@x.io"}}} gives {@code customer__email}), up to
 * {@code max_nesting} levels deep; deeper objects, lists and every other value stay as they are (objects and lists
 * land as JSON). An empty object gives no column, a null stays a null in the column of its own name. Records that are
 * not objects pass unchanged (the write reports them as it would without flatten).
 */
final class RecordFlattener {

    static final String SEPARATOR = "__";

    private RecordFlattener() {
    }

    /**
     * How many levels to flatten, from the values of {@code flatten} and {@code max_nesting} (either may be null):
     * 0 for none, max_nesting (default 1) when flatten is true.
     */
    static int depth(Object flatten, Object maxNesting, String where, SourcePos pos) {
        boolean on = switch (flatten) {
            case null -> false;
            case Boolean b -> b;
            case String t when t.strip().equalsIgnoreCase("true") || t.strip().equalsIgnoreCase("false") ->
                    t.strip().equalsIgnoreCase("true");
            default -> throw SequorException.failed(pos, "'flatten' of " + where + " must be true or false, not "
                    + Texts.typeName(flatten) + " " + Texts.shortRepr(flatten) + ".");
        };
        if (!on) {
            if (maxNesting != null) {
                throw SequorException.failed(pos, "'max_nesting' of " + where + " is used only with flatten: true.");
            }
            return 0;
        }
        return maxNesting == null ? 1 : (int) Math.min(Integer.MAX_VALUE, Counts.positive(maxNesting, pos,
                "max_nesting"));
    }

    /**
     * {@code data} with every record flattened {@code depth} levels (at least 1); a flattened name that a record
     * already has is an error naming the table, the record (1-based, in this response) and the column.
     */
    static Object flatten(Object data, int depth, String table, SourcePos pos) {
        return flatten(data, depth, table, pos, LinkedHashMap::new);
    }

    /** {@link #flatten(Object, int, String, SourcePos)}, each flattened record a new map of {@code newRecord}. */
    static Object flatten(Object data, int depth, String table, SourcePos pos,
                          Supplier<? extends Map<String, Object>> newRecord) {
        if (!(data instanceof List<?> rows)) {
            return data;
        }
        List<Object> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object row = rows.get(i);
            if (row instanceof Map<?, ?> record) {
                Map<String, Object> flat = newRecord.get();
                into(flat, "", record, depth, table, i + 1, pos);
                out.add(flat);
            } else {
                out.add(row);
            }
        }
        return out;
    }

    private static void into(Map<String, Object> flat, String prefix, Map<?, ?> object, int depth, String table,
                             int record, SourcePos pos) {
        for (Map.Entry<?, ?> e : object.entrySet()) {
            // a top-level name stays the record's own String, whose hash the map has computed already
            String name = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested && depth > 0) {
                into(flat, name + SEPARATOR, nested, depth - 1, table, record, pos);
            } else if (flat.containsKey(name)) {
                throw SequorException.failed(pos, "Flattening record " + record + " of this response for table '" + table
                        + "' gives the column '" + name + "' twice: the record has a field of that name and a nested"
                        + " field that flattens to it, and a table cannot hold both.");
            } else {
                flat.put(name, e.getValue());
            }
        }
    }
}
