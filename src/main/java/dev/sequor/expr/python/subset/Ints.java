package dev.sequor.expr.python.subset;

import java.math.BigInteger;

/**
 * Python's arbitrary-precision {@code int} on Long with BigInteger past 64 bits: every result goes through
 * {@link #normalize}, so a value that fits in a long is always a Long and equal ints are equal Java objects.
 */
final class Ints {

    private Ints() {
    }

    static boolean isInt(Object v) {
        return v instanceof Long || v instanceof BigInteger || v instanceof Boolean;
    }

    /** Long or BigInteger; booleans count as 0 and 1. */
    static Object of(Object v) {
        return v instanceof Boolean b ? (b ? 1L : 0L) : v;
    }

    static Object normalize(BigInteger big) {
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    static BigInteger big(Object v) {
        if (v instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (v instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        return (BigInteger) v;
    }

    static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) {
                return big(a).add(big(b));
            }
            return r;
        }
        return normalize(big(a).add(big(b)));
    }

    static Object sub(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x - y;
            if (((x ^ y) & (x ^ r)) < 0) {
                return big(a).subtract(big(b));
            }
            return r;
        }
        return normalize(big(a).subtract(big(b)));
    }

    static Object mul(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long hi = Math.multiplyHigh(x, y);
            long lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                return lo;
            }
            return big(a).multiply(big(b));
        }
        return normalize(big(a).multiply(big(b)));
    }

    static Object neg(Object a) {
        if (a instanceof Long x && x != Long.MIN_VALUE) {
            return -x;
        }
        return normalize(big(a).negate());
    }

    /** Floor division: rounds toward negative infinity, like Python. */
    static Object floorDiv(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            if (y == 0) {
                throw PyExc.zeroDivision("integer division or modulo by zero");
            }
            if (!(x == Long.MIN_VALUE && y == -1)) {
                return Math.floorDiv(x, y);
            }
        }
        BigInteger[] qr = divmod(big(a), big(b));
        return normalize(qr[0]);
    }

    /** Modulo with the sign of the divisor, like Python. */
    static Object mod(Object a, Object b) {
        if (b instanceof Long y && y == 0) {
            throw PyExc.zeroDivision("integer modulo by zero"); // CPython's text for %, unlike // and divmod
        }
        if (a instanceof Long x && b instanceof Long y) {
            return y == -1 ? 0L : Math.floorMod(x, y);
        }
        return normalize(divmod(big(a), big(b))[1]);
    }

    static BigInteger[] divmod(BigInteger x, BigInteger y) {
        if (y.signum() == 0) {
            throw PyExc.zeroDivision("integer division or modulo by zero");
        }
        BigInteger[] qr = x.divideAndRemainder(y);
        if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
            qr[0] = qr[0].subtract(BigInteger.ONE);
            qr[1] = qr[1].add(y);
        }
        return qr;
    }

    /** {@code a ** b} for a non-negative exponent. */
    static Object pow(Object a, Object b) {
        BigInteger exp = big(b);
        BigInteger base = big(a);
        if (base.abs().compareTo(BigInteger.ONE) <= 0) {
            if (base.signum() == 0) {
                return exp.signum() == 0 ? 1L : 0L;
            }
            if (base.equals(BigInteger.ONE)) {
                return 1L;
            }
            return exp.testBit(0) ? -1L : 1L; // -1
        }
        if (exp.bitLength() > 31) {
            throw new PyExc(PyExcType.MEMORY_ERROR, "");
        }
        return normalize(base.pow(exp.intValueExact()));
    }

    static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        return big(a).compareTo(big(b));
    }

    /** The int as a double, or OverflowError like Python's {@code float(int)}. */
    static double toDouble(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        double d = ((BigInteger) v).doubleValue();
        if (Double.isInfinite(d)) {
            throw PyExc.overflow("int too large to convert to float");
        }
        return d;
    }

    static boolean fitsInt(Object v) {
        return v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE;
    }
}
