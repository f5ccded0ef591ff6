package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Python's {@code math} on java.lang.Math, which GraalPy's own math module also uses, with CPython's error rules:
 * a NaN out of a non-NaN argument is {@code ValueError: math domain error}, an infinity out of finite arguments
 * {@code OverflowError: math range error} (or a domain error for poles such as {@code log(0)}). Integer functions
 * (floor, ceil, factorial, gcd, comb...) work on arbitrary-precision ints. Integer functions are in
 * {@link MathIntegers}; functions GraalPy lacks (cbrt, exp2) and the special functions (erf, gamma) are left out.
 */
final class MathModule {

    private MathModule() {
    }

    static PyModule create() {
        PyModule m = new PyModule("math");
        m.with("pi", Math.PI).with("e", Math.E).with("tau", 2 * Math.PI)
                .with("inf", Double.POSITIVE_INFINITY).with("nan", Double.NaN);
        unary(m, "sqrt", "a", Math::sqrt, false);
        unary(m, "exp", "x", Math::exp, true);
        unary(m, "expm1", "x", Math::expm1, true);
        unary(m, "log10", "x", Math::log10, false);
        unary(m, "log2", "x", MathModule::log2, false);
        unary(m, "log1p", "x", Math::log1p, false);
        unary(m, "fabs", "x", Math::abs, false);
        unary(m, "sin", "x", Math::sin, false);
        unary(m, "cos", "x", Math::cos, false);
        unary(m, "tan", "x", Math::tan, false);
        unary(m, "asin", "x", Math::asin, false);
        unary(m, "acos", "x", Math::acos, false);
        unary(m, "atan", "x", Math::atan, false);
        unary(m, "sinh", "x", Math::sinh, true);
        unary(m, "cosh", "x", Math::cosh, true);
        unary(m, "tanh", "x", Math::tanh, false);
        unary(m, "degrees", "x", Math::toDegrees, true);
        unary(m, "radians", "x", Math::toRadians, false);
        binary(m, "atan2", "y", "x", Math::atan2);
        binary(m, "copysign", "x", "y", Math::copySign);
        binary(m, "fmod", "x", "y", MathModule::fmod);
        binary(m, "remainder", "x", "y", Math::IEEEremainder);
        BuiltinFunction.def(m, "pow", (args, kwargs) -> {
            fixed("pow", args, kwargs, "x", "y");
            return pow(real(args[0]), real(args[1]));
        });
        BuiltinFunction.def(m, "log", MathModule::log);
        BuiltinFunction.def(m, "isnan", (args, kwargs) -> {
            fixed("isnan", args, kwargs, "x");
            return Double.isNaN(real(args[0]));
        });
        BuiltinFunction.def(m, "isinf", (args, kwargs) -> {
            fixed("isinf", args, kwargs, "x");
            return Double.isInfinite(real(args[0]));
        });
        BuiltinFunction.def(m, "isfinite", (args, kwargs) -> {
            fixed("isfinite", args, kwargs, "x");
            return Double.isFinite(real(args[0]));
        });
        BuiltinFunction.def(m, "isclose", MathModule::isclose);
        BuiltinFunction.def(m, "fsum", (args, kwargs) -> {
            fixed("fsum", args, kwargs, "seq");
            return MathSums.fsum(Items.iterate(args[0]));
        });
        BuiltinFunction.def(m, "hypot", (args, kwargs) -> {
            Args.noKeywords("hypot", kwargs);
            double[] coords = new double[args.length];
            for (int i = 0; i < args.length; i++) {
                coords[i] = real(args[i]);
            }
            return hypot(coords);
        });
        BuiltinFunction.def(m, "dist", (args, kwargs) -> {
            fixed("dist", args, kwargs, "p", "q");
            java.util.List<Object> p = Items.toList(args[0]);
            java.util.List<Object> q = Items.toList(args[1]);
            if (p.size() != q.size()) {
                throw PyExc.valueError("both points must have the same number of dimensions");
            }
            double[] d = new double[p.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = real(p.get(i)) - real(q.get(i));
            }
            return hypot(d);
        });
        BuiltinFunction.def(m, "modf", (args, kwargs) -> {
            fixed("modf", args, kwargs, "x");
            double x = real(args[0]);
            if (Double.isInfinite(x)) {
                return PyTuple.of(Math.copySign(0.0, x), x);
            }
            double whole = x < 0 ? Math.ceil(x) : Math.floor(x);
            return PyTuple.of(Math.copySign(x - whole, x), whole);
        });
        BuiltinFunction.def(m, "frexp", (args, kwargs) -> {
            fixed("frexp", args, kwargs, "x");
            double x = real(args[0]);
            if (x == 0 || !Double.isFinite(x)) {
                return PyTuple.of(x, 0L);
            }
            double[] me = frexp(x);
            return PyTuple.of(me[0], (long) me[1]);
        });
        BuiltinFunction.def(m, "ldexp", (args, kwargs) -> {
            fixed("ldexp", args, kwargs, "x", "i");
            double x = real(args[0]);
            if (!Ints.isInt(args[1])) {
                throw PyExc.typeError("Expected an int as second argument to ldexp.");
            }
            Object i = Ints.of(args[1]);
            int exp = i instanceof Long l ? (int) Math.max(-100000, Math.min(100000, l))
                    : (((BigInteger) i).signum() < 0 ? -100000 : 100000);
            double r = Math.scalb(x, exp);
            if (Double.isInfinite(r) && Double.isFinite(x)) {
                throw PyExc.overflow("math range error");
            }
            return r;
        });
        BuiltinFunction.def(m, "prod", MathSums::prod);
        MathIntegers.register(m);
        return m;
    }

