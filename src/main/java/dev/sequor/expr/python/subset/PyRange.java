package dev.sequor.expr.python.subset;

import java.util.Iterator;

/**
 * Python's {@code range}: lazy, with {@code len}, indexing, slicing (a slice of a range is a range), {@code in}
 * computed arithmetically, equality as sequences ({@code range(0) == range(2, 2)}) and {@code count}/{@code index}.
 * Bounds are longs; a bound past 64 bits is refused with OverflowError (CPython accepts it, but no snippet needs it).
 * Values stay between start and stop, so {@code start + i * step} cannot overflow for {@code i < len}.
 */
final class PyRange implements PyObject, Items.PyIterable, Items.Subscriptable, Items.Container, Py.Sized,
        Repr.HasRepr {

    static final PyType TYPE = new PyType("range", null, v -> v instanceof PyRange, PyRange::make);

    private static final Arity ARITY = Arity.unnamed("range", 1, 3).constructor();

    final long start;
    final long stop;
    final long step;
    private final long length;

    PyRange(long start, long stop, long step) {
        if (step == 0) {
            throw PyExc.valueError("range() arg 3 must not be zero");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
        java.math.BigInteger span = step > 0
                ? java.math.BigInteger.valueOf(stop).subtract(java.math.BigInteger.valueOf(start))
                : java.math.BigInteger.valueOf(start).subtract(java.math.BigInteger.valueOf(stop));
        java.math.BigInteger absStep = java.math.BigInteger.valueOf(step).abs();
        java.math.BigInteger n = span.signum() <= 0 ? java.math.BigInteger.ZERO
                : span.subtract(java.math.BigInteger.ONE).divide(absStep).add(java.math.BigInteger.ONE);
        if (n.bitLength() > 62) {
            throw PyExc.overflow("range too long for the Java evaluator");
        }
        this.length = n.longValue();
    }

    /** {@code range(stop)}, {@code range(start, stop[, step])}. */
    static PyRange make(Object[] args, Kwargs kwargs) {
        if (kwargs != null && !kwargs.isEmpty()) {
            throw PyExc.typeError("range() got an unexpected keyword argument '" + kwargs.keySet().iterator().next() + "'");
        }
        Object[] a = ARITY.bind(args, null);
        if (args.length == 1) {
            return new PyRange(0, bound(a[0]), 1);
        }
        return new PyRange(bound(a[0]), bound(a[1]), args.length == 3 ? bound(a[2]) : 1);
    }

    private static long bound(Object v) {
        Object i = Ints.of(v);
        if (i instanceof Long l) {
            return l;
        }
        if (i instanceof java.math.BigInteger) {
            throw PyExc.overflow("range bounds beyond 64 bits are not supported by the Java evaluator");
        }
        throw PyExc.typeError("'" + Py.typeName(v) + "' object cannot be interpreted as an integer");
    }

    @Override
    public int len() {
        if (length > Integer.MAX_VALUE) {
            throw PyExc.overflow("Python int too large to convert to C ssize_t");
        }
        return (int) length;
    }

    private long at(long i) {
        return start + i * step;
    }

    @Override
    public Iterable<Object> iterable() {
        return () -> new Iterator<>() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < length;
            }

            @Override
            public Object next() {
                return at(i++);
            }
        };
    }

    /** The values in reverse, for {@code reversed(range)}. */
    Iterator<Object> reverseIterator() {
        return new Iterator<>() {
            private long i = length - 1;

            @Override
            public boolean hasNext() {
                return i >= 0;
            }

            @Override
            public Object next() {
                return at(i--);
            }
        };
    }

    @Override
    public Object getItem(Object index) {
        if (index instanceof PySlice s) {
            int[] ix = s.indices(len());
            return new PyRange(at(ix[0]), at(ix[1]), step * ix[2]);
        }
        Object i = Ints.of(index);
        if (!(i instanceof Long) && !(i instanceof java.math.BigInteger)) {
            throw PyExc.typeError("range indices must be integers or slices, not " + Py.typeName(index));
        }
        if (!(i instanceof Long l) || (l < 0 ? l + length < 0 : l >= length)) {
            throw PyExc.indexError("range index out of range");
        }
        return at(l < 0 ? l + length : l);
    }

    @Override
    public boolean contains(Object item) {
        if (item instanceof Long || item instanceof Boolean) {
            return indexOf((Long) Ints.of(item)) >= 0;
        }
        if (item instanceof java.math.BigInteger) {
            return false;
        }
        for (Object x : iterable()) { // other types compare by ==, as CPython does
            if (Py.eq(x, item)) {
                return true;
            }
        }
        return false;
    }

    private long indexOf(long v) {
        if (step > 0 ? v < start || v >= stop : v > start || v <= stop) {
            return -1;
        }
        // v is between start and stop, so |v - start| < |stop - start|; compute it unsigned-safe in BigInteger
        java.math.BigInteger offset = java.math.BigInteger.valueOf(v).subtract(java.math.BigInteger.valueOf(start));
        java.math.BigInteger[] qr = offset.divideAndRemainder(java.math.BigInteger.valueOf(step));
        return qr[1].signum() == 0 ? qr[0].longValue() : -1;
    }

    @Override
    public PyType pythonType() {
        return TYPE;
    }

    @Override
    public String typeName() {
        return "range";
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "start" -> start;
            case "stop" -> stop;
            case "step" -> step;
            case "count" -> BuiltinFunction.method(this, name, (args, kw) -> {
                Arity.unnamed("count", 1, 1).bind(args, kw);
                return (long) (Ints.isInt(args[0]) ? (contains(args[0]) ? 1 : 0) : countEq(args[0]));
            });
            case "index" -> BuiltinFunction.method(this, name, (args, kw) -> {
                Arity.unnamed("index", 1, 1).bind(args, kw);
                return index(args[0]);
            });
            default -> null;
        };
    }

    private int countEq(Object v) {
        int n = 0;
        for (Object x : iterable()) {
            if (Py.eq(x, v)) {
                n++;
            }
        }
        return n;
    }

    private Object index(Object v) {
        if (Ints.isInt(v) && Ints.of(v) instanceof Long l) {
            long i = indexOf(l);
            if (i >= 0) {
                return i;
            }
        } else {
            long i = 0;
            for (Object x : iterable()) {
                if (Py.eq(x, v)) {
                    return i;
                }
                i++;
            }
        }
        throw PyExc.valueError(Py.repr(v) + " is not in range");
    }

    @Override
    public String repr() {
        return "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")";
    }

    /** Equal when they hold the same values: same length, and same first value and step when not empty. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyRange r) || r.length != length) {
            return false;
        }
        if (length == 0) {
            return true;
        }
        return r.start == start && (length == 1 || r.step == step);
    }

    @Override
    public int hashCode() {
        if (length == 0) {
            return 0;
        }
        return Long.hashCode(length) * 31 + Long.hashCode(start) * 17 + (length == 1 ? 0 : Long.hashCode(step));
    }
}
