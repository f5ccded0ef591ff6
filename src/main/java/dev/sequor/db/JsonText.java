package dev.sequor.db;

import java.math.BigDecimal;
import java.math.BigInteger;
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

    /** The JSON text of {@code value}, or null if it holds something this writer does not write. */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder(64);
        return append(sb, value, 0) ? sb.toString() : null;
    }

    private static boolean append(StringBuilder sb, Object v, int depth) {
        switch (v) {
            case null -> sb.append("null");
            case String s -> string(sb, s);
            case Boolean b -> sb.append(b ? "true" : "false");
            case Integer i -> sb.append(i.intValue());
            case Long l -> sb.append(l.longValue());
            case Double d -> {
                double x = d;
                if (Double.isNaN(x) || Double.isInfinite(x)) {
                    sb.append('"').append(x).append('"');
                } else {
                    sb.append(x);
                }
            }
            case Map<?, ?> m -> {
                if (depth >= MAX_DEPTH) {
                    return false;
                }
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    String key = key(e.getKey());
                    if (key == null) {
                        return false;
                    }
                    string(sb, key);
                    sb.append(':');
                    if (!append(sb, e.getValue(), depth + 1)) {
                        return false;
                    }
                }
                sb.append('}');
            }
            case Collection<?> c -> {
                if (depth >= MAX_DEPTH) {
                    return false;
                }
                sb.append('[');
                boolean first = true;
                for (Object o : c) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    if (!append(sb, o, depth + 1)) {
                        return false;
                    }
                }
                sb.append(']');
            }
            case Object[] a -> {
                if (depth >= MAX_DEPTH) {
                    return false;
                }
                sb.append('[');
                for (int i = 0; i < a.length; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    if (!append(sb, a[i], depth + 1)) {
                        return false;
                    }
                }
                sb.append(']');
            }
            case Short s -> sb.append(s.shortValue());
            case Byte b -> sb.append(b.byteValue());
            case BigInteger i -> sb.append(i);
            case BigDecimal d -> sb.append(d);
            case Float f -> {
                float x = f;
                if (Float.isNaN(x) || Float.isInfinite(x)) {
                    sb.append('"').append(x).append('"');
                } else {
                    sb.append(x);
                }
            }
            default -> {
                return false;
            }
        }
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
        sb.append('"');
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
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
}
