package dev.sequor.yaml;

import dev.sequor.error.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written. The flow parser reads these instead of plain
 * maps so that every error can point at {@code file:line:col}.
 */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

    SourcePos pos();

    /** The node as plain Java values (LinkedHashMap, ArrayList, String, Long, Double, Boolean, null). */
    Object toPlain();

    /** A short name of the node's kind for "expected X, got Y" messages. */
    String kindName();

    /** A mapping; keys in file order, each with the position of the key itself. */
    record YMap(SourcePos pos, LinkedHashMap<String, YNode> entries, Map<String, SourcePos> keyPos) implements YNode {
        public YNode get(String key) {
            return entries.get(key);
        }

        /** Where the value of {@code key} is written; the map's own position when the key is absent. */
        public SourcePos valuePos(String key) {
            YNode value = entries.get(key);
            return value == null ? pos : value.pos();
        }

        public SourcePos keyPos(String key) {
            SourcePos p = keyPos.get(key);
            return p == null ? pos : p;
        }

        @Override
        public Object toPlain() {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            entries.forEach((k, v) -> m.put(k, v.toPlain()));
            return m;
        }

        @Override
        public String kindName() {
            return "a mapping";
        }
    }

    record YList(SourcePos pos, List<YNode> items) implements YNode {
        @Override
        public Object toPlain() {
            List<Object> l = new ArrayList<>(items.size());
            items.forEach(i -> l.add(i.toPlain()));
            return l;
        }

        @Override
        public String kindName() {
            return "a list";
        }
    }

    /** A scalar: value is String, Long, Double, Boolean or null, typed by the file's {@link ScalarRules}. */
    record YScalar(SourcePos pos, Object value) implements YNode {
        @Override
        public Object toPlain() {
            return value;
        }

        @Override
        public String kindName() {
            if (value == null) {
                return "null";
            }
            return value instanceof String ? "a string" : value instanceof Boolean ? "a boolean" : "a number";
        }
    }

    /**
     * Wraps a plain Java value (e.g. the dict a {@code response_expression} returned) as nodes placed at
     * {@code pos}, so that it can go through the same parser as YAML written in a file.
     */
    static YNode fromPlain(Object value, SourcePos pos) {
        if (value instanceof Map<?, ?> m) {
            LinkedHashMap<String, YNode> entries = new LinkedHashMap<>();
            m.forEach((k, v) -> entries.put(String.valueOf(k), fromPlain(v, pos)));
            return new YMap(pos, entries, Map.of());
        }
        if (value instanceof List<?> l) {
            List<YNode> items = new ArrayList<>(l.size());
            l.forEach(v -> items.add(fromPlain(v, pos)));
            return new YList(pos, items);
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double) {
            return new YScalar(pos, value);
        }
        if (value instanceof Integer i) {
            return new YScalar(pos, i.longValue());
        }
        if (value instanceof Number n && !(value instanceof java.math.BigDecimal)
                && !(value instanceof java.math.BigInteger)) {
            return new YScalar(pos, n.doubleValue());
        }
        return new YScalar(pos, value);
    }
}
