package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * {@code hash(x)} with GraalPy's values where they are deterministic: numbers by Python's numeric hash (modulo the
 * Mersenne prime 2**61 - 1, so equal numbers of any type hash alike), str and bytes by Java's hashCode (GraalPy's
 * choice: {@code hash('a') == 97}), tuples by GraalPy's adaptation of CPython 3.6's tuple hash. Other values hash by
 * identity in Python, so any stable value is right.
 */
final class Hashes {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(61).subtract(BigInteger.ONE);
    private static final long INF = 314159;
    private static final Arity HASH = Arity.unnamed("hash", 1, 1);

    private Hashes() {
    }

    static Object builtin(Object[] args, Kwargs kwargs) {
        return hash(HASH.bind(args, kwargs)[0]);
    }

    static long hash(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return ofRational(Ints.big(v), BigInteger.ONE);
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return 0;
            }
            if (d.isInfinite()) {
                return d > 0 ? INF : -INF;
            }
            BigDecimal exact = new BigDecimal(d);
            return ofDecimal(exact);
        }
        if (v instanceof BigDecimal d) {
            return ofDecimal(d);
        }
        if (v instanceof String s) {
            return str(s);
        }
        if (v instanceof PyBytes b) {
            return minusOneIsMinusTwo(java.util.Arrays.hashCode(b.bytes));
        }
        if (v instanceof PyTuple t) {
            return tuple(t);
        }
        if (v instanceof PyList || v instanceof PyDict || v instanceof PySet) {
            throw PyExc.typeError("unhashable type: '" + Py.typeName(v) + "'");
        }
        if (v == null) {
            return 0x7850_2c29L; // None hashes by identity: any constant will do
        }
        return v.hashCode();
    }

    /**
     * GraalPy's str hash is TruffleString's hash code: Java's String.hashCode formula over code points, with 0 made
     * -1 (then -2, as -1 is never a Python hash).
     */
    private static long str(String s) {
        int h = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            h = 31 * h + cp;
            i += Character.charCount(cp);
        }
        return minusOneIsMinusTwo(h == 0 ? -1 : h);
    }

    /** GraalPy's TupleBuiltins.HashNode, "adapted from CPython 3.6's tupleobject.c". */
    private static long tuple(PyTuple t) {
        int len = t.items.length;
        long multiplier = 0xf4243;
        long hash = 0x345678;
        for (Object item : t.items) {
            hash = (hash ^ hash(item)) * multiplier;
            multiplier += 82520 + len + len;
        }
        hash += 97531;
        return hash == -1 ? -2 : hash;
    }

    private static long ofDecimal(BigDecimal d) {
        BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        if (scale <= 0) {
            return ofRational(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
        }
        return ofRational(unscaled, BigInteger.TEN.pow(scale));
    }

    /** Python's hash of the rational p/q: p * q^-1 modulo 2**61 - 1, with the sign of p; -1 becomes -2. */
    private static long ofRational(BigInteger p, BigInteger q) {
        BigInteger abs = p.abs().mod(MODULUS).multiply(q.modInverse(MODULUS)).mod(MODULUS);
        long h = abs.longValue();
        if (p.signum() < 0) {
            h = -h;
        }
        return h == -1 ? -2 : h;
    }

    private static long minusOneIsMinusTwo(long h) {
        return h == -1 ? -2 : h;
    }
}
