package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** The {@code math} functions answering ints: floor, ceil, trunc, factorial, gcd, lcm, comb, perm, isqrt. */
final class MathIntegers {

    private MathIntegers() {
    }

    static void register(PyModule m) {
        BuiltinFunction.def(m, "floor", (args, kwargs) -> {
            MathModule.fixed("floor", args, kwargs, "x");
            return round(args[0], RoundingMode.FLOOR, "floor");
        });
        BuiltinFunction.def(m, "ceil", (args, kwargs) -> {
            MathModule.fixed("ceil", args, kwargs, "x");
            return round(args[0], RoundingMode.CEILING, "ceil");
        });
        BuiltinFunction.def(m, "trunc", (args, kwargs) -> {
            MathModule.fixed("trunc", args, kwargs, "x");
            return round(args[0], RoundingMode.DOWN, "trunc");
        });
        BuiltinFunction.def(m, "factorial", (args, kwargs) -> {
            MathModule.fixed("factorial", args, kwargs, "n");
            BigInteger n = integer(args[0]);
            if (n.signum() < 0) {
                throw PyExc.valueError("factorial() not defined for negative values");
            }
            if (n.bitLength() > 31) {
                throw PyExc.overflow("factorial() argument should not exceed " + Long.MAX_VALUE);
            }
            return Ints.normalize(product(BigInteger.ONE, n));
        });
        BuiltinFunction.def(m, "gcd", (args, kwargs) -> {
            Args.noKeywords("gcd", kwargs);
            BigInteger g = BigInteger.ZERO;
            for (Object a : args) {
                g = g.gcd(integer(a));
            }
            return Ints.normalize(g);
        });
        BuiltinFunction.def(m, "lcm", (args, kwargs) -> {
            Args.noKeywords("lcm", kwargs);
            BigInteger l = BigInteger.ONE;
            for (Object a : args) {
                BigInteger x = integer(a).abs();
                l = x.signum() == 0 || l.signum() == 0 ? BigInteger.ZERO : l.divide(l.gcd(x)).multiply(x);
            }
            return Ints.normalize(l);
        });
        BuiltinFunction.def(m, "comb", (args, kwargs) -> {
            MathModule.fixed("comb", args, kwargs, "n", "k");
            BigInteger n = integer(args[0]);
            BigInteger k = integer(args[1]);
            checkNonNegative(n, k);
            if (k.compareTo(n) > 0) {
                return 0L;
            }
            BigInteger smaller = k.min(n.subtract(k));
            return Ints.normalize(product(n.subtract(smaller).add(BigInteger.ONE), n).divide(product(BigInteger.ONE, smaller)));
        });
        BuiltinFunction.def(m, "perm", (args, kwargs) -> {
            Args.noKeywords("perm", kwargs);
            if (args.length < 1 || args.length > 2) {
                MathModule.fixed("perm", args, kwargs, "n", "k");
            }
            BigInteger n = integer(args[0]);
            if (args.length == 1 || args[1] == null) {
                if (n.signum() < 0) {
                    throw PyExc.valueError("factorial() not defined for negative values"); // perm(n) is factorial(n)
                }
                return Ints.normalize(product(BigInteger.ONE, n));
            }
            BigInteger k = integer(args[1]);
            checkNonNegative(n, k);
            if (k.compareTo(n) > 0) {
                return 0L;
            }
            return Ints.normalize(product(n.subtract(k).add(BigInteger.ONE), n));
        });
        BuiltinFunction.def(m, "isqrt", (args, kwargs) -> {
            MathModule.fixed("isqrt", args, kwargs, "n");
            BigInteger n = integer(args[0]);
            if (n.signum() < 0) {
                throw PyExc.valueError("isqrt() argument must be non-negative");
            }
            return Ints.normalize(n.sqrt());
        });
    }

    private static void checkNonNegative(BigInteger n, BigInteger k) {
        if (n.signum() < 0) {
            throw PyExc.valueError("n must be non-negative integer");
        }
        if (k.signum() < 0) {
            throw PyExc.valueError("k must be non-negative integer");
        }
    }

    /** An int argument (bool counts); anything else is Python's "cannot be interpreted as an integer". */
    private static BigInteger integer(Object v) {
        if (Ints.isInt(v)) {
            return Ints.big(Ints.of(v));
        }
        throw PyExc.typeError("'" + Py.typeName(v) + "' object cannot be interpreted as an integer");
    }

    /** from * (from + 1) * ... * to, 1 when empty. */
    private static BigInteger product(BigInteger from, BigInteger to) {
        BigInteger result = BigInteger.ONE;
        for (BigInteger i = from; i.compareTo(to) <= 0; i = i.add(BigInteger.ONE)) {
            result = result.multiply(i);
        }
        return result;
    }

    /** floor/ceil/trunc: ints as they are, floats and Decimals rounded to an int. */
    private static Object round(Object v, RoundingMode mode, String fn) {
        if (Ints.isInt(v)) {
            return Ints.of(v);
        }
        if (v instanceof Double d) {
            double r = mode == RoundingMode.FLOOR ? Math.floor(d) : mode == RoundingMode.CEILING ? Math.ceil(d)
                    : (d < 0 ? Math.ceil(d) : Math.floor(d));
            return MathModule.floatToInt(r);
        }
        if (v instanceof BigDecimal d) {
            return Ints.normalize(d.setScale(0, mode).toBigIntegerExact());
        }
        if ("trunc".equals(fn)) {
            throw PyExc.typeError("type " + Py.typeName(v) + " doesn't define __trunc__ method");
        }
        throw PyExc.typeError("must be real number, not " + Py.typeName(v));
    }
}
