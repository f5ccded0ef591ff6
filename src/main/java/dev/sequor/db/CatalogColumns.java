package dev.sequor.db;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table's columns as its catalog lists them (name as flows read it, {@link Dialect#label}, to type text, in table
 * order), that also answer for any name the database stores as one of them ({@link Dialect#stored}): PostgreSQL lists
 * a flattened column named past 63 bytes cut, and the records name it whole.
 */
final class CatalogColumns extends LinkedHashMap<String, String> {

    private final transient Dialect dialect;
    /** The stored form of each column's name, to that name. */
    private final Map<String, String> byStored = new HashMap<>();

    CatalogColumns(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String put(String name, String type) {
        byStored.put(dialect.stored(name), name);
        return super.put(name, type);
    }

    @Override
    public String get(Object name) {
        String type = super.get(name);
        return type != null || !(name instanceof String s) ? type : super.get(byStored.get(dialect.stored(s)));
    }

    @Override
    public boolean containsKey(Object name) {
        return super.containsKey(name) || name instanceof String s && byStored.containsKey(dialect.stored(s));
    }

    @Override
    public String getOrDefault(Object name, String otherwise) {
        String type = get(name);
        return type != null ? type : otherwise;
    }
}
