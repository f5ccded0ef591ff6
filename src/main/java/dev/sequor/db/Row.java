package dev.sequor.db;

import dev.sequor.error.SequorException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One database record as flows see it (for_each rows, query results): ordered column names to values.
 * Like upstream's Row, reading a column that does not exist is an error, for {@code row['x']} and
 * {@code row.get('x')} alike; {@code get(col, default)} returns the default only when the value is NULL.
 * Values are plain Java values: String, Long, Integer, Double, BigDecimal, Boolean, java.time types, null.
 */
public final class Row extends AbstractMap<String, Object> {

    private final LinkedHashMap<String, Object> values;

    public Row(LinkedHashMap<String, Object> values) {
        this.values = values;
    }

    public static Row of(List<String> columns, List<Object> values) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            m.put(columns.get(i), values.get(i));
        }
        return new Row(m);
    }

    @Override
    public Object get(Object column) {
        if (!values.containsKey(column)) {
            throw SequorException.failed(null, "Column '" + column + "' does not exist");
        }
        return values.get(column);
    }

    /** Upstream's {@code row.get(col, default)}: the default replaces NULL; a missing column is still an error. */
    public Object get(Object column, Object defaultValue) {
        Object v = get(column);
        return v == null ? defaultValue : v;
    }

    /** Column by position, as {@code row[i]}. */
    public Object get(int index) {
        if (index < 0 || index >= values.size()) {
            throw SequorException.failed(null, "Column index " + index + " is out of range for a row of "
                    + values.size() + " columns");
        }
        // a stream's findFirst() cannot carry a SQL NULL, so walk the values
        java.util.Iterator<Object> it = values.values().iterator();
        for (int i = 0; i < index; i++) {
            it.next();
        }
        return it.next();
    }

    /** Replaces the value of an existing column (upstream allows only existing ones). */
    @Override
    public Object put(String column, Object value) {
        get(column);
        return values.put(column, value);
    }

    @Override
    public boolean containsKey(Object column) {
        return values.containsKey(column);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Collections.unmodifiableMap(values).entrySet();
    }

    public Map<String, Object> toDict() {
        return new LinkedHashMap<>(values);
    }
}
