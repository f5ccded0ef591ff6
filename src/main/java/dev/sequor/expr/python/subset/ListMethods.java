package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The methods of {@code list} and {@code tuple}, and slice assignment, with GraalPy's messages where they differ from
 * CPython's ({@code [].pop()} is {@code IndexError: index out of range}; {@code [1].index(2)} is
 * {@code ValueError: x not in list}).
 */
final class ListMethods {

    private static final Set<String> NAMES = Set.of("append", "clear", "copy", "count", "extend", "index", "insert",
            "pop", "remove", "reverse", "sort");
    private static final Arity APPEND = Arity.of("list.append", "object").positionalOnly(1).constructor();
    private static final Arity EXTEND = Arity.unnamed("list.extend", 1, 1).constructor();
    private static final Arity COUNT = Arity.unnamed("list.count", 1, 1).constructor();
    private static final Arity INDEX = Arity.of("list.index", "value", "start", "stop").required(1).positionalOnly(3)
            .constructor();
    private static final Arity INSERT = Arity.of("list.insert", "index", "object").positionalOnly(2).constructor();
    private static final Arity POP = Arity.unnamed("list.pop", 0, 1).constructor();
    private static final Arity REMOVE = Arity.unnamed("list.remove", 1, 1).constructor();
    private static final Arity SORT = Arity.of("list.sort").keywordOnly("key", "reverse").constructor();
    private static final Arity TUPLE_COUNT = Arity.unnamed("tuple.count", 1, 1).constructor();
    private static final Arity TUPLE_INDEX = Arity.of("tuple.index", "value", "start", "stop").required(1)
            .positionalOnly(3).constructor();

    private ListMethods() {
    }

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    static Object call(PyList self, String name, Object[] args, Kwargs kwargs) {
        ArrayList<Object> items = self.items;
        switch (name) {
            case "append" -> items.add(APPEND.bind(args, kwargs)[0]);
            case "extend" -> {
                Object source = EXTEND.bind(args, kwargs)[0];
                items.addAll(Items.toList(source)); // a snapshot first, so l.extend(l) doubles l once
            }
            case "count" -> {
                return (long) Aggregates.countEq(items, COUNT.bind(args, kwargs)[0]);
            }
            case "index" -> {
                Object[] a = INDEX.bind(args, kwargs);
                return index(items, a, "x not in list");
            }
            case "insert" -> {
                Object[] a = INSERT.bind(args, kwargs);
                long i = asLong(a[0], PyExcType.OVERFLOW_ERROR);
                int size = items.size();
                if (i < 0) {
                    i = Math.max(0, i + size);
                }
                items.add((int) Math.min(i, size), a[1]);
            }
            case "pop" -> {
                Object[] a = POP.bind(args, kwargs);
                long i = a[0] == Arity.MISSING ? -1 : asLong(a[0], PyExcType.INDEX_ERROR);
                int size = items.size();
                if (i < 0) {
                    i += size;
                }
                if (size == 0) {
                    throw PyExc.indexError("pop from empty list");
                }
                if (i < 0 || i >= size) {
                    throw PyExc.indexError("pop index out of range");
                }
                return items.remove((int) i);
            }
            case "remove" -> {
                Object x = REMOVE.bind(args, kwargs)[0];
                int i = indexOf(items, x, 0, items.size());
                if (i < 0) {
                    throw PyExc.valueError("list.remove(x): x not in list");
                }
                items.remove(i);
            }
            case "reverse" -> {
                noArgs("list.reverse", args, kwargs);
                java.util.Collections.reverse(items);
            }
            case "sort" -> {
                Object[] a = SORT.bind(args, kwargs);
                Object key = a[0] == Arity.MISSING ? null : a[0];
                Sorting.sort(items, key, Sorting.reverseFlag(a[1]));
            }
            case "clear" -> {
                noArgs("list.clear", args, kwargs);
                items.clear();
            }
            case "copy" -> {
                noArgs("list.copy", args, kwargs);
                return new PyList(items);
            }
            default -> {
                return Attrs.NO_METHOD;
            }
        }
        return null;
    }

    static Object callTuple(PyTuple self, String name, Object[] args, Kwargs kwargs) {
        return switch (name) {
            case "count" -> (long) Aggregates.countEq(self.asList(), TUPLE_COUNT.bind(args, kwargs)[0]);
            case "index" -> index(self.asList(), TUPLE_INDEX.bind(args, kwargs), "tuple.index(x): x not in tuple");
            default -> Attrs.NO_METHOD;
        };
    }

    private static void noArgs(String name, Object[] args, Kwargs kwargs) {
        Arity.unnamed(name, 0, 0).constructor().bind(args, kwargs);
    }

    /** {@code seq.index(value[, start[, stop]])}: start and stop are clamped like slice bounds. */
    private static Object index(List<Object> items, Object[] a, String notFound) {
        int size = items.size();
        int start = a[1] == Arity.MISSING ? 0 : sliceBound(a[1], size);
        int stop = a[2] == Arity.MISSING ? size : sliceBound(a[2], size);
        int i = indexOf(items, a[0], start, stop);
        if (i < 0) {
            throw PyExc.valueError(notFound);
        }
        return (long) i;
    }

    private static int sliceBound(Object v, int size) {
        if (!Ints.isInt(v)) {
            throw PyExc.typeError("slice indices must be integers or have an __index__ method");
        }
        Object i = Ints.of(v);
        long n = i instanceof Long l ? l : (((java.math.BigInteger) i).signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2);
        if (n < 0) {
            n = Math.max(0, n + size);
        }
        return (int) Math.min(n, size);
    }

    private static int indexOf(List<Object> items, Object x, int start, int stop) {
        for (int i = start; i < Math.min(stop, items.size()); i++) {
            Object v = items.get(i);
            if (v == x || Py.eq(v, x)) {
                return i;
            }
        }
        return -1;
    }

    /** An index argument as a long; past 64 bits GraalPy raises {@code tooBig} (IndexError for pop, OverflowError for insert). */
    private static long asLong(Object v, PyExcType tooBig) {
        Object i = NumberBuiltins.index(v);
        if (i instanceof Long l) {
            return l;
        }
        throw new PyExc(tooBig, "cannot fit 'int' into an index-sized integer");
    }

    /**
     * {@code l[slice] = value}: a step-1 slice is replaced by all the values (the list may grow or shrink); an
     * extended slice needs exactly as many values as it selects.
     */
    static void assignSlice(PyList self, PySlice slice, Object value) {
        List<Object> values = Items.toList(value); // a snapshot first, so l[:] = l works
        ArrayList<Object> items = self.items;
        int[] ix = slice.indices(items.size());
        int start = ix[0];
        int step = ix[2];
        int count = ix[3];
        if (step == 1) {
            int stop = Math.max(start, ix[1]);
            items.subList(start, stop).clear();
            items.addAll(start, values);
            return;
        }
        if (values.size() != count) {
            throw PyExc.valueError("attempt to assign sequence of size " + values.size() + " to extended slice of size "
                    + count);
        }
        for (int k = 0, i = start; k < count; k++, i += step) {
            items.set(i, values.get(k));
        }
    }
}
