package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * {@code round(number[, ndigits])}, ported from GraalPy's int, float and builtin round: half-even on the exact
 * decimal value of a float ({@code round(2.675, 2)} is 2.67 since 2.675 is really 2.67499999...), an int without
 * ndigits, and a float with them. Unlike CPython, GraalPy rounds {@code -0.4} to {@code 0.0}, not {@code -0.0}.
 * The reference is GraalPy 25.2.4's FloatBuiltins and IntBuiltins.
 */
final class Rounding {

    private static final Arity ROUND = Arity.of("round", "number", "ndigits").required(1);

    private Rounding() {
    }

    static Object round(Object[] args, Kwargs kwargs) {
        Object[] a = ROUND.bind(args, kwargs);
        Object x = a[0];
        Object n = a[1] == Arity.MISSING ? null : a[1];
        if (Ints.isInt(x)) {
            return n == null ? Ints.of(x) : roundInt(Ints.of(x), n);
        }
        if (x instanceof Double d) {
            return n == null ? roundFloatToInt(d) : roundFloat(d, lossyInt(n));
        }
        if (x instanceof BigDecimal d) {
            return n == null ? roundDecimalToInt(d) : roundDecimal(d, n);
        }
        throw PyExc.typeError("type " + Py.typeName(x) + " doesn't define __round__ method");
    }

    private static Object roundInt(Object x, Object n) {
        Object digits = Ints.of(n);
        if (!(digits instanceof Long) && !(digits instanceof BigInteger)) {
            throw PyExc.typeError("'" + Py.typeName(n) + "' object cannot be interpreted as an integer");
        }
        if (Ints.compare(digits, 0L) >= 0) {
            return x;
        }
        if (!(digits instanceof Long l) || l < Integer.MIN_VALUE) {
            return 0L;
        }
        BigDecimal r;
        try {
            r = new BigDecimal(Ints.big(x)).setScale((int) (long) l, RoundingMode.HALF_EVEN);
        } catch (ArithmeticException tooManyDigits) {
            return 0L;
        }
        return Ints.normalize(r.toBigIntegerExact());
    }

    private static Object roundFloatToInt(double x) {
        if (Double.isNaN(x)) {
            throw PyExc.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(x)) {
            throw PyExc.overflow("cannot convert float infinity to integer");
        }
        // the exact value of the rounded double, as CPython's float.__round__ gives (GraalPy 25.2 saturates a Java
        // long cast, round(2.0**63) being 2**63 - 1, and beyond builds the int from the shortest decimal text)
        return fromDouble(roundFloat(x, 0));
    }

    /** An integral double as a Python int. */
    static Object fromDouble(double r) {
        if (Math.abs(r) < 0x1p62) {
            return (long) r;
        }
        return Ints.normalize(new BigDecimal(r).toBigIntegerExact());
    }

    /** GraalPy's FloatBuiltins.RoundNode (borrowed from Jython there). */
    static double roundFloat(double x, int n) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0.0) {
            return x;
        }
        float nlog2of10 = 3.3219f * n; // slightly less than n * log2(10)
        int b = Math.getExponent(x); // x = a * 2^b with a < 2
        double d;
        if (nlog2of10 > 52 - b) {
            d = x; // the lsb of |x| is above 10^-n: x rounds to itself
        } else if (nlog2of10 < -(b + 2)) {
            d = Math.copySign(0.0, x); // |x| < 0.5 * 10^-n
        } else {
            d = new BigDecimal(x).setScale(n, RoundingMode.HALF_EVEN).doubleValue();
        }
        if (Double.isInfinite(d)) {
            throw PyExc.overflow("rounded value too large to represent");
        }
        return d;
    }

    /** GraalPy's PyNumberAsSizeNode.executeLossy: an int clamped to the Java int range. */
    private static int lossyInt(Object n) {
        Object i = Ints.of(n);
        if (i instanceof Long l) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
        }
        if (i instanceof BigInteger b) {
            return b.signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        throw PyExc.typeError("'" + Py.typeName(n) + "' object cannot be interpreted as an integer");
    }

    /** {@code round(Decimal)}: the nearest int, ties to even. */
    private static Object roundDecimalToInt(BigDecimal d) {
        return Ints.normalize(d.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact());
    }

    /**
     * {@code round(Decimal, n)}: {@code quantize(Decimal('1e-n'))} in the default context (28 digits, half-even);
     * a result longer than 28 digits is decimal's InvalidOperation.
     */
    private static Object roundDecimal(BigDecimal d, Object n) {
        int digits = Args.intArg(n, "ndigits");
        BigDecimal r = d.setScale(digits, RoundingMode.HALF_EVEN);
        if (r.precision() > Arith.DECIMAL_CONTEXT.getPrecision()) {
            throw new PyExc(PyExcType.DECIMAL_INVALID_OPERATION,
                    new PyList(java.util.List.of(new PyType("decimal.InvalidOperation", null))));
        }
        return r;
    }
}
