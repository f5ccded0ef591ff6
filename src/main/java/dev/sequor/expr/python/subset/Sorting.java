package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code sorted()} and {@code list.sort()}: stable, with Python's ordering ({@link Py#compare}) on the items or on
 * their keys. Java's List.sort is a TimSort ported from CPython's, and for fewer than 32 items both make exactly the
 * same comparisons in the same order, so even a TypeError names the same operand types. {@code reverse=True} does
 * what CPython does: reverse, sort, reverse again, which keeps equal items in their original order (reversing the
 * sorted list would not) and makes the same comparisons. One difference remains: when the ordering is not consistent (NaN keys), Python's result is
 * "whatever the algorithm produced"; on 32 items or more ours may then differ, and a contract violation detected by
 * Java is reported as a ValueError.
 */
final class Sorting {

    private Sorting() {
    }

    /** Sorts {@code items} in place; {@code key} may be null (Python's None). */
    static void sort(List<Object> items, Object key, boolean reverse) {
        if (items.size() < 2) {
            if (key != null && items.size() == 1) {
                Calls.call(key, new Object[] {items.get(0)}, null); // Python computes the key even for one item
            }
            return;
        }
        Comparator<Object> order = Sorting::compare;
        try {
            if (key == null) {
                reverseIf(reverse, items);
                items.sort(order);
                reverseIf(reverse, items);
                return;
            }
            List<Object[]> keyed = new ArrayList<>(items.size());
            for (Object item : items) {
                keyed.add(new Object[] {Calls.call(key, new Object[] {item}, null), item});
            }
            reverseIf(reverse, keyed);
            keyed.sort((x, y) -> order.compare(x[0], y[0]));
            reverseIf(reverse, keyed);
            for (int i = 0; i < keyed.size(); i++) {
                items.set(i, keyed.get(i)[1]);
            }
        } catch (IllegalArgumentException inconsistent) {
            throw PyExc.valueError("sort: the items have no consistent order (NaN among them?)");
        }
    }

    private static void reverseIf(boolean reverse, List<?> items) {
        if (reverse) {
            java.util.Collections.reverse(items);
        }
    }

    /**
     * Three-way compare from Python's {@code <}: CPython's sort only ever asks {@code a < b}; an unordered pair (NaN)
     * is "not less" both ways, i.e. equal.
     */
    private static int compare(Object a, Object b) {
        int c = Py.compare(a, b, "<");
        return c == Py.NAN_UNORDERED ? 0 : Integer.signum(c);
    }

    /** Python's truth of {@code reverse=}: an int-like value (None counts as false), else TypeError as GraalPy says. */
    static boolean reverseFlag(Object v) {
        if (v == null || v == Arity.MISSING) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof java.math.BigInteger) {
            return true;
        }
        throw PyExc.typeError("'" + Py.typeName(v) + "' object cannot be interpreted as an integer");
    }
}