    /**
     * Checks a fixed list of positional parameters with GraalPy's messages
     * ({@code sqrt() missing 1 required positional argument: 'a'}).
     */
    static void fixed(String fn, Object[] args, Kwargs kwargs, String... names) {
        if (kwargs != null && !kwargs.isEmpty()) {
            throw PyExc.typeError(fn + "() got an unexpected keyword argument '" + kwargs.keySet().iterator().next() + "'");
        }
        if (args.length > names.length) {
            throw PyExc.typeError(fn + "() takes " + names.length + " positional argument" + (names.length == 1 ? "" : "s")
                    + " but " + args.length + " were given");
        }
        if (args.length < names.length) {
            int missing = names.length - args.length;
            StringBuilder which = new StringBuilder();
            for (int i = args.length; i < names.length; i++) {
                if (i > args.length) {
                    which.append(i == names.length - 1 ? (missing == 2 ? " and " : ", and ") : ", ");
                }
                which.append('\'').append(names[i]).append('\'');
            }
            throw PyExc.typeError(fn + "() missing " + missing + " required positional argument" + (missing == 1 ? "" : "s")
                    + ": " + which);
        }
    }

    /** A real number argument as a double: int, bool, float or Decimal (through its {@code __float__}). */
    static double real(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (Ints.isInt(v)) {
            return Ints.toDouble(Ints.of(v));
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        throw PyExc.typeError("must be real number, not " + Py.typeName(v));
    }

    private static void unary(PyModule m, String name, String param, DoubleUnaryOperator fn, boolean canOverflow) {
        BuiltinFunction.def(m, name, (args, kwargs) -> {
            fixed(name, args, kwargs, param);
            double x = real(args[0]);
            return checked(x, fn.applyAsDouble(x), Double.isFinite(x), canOverflow);
        });
    }

    private static void binary(PyModule m, String name, String p1, String p2, DoubleBinaryOperator fn) {
        BuiltinFunction.def(m, name, (args, kwargs) -> {
            fixed(name, args, kwargs, p1, p2);
            double x = real(args[0]);
            double y = real(args[1]);
            double r = fn.applyAsDouble(x, y);
            return checked(Double.isNaN(y) ? y : x, r, Double.isFinite(x) && Double.isFinite(y), false);
        });
    }

    /** CPython's math_1 rules: NaN from non-NaN is a domain error; infinity from finite a range or domain error. */
    private static double checked(double x, double r, boolean finiteArgs, boolean canOverflow) {
        if (Double.isNaN(r) && !Double.isNaN(x)) {
            throw PyExc.valueError("math domain error");
        }
        if (Double.isInfinite(r) && finiteArgs) {
            if (canOverflow) {
                throw PyExc.overflow("math range error");
            }
            throw PyExc.valueError("math domain error");
        }
        return r;
    }

    private static double pow(double x, double y) {
        if (x == 1.0) {
            return 1.0; // C's pow(1, y) is 1 even for a NaN y; Java's is NaN
        }
        double r = Math.pow(x, y);
        if (Double.isFinite(x) && Double.isFinite(y)) {
            if (Double.isNaN(r)) {
                throw PyExc.valueError("math domain error");
            }
            if (Double.isInfinite(r)) {
                throw x == 0 ? PyExc.valueError("math domain error") : PyExc.overflow("math range error");
            }
        }
        return r;
    }

    private static double fmod(double x, double y) {
        if (Double.isInfinite(y) && Double.isFinite(x)) {
            return x;
        }
        return x % y; // Java's % on doubles is C's fmod
    }

    /** log2 as GraalPy computes it: x = m * 2**e with m in [0.5, 1), log(m) / log(2) + e. */
    private static double log2(double x) {
        if (!(x > 0) || !Double.isFinite(x)) {
            return Math.log(x) / Math.log(2);
        }
        double[] me = frexp(x);
        return Math.log(me[0]) / Math.log(2) + me[1];
    }

    /** C's frexp: {m, e} with x = m * 2**e and 0.5 <= |m| < 1 (x finite and not 0). */
    static double[] frexp(double x) {
        int exponent = Math.getExponent(x) + 1;
        double mantissa = x / Math.scalb(1.0, exponent);
        while (Math.abs(mantissa) < 0.5) { // subnormal x: getExponent answers the minimum exponent
            mantissa *= 2;
            exponent--;
        }
        return new double[] {mantissa, exponent};
    }

    /** {@code log(x[, base])}; ints too large for a double are taken through their bit length, as CPython does. */
    private static Object log(Object[] args, Kwargs kwargs) {
        Args.noKeywords("log", kwargs);
        if (args.length == 0) {
            throw PyExc.typeError("log() missing 1 required positional argument: 'x'");
        }
        if (args.length > 2) {
            throw PyExc.typeError("log() takes from 1 to 2 positional arguments but " + args.length + " were given");
        }
        double num = ln(args[0]);
        if (args.length == 1) {
            return num;
        }
        double den = ln(args[1]);
        if (den == 0) {
            throw PyExc.zeroDivision("float division by zero");
        }
        return num / den;
    }

    private static double ln(Object v) {
        if (v instanceof BigInteger big) {
            if (big.signum() <= 0) {
                throw PyExc.valueError("math domain error");
            }
            // CPython: frexp of the int (m rounded to 53 bits), then log(m) + log(2) * e
            int e = big.bitLength();
            double m = Math.scalb(big.shiftRight(e - 64).doubleValue(), -64);
            return Math.log(m) + Math.log(2) * e;
        }
        double x = real(v);
        if (x <= 0 && !Double.isNaN(x)) {
            throw PyExc.valueError("math domain error");
        }
        return Math.log(x);
    }

    private static Object isclose(Object[] args, Kwargs kwargs) {
        Args.onlyKeywords("isclose", kwargs, "rel_tol", "abs_tol");
        fixed("isclose", args, null, "a", "b");
        double a = real(args[0]);
        double b = real(args[1]);
        double relTol = real(kwargs != null && kwargs.containsKey("rel_tol") ? kwargs.get("rel_tol") : 1e-09);
        double absTol = real(kwargs != null && kwargs.containsKey("abs_tol") ? kwargs.get("abs_tol") : 0.0);
        if (relTol < 0 || absTol < 0) {
            throw PyExc.valueError("tolerances must be non-negative");
        }
        if (a == b) {
            return true;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return false;
        }
        double diff = Math.abs(b - a);
        return diff <= Math.abs(relTol * b) || diff <= Math.abs(relTol * a) || diff <= absTol;
    }

    /**
     * hypot and dist as GraalPy computes them: the squares of the coordinates scaled by the largest, summed, the
     * root scaled back (CPython's extra-precise vector_norm can differ in the last digit).
     */
    private static double hypot(double[] coords) {
        double max = 0;
        boolean nan = false;
        for (double c : coords) {
            if (Double.isInfinite(c)) {
                return Double.POSITIVE_INFINITY;
            }
            nan |= Double.isNaN(c);
            max = Math.max(max, Math.abs(c));
        }
        if (nan) {
            return Double.NaN;
        }
        if (max == 0 || coords.length <= 1) {
            return max;
        }
        if (coords.length == 2) {
            return Math.hypot(coords[0], coords[1]);
        }
        double sum = 0;
        for (double c : coords) {
            double scaled = c / max;
            sum += scaled * scaled;
        }
        return Math.sqrt(sum) * max;
    }

    /** A float as a Python int (floor/ceil/trunc results), with Python's errors for NaN and infinities. */
    static Object floatToInt(double d) {
        if (Double.isNaN(d)) {
            throw PyExc.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw PyExc.overflow("cannot convert float infinity to integer");
        }
        if (Math.abs(d) < 0x1p62) {
            return (long) d;
        }
        return Ints.normalize(new BigDecimal(d).toBigInteger());
    }
}
