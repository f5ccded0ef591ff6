package dev.sequor.expr.python.subset;

import java.math.BigInteger;

/** Conversions of str and bytes method arguments, with GraalPy's messages. */
final class StrArgs {

    private StrArgs() {
    }

    /** An index-sized int (a width, a count): GraalPy's TypeError for other types, OverflowError past 32 bits. */
    static int index(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Long l) {
            if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
                throw tooBig();
            }
            return (int) (long) l;
        }
        if (v instanceof BigInteger) {
            throw tooBig();
        }
        throw PyExc.typeError("'" + Py.typeName(v) + "' object cannot be interpreted as an integer");
    }

    private static PyExc tooBig() {
        return PyExc.overflow("cannot fit 'int' into an index-sized integer");
    }

    /** An optional index-sized int, {@code missing} when not given. */
    static int index(Object v, int missing) {
        return v == MethodSig.MISSING ? missing : index(v);
    }

    /**
     * A start or end of find/count/startswith as a slice index: None or absent is {@code missing}; ints far out of
     * range are clamped, as they are anyway below.
     */
    static long sliceIndex(Object v, long missing) {
        if (v == MethodSig.MISSING || v == null) {
            return missing;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof BigInteger big) {
            return big.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        throw PyExc.typeError("slice indices must be integers or have an __index__ method");
    }

    /**
     * CPython's ADJUST_INDICES: negative bounds count from the end; end is clamped to the length, start only
     * below (a start past the end makes the searches fail).
     */
    static int[] adjust(Object start, Object end, int len) {
        long s = sliceIndex(start, 0);
        long e = sliceIndex(end, len);
        if (e > len) {
            e = len;
        } else if (e < 0) {
            e = Math.max(0, e + len);
        }
        if (s < 0) {
            s = Math.max(0, s + len);
        }
        return new int[] {(int) Math.min(s, Integer.MAX_VALUE), (int) e};
    }

    /** A str argument, else {@code message} with the type name appended. */
    static String str(Object v, String message) {
        if (v instanceof String s) {
            return s;
        }
        throw PyExc.typeError(message + Py.typeName(v));
    }

    /** The value of an optional str argument: absent or None is {@code missing}. */
    static String optStr(Object v, String missing, String message) {
        return v == MethodSig.MISSING || v == null ? missing : str(v, message);
    }
}
