package dev.sequor.expr.python.subset;

/** {@code start:stop:step} as a value (what a subscript with colons evaluates to); parts may be None. */
public record PySlice(Object start, Object stop, Object step) implements PyObject, Repr.HasRepr {

    @Override
    public String repr() {
        return "slice(" + Py.repr(start) + ", " + Py.repr(stop) + ", " + Py.repr(step) + ")";
    }

    @Override
    public String typeName() {
        return "slice";
    }

    /** Python's {@code slice.indices(length)}: {start, stop, step, count} clamped to the sequence. */
    int[] indices(int length) {
        int st = step == null ? 1 : index(step);
        if (st == 0) {
            throw PyExc.valueError("slice step cannot be zero");
        }
        int lower = st < 0 ? -1 : 0;
        int upper = st < 0 ? length - 1 : length;
        int from = start == null ? (st < 0 ? upper : lower) : clamp(index(start), length, lower, upper);
        int to = stop == null ? (st < 0 ? lower : upper) : clamp(index(stop), length, lower, upper);
        int count;
        if (st > 0) {
            count = from < to ? (to - from - 1) / st + 1 : 0;
        } else {
            count = from > to ? (from - to - 1) / (-st) + 1 : 0;
        }
        return new int[] {from, to, st, count};
    }

    private static int clamp(int i, int length, int lower, int upper) {
        if (i < 0) {
            i += length;
            return Math.max(i, lower);
        }
        return Math.min(i, upper);
    }

    /** A slice bound as an int; huge ints clamp, as CPython's _PyEval_SliceIndex does. */
    private static int index(Object v) {
        Object i = Ints.of(v);
        if (i instanceof Long l) {
            return (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, l));
        }
        if (i instanceof java.math.BigInteger b) {
            return b.signum() < 0 ? Integer.MIN_VALUE + 1 : Integer.MAX_VALUE;
        }
        throw PyExc.typeError("slice indices must be integers or None or have an __index__ method");
    }
}
