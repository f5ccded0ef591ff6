package dev.sequor.db;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table's columns as its catalog lists them (name as flows read it, {@link Dialect#label}, to type text, in table
 * order), that also answer for any name the database takes for one of them ({@link Dialect#columnKey}): PostgreSQL
 * lists a flattened column named past 63 bytes cut, and the records name it whole; DuckDB and MySQL take a field
 * {@code name} for a column {@code Name} an earlier run made.
 */
final class CatalogColumns extends LinkedHashMap<String, String> {

    private final transient Dialect dialect;
    /** Each column's {@link Dialect#columnKey}, to its name. */
    private final Map<String, String> byKey = new HashMap<>();

    CatalogColumns(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String put(String name, String type) {
        byKey.put(dialect.columnKey(name), name);
        return super.put(name, type);
    }

    @Override
    public String get(Object name) {
        String type = super.get(name);
        return type != null || !(name instanceof String s) ? type : super.get(byKey.get(dialect.columnKey(s)));
    }

    @Override
    public boolean containsKey(Object name) {
        return super.containsKey(name) || name instanceof String s && byKey.containsKey(dialect.columnKey(s));
    }

    @Override
    public String getOrDefault(Object name, String otherwise) {
        String type = get(name);
        return type != null ? type : otherwise;
    }
}
