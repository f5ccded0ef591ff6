package dev.sequor.expr.python.subset;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code json.dumps}, byte for byte as CPython's encoder writes: item and key separators, indentation, key
 * conversion (int, float, bool and None keys become strings), {@code NaN}/{@code Infinity}, ASCII escaping with
 * surrogate pairs, and {@code default} for what JSON has no form for.
 */
public final class JsonEncoder {

    private final boolean skipKeys;
    private final boolean ensureAscii;
    private final boolean checkCircular;
    private final boolean allowNan;
    private final String indent;
    private final String itemSeparator;
    private final String keySeparator;
    private final Object defaultFn;
    private final boolean sortKeys;
    private final IdentityHashMap<Object, Boolean> markers = new IdentityHashMap<>();
    private final StringBuilder out = new StringBuilder();

    JsonEncoder(boolean skipKeys, boolean ensureAscii, boolean checkCircular, boolean allowNan, String indent,
            String itemSeparator, String keySeparator, Object defaultFn, boolean sortKeys) {
        this.skipKeys = skipKeys;
        this.ensureAscii = ensureAscii;
        this.checkCircular = checkCircular;
        this.allowNan = allowNan;
        this.indent = indent;
        this.itemSeparator = itemSeparator;
        this.keySeparator = keySeparator;
        this.defaultFn = defaultFn;
        this.sortKeys = sortKeys;
    }

    String encode(Object value) {
        write(value, 0);
        return out.toString();
    }

    private void write(Object v, int level) {
        if (level > JsonDecoder.MAX_DEPTH) {
            throw new PyExc(PyExcType.RECURSION_ERROR, "maximum recursion depth exceeded while encoding a JSON object");
        }
        if (v instanceof String s) {
            string(s);
        } else if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (v instanceof Long || v instanceof BigInteger) {
            out.append(v);
        } else if (v instanceof Double d) {
            out.append(floatText(d));
        } else if (v instanceof PyList l) {
            array(v, l.items, level);
        } else if (v instanceof PyTuple t) {
            array(v, t.asList(), level);
        } else if (v instanceof PyDict d) {
            object(d, level);
        } else {
            if (defaultFn == null) {
                throw PyExc.typeError("Object of type " + shortTypeName(v) + " is not JSON serializable");
            }
            enter(v);
            write(Calls.call(defaultFn, new Object[] {v}, null), level);
            markers.remove(v);
        }
    }

    /** The class's {@code __name__}: {@code Decimal}, not {@code decimal.Decimal}. */
    static String shortTypeName(Object v) {
        String name = Py.typeName(v);
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private String floatText(double d) {
        if (!allowNan && (Double.isNaN(d) || Double.isInfinite(d))) {
            throw PyExc.valueError("Out of range float values are not JSON compliant: " + FloatRepr.repr(d));
        }
        return FloatRepr.reprWithJsonNonFinite(d);
    }

    private void enter(Object container) {
        if (checkCircular && markers.put(container, Boolean.TRUE) != null) {
            throw PyExc.valueError("Circular reference detected");
        }
    }

    private void array(Object container, List<Object> items, int level) {
        if (items.isEmpty()) {
            out.append("[]");
            return;
        }
        enter(container);
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            separator(i == 0, level + 1);
            write(items.get(i), level + 1);
        }
        newline(level);
        out.append(']');
        markers.remove(container);
    }

    private void object(PyDict d, int level) {
        if (d.size() == 0) {
            out.append("{}");
            return;
        }
        enter(d);
        List<Map.Entry<Object, Object>> entries = d.entries();
        if (sortKeys) {
            entries = new ArrayList<>(entries);
            entries.sort((a, b) -> {
                int c = Py.compare(a.getKey(), b.getKey(), "<");
                return c == Py.NAN_UNORDERED ? 0 : c;
            });
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<Object, Object> e : entries) {
            String key = keyText(e.getKey());
            if (key == null) {
                continue; // skipkeys
            }
            separator(first, level + 1);
            first = false;
            string(key);
            out.append(keySeparator);
            write(e.getValue(), level + 1);
        }
        newline(level);
        out.append('}');
        markers.remove(d);
    }

    /** The JSON key for a dict key, or null to skip it (skipkeys=True). */
    private String keyText(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Double d) {
            return floatText(d);
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key == null) {
            return "null";
        }
        if (key instanceof Long || key instanceof BigInteger) {
            return key.toString();
        }
        if (skipKeys) {
            return null;
        }
        throw PyExc.typeError("keys must be str, int, float, bool or None, not " + shortTypeName(key));
    }

    /** Before an item: the item separator (not before the first), then the newline and indent when indenting. */
    private void separator(boolean first, int level) {
        if (!first) {
            out.append(itemSeparator);
        }
        newline(level);
    }

    private void newline(int level) {
        if (indent != null) {
            out.append('\n');
            out.append(indent.repeat(level));
        }
    }

    private void string(String s) {
        appendString(out, s, ensureAscii);
    }

    /**
     * A JSON string as Python's json.dumps writes it; with {@code ensureAscii} (its default) everything outside
     * printable ASCII is a {@code \\uXXXX} escape. Also used for request bodies (ops/PythonJsonDumps).
     */
    public static void appendString(StringBuilder out, String s, boolean ensureAscii) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        // Java strings are UTF-16, so a non-BMP character is already the surrogate pair JSON wants
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
