package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The builtin classes that wrap iterables lazily: {@code enumerate}, {@code zip}, {@code map}, {@code filter},
 * {@code reversed}. Each reads its inputs only as far as it is read itself, so {@code map(f, xs)} calls {@code f}
 * once per value consumed, as in Python.
 */
final class IteratorBuiltins {

    private static final Arity ENUMERATE = Arity.of("enumerate", "iterable", "start").required(1).constructor();
    private static final Arity REVERSED = Arity.unnamed("reversed", 1, 1).constructor();

    static final PyType ENUMERATE_TYPE = type("enumerate", IteratorBuiltins::enumerate);
    static final PyType ZIP_TYPE = type("zip", IteratorBuiltins::zip);
    static final PyType MAP_TYPE = type("map", IteratorBuiltins::map);
    static final PyType FILTER_TYPE = type("filter", IteratorBuiltins::filter);
    static final PyType REVERSED_TYPE = type("reversed", IteratorBuiltins::reversed);

    private IteratorBuiltins() {
    }

    /** The registered class of an iterator kind ({@code type(enumerate(x)) is enumerate}), or null. */
    static PyType typeNamed(String name) {
        return switch (name) {
            case "enumerate" -> ENUMERATE_TYPE;
            case "zip" -> ZIP_TYPE;
            case "map" -> MAP_TYPE;
            case "filter" -> FILTER_TYPE;
            case "reversed" -> REVERSED_TYPE;
            default -> null;
        };
    }

    private static PyType type(String name, PyCallable constructor) {
        return new PyType(name, null, v -> v instanceof PyIterator it && it.typeName().equals(name), constructor);
    }

    static Object enumerate(Object[] args, Kwargs kwargs) {
        Object[] a = ENUMERATE.bind(args, kwargs);
        Iterator<Object> it = Items.iterate(a[0]).iterator();
        if (a[1] instanceof Boolean) {
            throw PyExc.typeError("'bool' object cannot be interpreted as an integer"); // GraalPy refuses bool here
        }
        Object start = a[1] == Arity.MISSING ? (Object) 0L : NumberBuiltins.index(a[1]);
        return new PyIterator("enumerate", new Iterator<>() {
            private Object i = start;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object next() {
                Object v = it.next();
                Object n = i;
                i = Ints.add(i, 1L);
                return PyTuple.of(n, v);
            }
        });
    }

    /** {@code zip(*iterables, strict=False)}; with strict, unequal lengths are GraalPy's ValueError. */
    static Object zip(Object[] args, Kwargs kwargs) {
        boolean strict = false;
        if (kwargs != null) {
            for (var e : kwargs.entrySet()) {
                if (!e.getKey().equals("strict")) {
                    throw PyExc.typeError("'" + e.getKey() + "' is an invalid keyword argument for zip");
                }
                strict = Py.truthy(e.getValue());
            }
        }
        List<Iterator<Object>> its = new ArrayList<>(args.length);
        for (Object a : args) {
            its.add(Items.iterate(a).iterator());
        }
        boolean checkLengths = strict;
        return new PyIterator("zip", new PyIterator.Lookahead() {
            private boolean done;

            @Override
            Object compute() {
                if (done || its.isEmpty()) {
                    return end();
                }
                Object[] tuple = new Object[its.size()];
                for (int i = 0; i < tuple.length; i++) {
                    if (!its.get(i).hasNext()) {
                        done = true;
                        if (checkLengths) {
                            checkRestEmpty(i);
                        }
                        return end();
                    }
                    tuple[i] = its.get(i).next();
                }
                return new PyTuple(tuple);
            }

            /** Iterator i ended: the others must end at the same point. */
            private void checkRestEmpty(int i) {
                if (i > 0) {
                    throw PyExc.valueError("zip() argument " + (i + 1) + " is shorter than argument" + (i == 1 ? " 1" : "s 1-" + i));
                }
                for (int j = 1; j < its.size(); j++) {
                    if (its.get(j).hasNext()) {
                        throw PyExc.valueError("zip() argument " + (j + 1) + " is longer than argument" + (j == 1 ? " 1" : "s 1-" + j));
                    }
                }
            }
        });
    }

    static Object map(Object[] args, Kwargs kwargs) {
        if (kwargs != null && !kwargs.isEmpty()) {
            throw PyExc.typeError("map() takes no keyword arguments");
        }
        if (args.length < 2) {
            throw PyExc.typeError("map() must have at least two arguments");
        }
        Object fn = args[0];
        List<Iterator<Object>> its = new ArrayList<>(args.length - 1);
        for (int i = 1; i < args.length; i++) {
            its.add(Items.iterate(args[i]).iterator());
        }
        return new PyIterator("map", new PyIterator.Lookahead() {
            @Override
            Object compute() {
                Object[] values = new Object[its.size()];
                for (int i = 0; i < values.length; i++) {
                    if (!its.get(i).hasNext()) {
                        return end();
                    }
                    values[i] = its.get(i).next();
                }
                return Calls.call(fn, values, null);
            }
        });
    }

    static Object filter(Object[] args, Kwargs kwargs) {
        if (kwargs != null && !kwargs.isEmpty()) {
            throw PyExc.typeError("filter() takes no keyword arguments");
        }
        if (args.length != 2) {
            throw PyExc.typeError("filter expected 2 arguments, got " + args.length);
        }
        Object fn = args[0];
        Iterator<Object> it = Items.iterate(args[1]).iterator();
        return new PyIterator("filter", new PyIterator.Lookahead() {
            @Override
            Object compute() {
                while (it.hasNext()) {
                    Object v = it.next();
                    if (Py.truthy(fn == null ? v : Calls.call(fn, new Object[] {v}, null))) {
                        return v;
                    }
                }
                return end();
            }
        });
    }

    /**
     * {@code reversed(seq)} for the sequences and dicts; sets and other iterables are not reversible. Type names are
     * GraalPy's ({@code reversed}, {@code dict_keyiterator}, {@code iterator} for a range). Lists are read
     * live from the end, as CPython's list_reverseiterator does (an index that falls past a shrunk list ends it).
     */
    static Object reversed(Object[] args, Kwargs kwargs) {
        Object seq = REVERSED.bind(args, kwargs)[0];
        if (seq instanceof PyList l) {
            return new PyIterator("reversed", new Iterator<>() {
                private int i = l.items.size() - 1;

                @Override
                public boolean hasNext() {
                    return i >= 0 && i < l.items.size();
                }

                @Override
                public Object next() {
                    return l.items.get(i--);
                }
            });
        }
        if (seq instanceof PyRange r) {
            return new PyIterator("iterator", r.reverseIterator());
        }
        if (seq instanceof PyDict d) {
            List<Object> keys = d.keys();
            java.util.Collections.reverse(keys);
            return new PyIterator("dict_keyiterator", keys.iterator());
        }
        if (seq instanceof DictView v) {
            return new PyIterator(v.reverseTypeName(), v.reversedValues().iterator());
        }
        if (seq instanceof String || seq instanceof PyTuple || seq instanceof PyBytes) {
            List<Object> values = Items.toList(seq);
            java.util.Collections.reverse(values);
            return new PyIterator("reversed", values.iterator());
        }
        throw PyExc.typeError("'" + Py.typeName(seq) + "' object is not reversible");
    }
}
