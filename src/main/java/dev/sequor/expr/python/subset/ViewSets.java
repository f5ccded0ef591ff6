package dev.sequor.expr.python.subset;

import dev.sequor.expr.python.syntax.Node.BinOperator;

/**
 * The set operations of keys and items views ({@code d.keys() & other}, {@code d.items() <= a_set},
 * {@code d.keys().isdisjoint(xs)}), following CPython 3.12's dictobject.c: the operators take a view on either side
 * and any iterable on the other, and answer a new {@code set}; comparisons hold between views and sets only. Values
 * views have none of this, as in Python. The items kept when two operands hold equal ones ({@code 1} and
 * {@code 1.0}) are CPython's; the order of the resulting set is the one CPython's algorithm inserts in, which may
 * not be GraalPy's (set order is not Python's to promise, see docs/python-subset.md).
 */
final class ViewSets {

    private ViewSets() {
    }

    /** A keys or items view: the views with set behaviour (CPython's PyDictViewSet_Check). */
    static boolean isSetLike(Object v) {
        return v instanceof DictView view && view.isSetLike();
    }

    /** {@code a op b} when either side is a keys or items view, else null (not ours: the caller goes on). */
    static Object operator(BinOperator op, Object a, Object b) {
        if (!isSetLike(a) && !isSetLike(b)) {
            return null;
        }
        return switch (op) {
            case BITAND -> intersect(a, b);
            case BITOR -> {
                // dictviews_or: set(a), updated with b, whichever side the view is on
                PySet out = toSet(a);
                Items.iterate(b).forEach(out::add);
                yield out;
            }
            case SUB -> {
                PySet out = toSet(a);
                for (Object x : Items.iterate(b)) {
                    out.discard(x);
                }
                yield out;
            }
            case BITXOR -> {
                // set(a).symmetric_difference_update(b): b is made a set first, so its duplicates count once
                PySet out = toSet(a);
                for (Object x : toSet(b).items()) {
                    if (!out.discard(x)) {
                        out.add(x);
                    }
                }
                yield out;
            }
            default -> null;
        };
    }

    /** _PyDictView_Intersect: iterates the other operand, or the smaller one when both are sized like sets. */
    private static PySet intersect(Object a, Object b) {
        DictView self = (DictView) (isSetLike(a) ? a : b);
        Object other = self == a ? b : a;
        PySet out = new PySet();
        if (other instanceof PySet s && self.len() <= s.size()) {
            // CPython reuses set.intersection(view): it iterates the view and keeps the view's items
            for (Object x : self.values()) {
                if (s.contains(x)) {
                    out.add(x);
                }
            }
            return out;
        }
        if (other instanceof DictView o && isSetLike(o) && o.len() > self.len()) {
            other = self;
            self = o;
        }
        for (Object x : Items.iterate(other)) {
            if (self.contains(x)) {
                out.add(x);
            }
        }
        return out;
    }

    /** dictviews_to_set: {@code set(v)}, so a non-iterable operand is "'int' object is not iterable". */
    private static PySet toSet(Object v) {
        PySet out = new PySet();
        Items.iterate(v).forEach(out::add);
        return out;
    }

    /**
     * {@code a op b} for {@code == != < <= > >=} when one side is a keys or items view and the other a set or such a
     * view (dictview_richcompare, reached reflected when the set is on the left); null when it does not apply.
     */
    static Boolean compare(String op, Object a, Object b) {
        boolean aSet = a instanceof PySet || isSetLike(a);
        boolean bSet = b instanceof PySet || isSetLike(b);
        if (!(isSetLike(a) || isSetLike(b)) || !aSet || !bSet) {
            return null;
        }
        int lenA = Items.len(a);
        int lenB = Items.len(b);
        return switch (op) {
            case "==" -> lenA == lenB && allContainedIn(a, b);
            case "!=" -> !(lenA == lenB && allContainedIn(a, b));
            case "<" -> lenA < lenB && allContainedIn(a, b);
            case "<=" -> lenA <= lenB && allContainedIn(a, b);
            case ">" -> lenA > lenB && allContainedIn(b, a);
            case ">=" -> lenA >= lenB && allContainedIn(b, a);
            default -> null;
        };
    }

    /** Every item of {@code self} is in {@code other}: a set then hashes items, so an unhashable one is a TypeError. */
    private static boolean allContainedIn(Object self, Object other) {
        for (Object x : Items.iterate(self)) {
            if (!Items.contains(other, x)) {
                return false;
            }
        }
        return true;
    }

    /** {@code view.isdisjoint(other)}: iterates the other operand, or the smaller of two set-like ones. */
    static boolean isDisjoint(DictView self, Object other) {
        if (self == other) {
            return self.len() == 0;
        }
        Object container = self;
        Object iterated = other;
        if ((other instanceof PySet || isSetLike(other)) && Items.len(other) > self.len()) {
            container = other;
            iterated = self;
        }
        for (Object x : Items.iterate(iterated)) {
            if (Items.contains(container, x)) {
                return false;
            }
        }
        return true;
    }
}
