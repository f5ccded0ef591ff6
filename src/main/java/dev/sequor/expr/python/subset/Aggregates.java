package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.util.List;

/** The builtins that fold an iterable into one value: {@code sum}, {@code min}, {@code max}, {@code all}, {@code any}, {@code sorted}. */
final class Aggregates {

    private static final Arity SUM = Arity.of("sum", "iterable", "start").required(1);
    private static final Arity ALL = Arity.unnamed("all", 1, 1);
    private static final Arity ANY = Arity.unnamed("any", 1, 1);
    private static final Arity SORTED = Arity.of("sorted", "$self").keywordOnly("key", "reverse");

    private Aggregates() {
    }

    /**
     * {@code sum(iterable, start=0)}: a left fold with {@code +}, floats added one by one without compensation
     * (GraalPy does not use CPython 3.12's Neumaier summation: {@code sum([0.1] * 10)} is 0.9999999999999999).
     */
    static Object sum(Object[] args, Kwargs kwargs) {
        Object[] a = SUM.bind(args, kwargs);
        Object acc = a[1] == Arity.MISSING ? (Object) 0L : a[1];
        if (acc instanceof String) {
            throw PyExc.typeError("sum() can't sum strings [use ''.join(seq) instead]");
        }
        if (acc instanceof PyBytes) {
            throw PyExc.typeError("sum() can't sum bytes [use b''.join(seq) instead]");
        }
        for (Object x : Items.iterate(a[0])) {
            if (acc instanceof Long s && x instanceof Long y) {
                long r = s + y;
                acc = ((s ^ r) & (y ^ r)) < 0 ? Ints.add(s, y) : (Object) r;
            } else if (acc instanceof Double s && x instanceof Double y) {
                acc = s + y;
            } else {
                acc = Arith.add(acc, x);
            }
        }
        return acc;
    }

    static Object all(Object[] args, Kwargs kwargs) {
        Object[] a = ALL.bind(args, kwargs);
        for (Object x : Items.iterate(a[0])) {
            if (!Py.truthy(x)) {
                return false;
            }
        }
        return true;
    }

    static Object any(Object[] args, Kwargs kwargs) {
        Object[] a = ANY.bind(args, kwargs);
        for (Object x : Items.iterate(a[0])) {
            if (Py.truthy(x)) {
                return true;
            }
        }
        return false;
    }

    static Object sorted(Object[] args, Kwargs kwargs) {
        Object[] a = SORTED.bind(args, kwargs);
        PyList out = new PyList(Items.toList(a[0]));
        Object key = a[1] == Arity.MISSING ? null : a[1];
        Sorting.sort(out.items, key, Sorting.reverseFlag(a[2]));
        return out;
    }

    static Object max(Object[] args, Kwargs kwargs) {
        return extreme("max", ">", args, kwargs);
    }

    static Object min(Object[] args, Kwargs kwargs) {
        return extreme("min", "<", args, kwargs);
    }

    /**
     * {@code max(iterable, *, key=None, default=...)} or {@code max(a, b, *args, key=None)}: the first of the
     * largest, comparing each new item with {@code item > best} (min: {@code <}), as CPython does.
     */
    private static Object extreme(String name, String op, Object[] args, Kwargs kwargs) {
        Arity.varArgs(name, args, kwargs, 1, "a", "key", "default");
        Object key = Arity.kw(kwargs, "key", null);
        Object dflt = Arity.kw(kwargs, "default", Arity.MISSING);
        Iterable<Object> values;
        if (args.length == 1) {
            values = Items.iterate(args[0]);
        } else {
            if (dflt != Arity.MISSING) {
                throw PyExc.typeError("Cannot specify a default for " + name + " with multiple positional arguments");
            }
            values = java.util.Arrays.asList(args);
        }
        Object best = Arity.MISSING;
        Object bestKey = null;
        for (Object x : values) {
            Object k = key == null ? x : Calls.call(key, new Object[] {x}, null);
            if (best == Arity.MISSING) {
                best = x;
                bestKey = k;
                continue;
            }
            int c = Py.compare(k, bestKey, op);
            if (c != Py.NAN_UNORDERED && (op.equals(">") ? c > 0 : c < 0)) {
                best = x;
                bestKey = k;
            }
        }
        if (best == Arity.MISSING) {
            if (dflt != Arity.MISSING) {
                return dflt;
            }
            throw PyExc.valueError(name + "() iterable argument is empty");
        }
        return best;
    }

    /** Used by {@code list.count}-like helpers: how many items equal {@code v}. */
    static int countEq(List<Object> items, Object v) {
        int n = 0;
        for (Object x : items) {
            if (x == v || Py.eq(x, v)) {
                n++;
            }
        }
        return n;
    }

    static boolean isDecimal(Object v) {
        return v instanceof BigDecimal;
    }
}
