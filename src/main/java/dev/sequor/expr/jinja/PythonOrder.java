package dev.sequor.expr.jinja;

import dev.sequor.expr.python.subset.Strs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How Jinja2's {@code sort}, {@code max} and {@code min} order values: Python's {@code <} (numbers and booleans by
 * value, text by code point, lists item by item; other pairs are a TypeError), compared on an attribute when one is
 * given ({@code attribute='price'}, {@code 'customer.name'}, or {@code 'a,b'} for sort) and, unless case_sensitive,
 * with text lowered.
 */
final class PythonOrder {

    private PythonOrder() {
    }

    /** Python's {@code a < b} as a comparator. */
    static final Comparator<Object> NATURAL = PythonOrder::compare;

    /** The values a filter compares: the attribute(s) of each item, lowered unless case-sensitive. */
    static Function<Object, Object> key(String attribute, boolean caseSensitive, boolean several) {
        List<String[]> paths = new ArrayList<>();
        if (attribute != null) {
            for (String one : several ? attribute.split(",") : new String[] {attribute}) {
                paths.add(one.strip().split("\\."));
            }
        }
        return item -> {
            if (paths.isEmpty()) {
                return lowered(item, caseSensitive);
            }
            List<Object> keys = new ArrayList<>(paths.size());
            for (String[] path : paths) {
                Object value = item;
                for (String part : path) {
                    value = attributeOf(value, part);
                }
                keys.add(lowered(value, caseSensitive));
            }
            return keys.size() == 1 ? keys.getFirst() : keys;
        };
    }

    static Object attributeOf(Object value, String part) {
        if (value instanceof Map<?, ?> map && map.containsKey(part)) {
            return map.get(part);
        }
        if (value instanceof List<?> list && part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
            int i = Integer.parseInt(part);
            if (i < list.size()) {
                return list.get(i);
            }
        }
        throw TemplateValueException.noAttribute(value, part);
    }

    private static Object lowered(Object value, boolean caseSensitive) {
        return !caseSensitive && value instanceof String s ? s.toLowerCase(Locale.ROOT) : value;
    }

    private static int compare(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isNaN(a) || isNaN(b)) {
                // Python's < is false both ways with a NaN, which leaves its place in a sort arbitrary; first, here
                return Boolean.compare(!isNaN(a), !isNaN(b));
            }
            return number(a).compareTo(number(b));
        }
        if (a instanceof String x && b instanceof String y) {
            return Strs.compare(x, y);
        }
        if (a instanceof Collection<?> x && b instanceof Collection<?> y) {
            List<?> l = new ArrayList<>(x);
            List<?> r = new ArrayList<>(y);
            for (int i = 0; i < Math.min(l.size(), r.size()); i++) {
                int c = compare(l.get(i), r.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(l.size(), r.size());
        }
        throw new TemplateValueException("'<' not supported between instances of '" + PythonStr.typeName(a) + "' and '"
                + PythonStr.typeName(b) + "'");
    }

    private static boolean isNumber(Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    private static boolean isNaN(Object v) {
        return v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN();
    }

    private static BigDecimal number(Object v) {
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isInfinite(d) ? BigDecimal.valueOf(d > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE)
                    .multiply(BigDecimal.TEN) : new BigDecimal(d);
        }
        return new BigDecimal(v.toString());
    }
}
