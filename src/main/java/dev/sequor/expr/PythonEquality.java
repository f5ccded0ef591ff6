package dev.sequor.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Python's {@code ==} and the order of numbers over plain Java values (numbers of any Java type, booleans as 1 and 0,
 * strings, maps, collections, map entries as pairs), for what compares JSON-like values as Python does: templates'
 * operators and tests, and response paths' {@code contains}. Free of any template engine's classes, so a path reads
 * it without loading one.
 */
public final class PythonEquality {

    /** A value that is a Python tuple: equal to a tuple with equal items, never to a list. */
    public interface Tuple {
    }

    private PythonEquality() {
    }

    /** Python's {@code a == b}. */
    public static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (isNumber(a) && isNumber(b)) {
            return !isNaN(a) && !isNaN(b) && compareNumbers(a, b) == 0;
        }
        if (a instanceof CharSequence x && b instanceof CharSequence y) {
            return x.toString().equals(y.toString());
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map.Entry<?, ?> e) {
            return equal(List.of(entryList(e)), b);
        }
        if (b instanceof Map.Entry<?, ?> e) {
            return equal(a, List.of(entryList(e)));
        }
        if (a instanceof Collection<?> x && b instanceof Collection<?> y) {
            if ((a instanceof Tuple) != (b instanceof Tuple) || x.size() != y.size()) {
                return false;
            }
            Iterator<?> j = y.iterator();
            for (Object item : x) {
                if (!equal(item, j.next())) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static Object[] entryList(Map.Entry<?, ?> e) {
        return new Object[] {e.getKey(), e.getValue()};
    }

    /** Whether Python takes {@code v} for a number (a boolean is one). */
    public static boolean isNumber(Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    public static boolean isNaN(Object v) {
        return v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN();
    }

    /** The order of two numbers, neither NaN, by exact value (an int against a float's binary value, as Python). */
    public static int compareNumbers(Object a, Object b) {
        if (isInfinite(a) || isInfinite(b)) {
            return Double.compare(number(a).doubleValue(), number(b).doubleValue());
        }
        return exact(a).compareTo(exact(b));
    }

    private static boolean isInfinite(Object v) {
        return v instanceof Double d && d.isInfinite() || v instanceof Float f && f.isInfinite();
    }

    private static Number number(Object v) {
        return v instanceof Boolean b ? (Number) (b ? 1L : 0L) : (Number) v;
    }

    private static BigDecimal exact(Object v) {
        Number n = number(v);
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
