package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code sorted()} and {@code list.sort()} exactly as GraalPy 25.2 does them (its SortNodes): Java's stable
 * {@code Arrays.sort} with a comparator asking Python's {@code a < b}, then {@code b < a}; {@code reverse=True}
 * reverses, sorts and reverses back, which keeps equal items in their original order. Using the same Java sort
 * with the same comparator makes the same comparisons, so even inconsistent orders (NaN) and TypeErrors come out as
 * in GraalPy. Two GraalPy specifics follow from its storage strategies: a list of floats only, or keys that are all
 * floats, sort in Java's total order of doubles ({@code -0.0} before {@code 0.0}, NaN last); and when Java detects an
 * inconsistent order the sort stops quietly, leaving the list in whatever order it reached.
 */
final class Sorting {

    private Sorting() {
    }

    /** Sorts {@code items} in place; {@code key} may be null (Python's None). */
    static void sort(List<Object> items, Object key, boolean reverse) {
        int n = items.size();
        if (key == null) {
            if (n < 2) {
                return;
            }
            if (allDoubles(items)) {
                items.sort((a, b) -> Double.compare((Double) a, (Double) b));
                reverseIf(reverse, items); // GraalPy's double storage: sort, then reverse
                return;
            }
            reverseIf(reverse, items);
            sortQuietly(items, Sorting::compare);
            reverseIf(reverse, items);
            return;
        }
        if (n == 0) {
            return;
        }
        List<Object[]> keyed = new ArrayList<>(n);
        boolean doubleKeys = true;
        for (Object item : items) {
            Object k = Calls.call(key, new Object[] {item}, null); // computed once per item, even for one item
            doubleKeys &= k instanceof Double;
            keyed.add(new Object[] {k, item});
        }
        if (n < 2) {
            return;
        }
        Comparator<Object> order = doubleKeys ? (a, b) -> Double.compare((Double) a, (Double) b) : Sorting::compare;
        reverseIf(reverse, keyed);
        sortQuietly(keyed, (x, y) -> order.compare(x[0], y[0]));
        reverseIf(reverse, keyed);
        for (int i = 0; i < n; i++) {
            items.set(i, keyed.get(i)[1]);
        }
    }

    private static <T> void sortQuietly(List<T> list, Comparator<? super T> order) {
        try {
            list.sort(order);
        } catch (IllegalArgumentException inconsistentOrder) {
            // GraalPy stops here too: the list stays a permutation of the original
        }
    }

    private static boolean allDoubles(List<Object> items) {
        for (Object x : items) {
            if (!(x instanceof Double)) {
                return false;
            }
        }
        return true;
    }

    private static void reverseIf(boolean reverse, List<?> items) {
        if (reverse) {
            java.util.Collections.reverse(items);
        }
    }

    /** GraalPy's sort comparator: {@code a < b} gives -1, else {@code b < a} gives 1, else 0 (NaN compares equal). */
    private static int compare(Object a, Object b) {
        if (Py.lt(a, b)) {
            return -1;
        }
        return Py.lt(b, a) ? 1 : 0;
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
