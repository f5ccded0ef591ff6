package dev.sequor.db;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Compact JSON text of the plain values landed into JSON columns (maps, lists, arrays, strings, booleans, numbers,
 * null), written by hand because Jackson's per-value set-up cost dominated landing nested records. The text is exactly
 * what {@link ValueText#json}'s Jackson mapper writes for the same value: map entries in iteration order; only quotes,
 * backslashes and control characters escaped (the two-character escapes where JSON has them, else a six-character
 * escape in upper-case hex); doubles and floats as {@link Double#toString}/{@link Float#toString} (NaN and the
 * infinities as quoted strings); BigDecimal as {@link BigDecimal#toString}; number map keys by their toString.
 * {@link #write} returns null for anything else anywhere inside the value (dates, bytes, null keys, other objects,
 * very deep nesting), and the caller then writes the whole value with Jackson, so the text never depends on which
 * writer wrote it.
 */
final class JsonText {

    /** Deeper values go to Jackson, which enforces its own nesting limit (1000) with its own error. */
    private static final int MAX_DEPTH = 500;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonText() {
    }

    /**
     * Whether JSON text holds the NUL character: the escape {@code \\u0000} (as this writer and Jackson write it),
     * not an escaped backslash followed by {@code u0000}.
     */
    static boolean holdsNul(String json) {
        for (int at = json.indexOf("u0000"); at >= 0; at = json.indexOf("u0000", at + 5)) {
            int backslashes = 0;
            while (at - backslashes - 1 >= 0 && json.charAt(at - backslashes - 1) == '\\') {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                return true;
            }
        }
        return false;
    }

    /** The JSON text of {@code value}, or null if it holds something this writer does not write. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder(64);
        return append(sb, value, 0) ? sb.toString() : null;
    }

    private static boolean append(StringBuilder sb, Object v, int depth) {
        // the common kinds of value first
        if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Map<?, ?> m) {
            return depth < MAX_DEPTH && object(sb, m, depth + 1);
        } else if (v instanceof Collection<?> c) {
            return depth < MAX_DEPTH && array(sb, c, depth + 1);
        } else if (v instanceof Integer i) {
            sb.append(i.intValue());
        } else if (v instanceof Long l) {
            sb.append(l.longValue());
        } else if (v instanceof Double d) {
            double x = d;
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                sb.append('"').append(x).append('"');
            } else {
                sb.append(x);
            }
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v == null) {
            sb.append("null");
        } else if (v instanceof Object[] a) {
            return depth < MAX_DEPTH && array(sb, Arrays.asList(a), depth + 1);
        } else if (v instanceof BigDecimal || v instanceof BigInteger || v instanceof Short || v instanceof Byte) {
            sb.append(v);
        } else if (v instanceof Float f) {
            float x = f;
            if (Float.isNaN(x) || Float.isInfinite(x)) {
                sb.append('"').append(x).append('"');
            } else {
                sb.append(x);
            }
        } else {
            return false;
        }
        return true;
    }

    private static boolean object(StringBuilder sb, Map<?, ?> m, int depth) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = key(e.getKey());
            if (key == null) {
                return false;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, key);
            sb.append(':');
            if (!append(sb, e.getValue(), depth)) {
                return false;
            }
        }
        sb.append('}');
        return true;
    }

    private static boolean array(StringBuilder sb, Collection<?> c, int depth) {
        sb.append('[');
        boolean first = true;
        for (Object o : c) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            if (!append(sb, o, depth)) {
                return false;
            }
        }
        sb.append(']');
        return true;
    }

    /** A map key as Jackson writes it: strings as they are, numbers by toString; null for anything else. */
    private static String key(Object k) {
        return switch (k) {
            case String s -> s;
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case Short s -> s.toString();
            case Byte b -> b.toString();
            case Double d -> d.toString();
            case Float f -> f.toString();
            case BigInteger i -> i.toString();
            case BigDecimal d -> d.toString();
            case null, default -> null;
        };
    }

    private static void string(StringBuilder sb, String s) {
        int n = s.length();
        int first = 0;
        while (first < n && !escaped(s.charAt(first))) {
            first++;
        }
        if (first == n) {
            // the usual case, copied whole
            sb.append('"').append(s).append('"');
            return;
        }
        sb.append('"');
        int start = 0;
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            if (escaped(c)) {
                sb.append(s, start, i);
                start = i + 1;
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\b' -> sb.append("\\b");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\f' -> sb.append("\\f");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                }
            }
        }
        sb.append(s, start, n).append('"');
    }

    private static boolean escaped(char c) {
        return c < 0x20 || c == '"' || c == '\\';
    }
}
