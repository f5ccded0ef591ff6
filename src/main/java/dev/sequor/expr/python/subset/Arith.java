package dev.sequor.expr.python.subset;

import dev.sequor.expr.python.syntax.Node.BinOperator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's binary and unary operators: int with arbitrary precision, float with Python's floor division and
 * modulo, Decimal (28 significant digits, half-even, as Python's default context), and the sequence, dict and set
 * forms ({@code 'a' * 3}, {@code [1] + [2]}, {@code d1 | d2}, {@code s1 & s2}).
 */
public final class Arith {

    /** Python's default decimal context. */
    static final MathContext DECIMAL_CONTEXT = new MathContext(28, RoundingMode.HALF_EVEN);

    private Arith() {
    }

    public static Object binary(BinOperator op, Object a, Object b) {
        return switch (op) {
            case ADD -> add(a, b);
            case SUB -> sub(a, b);
            case MUL -> mul(a, b);
            case DIV -> div(a, b);
            case FLOORDIV -> floorDiv(a, b);
            case MOD -> mod(a, b);
            case POW -> pow(a, b);
            case LSHIFT, RSHIFT, BITAND, BITOR, BITXOR -> bitwise(op, a, b);
            case MATMUL -> throw PyExc.unsupported("@", a, b);
        };
    }

    /** {@code a op= b}: lists extend in place ({@code +=}), dicts and sets update in place ({@code |=}). */
    public static Object inPlace(BinOperator op, Object a, Object b) {
        if (op == BinOperator.ADD && a instanceof PyList l) {
            l.items.addAll(Items.toList(b));
            return l;
        }
        if (op == BinOperator.MUL && a instanceof PyList l && Ints.isInt(b)) {
            List<Object> copy = new ArrayList<>(l.items);
            long n = Math.max(0, Args.intArg(b, "repeat"));
            l.items.clear();
            for (long i = 0; i < n; i++) {
                l.items.addAll(copy);
            }
            return l;
        }
        if (op == BinOperator.BITOR && a instanceof PyDict d && b instanceof PyDict other) {
            for (Map.Entry<Object, Object> e : other.entries()) {
                d.put(e.getKey(), e.getValue());
            }
            return d;
        }
        if (op == BinOperator.BITOR && a instanceof PySet s && b instanceof PySet other) {
            other.items().forEach(s::add);
            return s;
        }
        try {
            return binary(op, a, b);
        } catch (PyExc e) {
            String binaryText = "unsupported operand type(s) for " + op.symbol + ": ";
            if (e.type() == PyExcType.TYPE_ERROR && e.getMessage().startsWith(binaryText)) {
                throw PyExc.typeError("unsupported operand type(s) for " + op.symbol + "=: "
                        + e.getMessage().substring(binaryText.length()));
            }
            throw e;
        }
    }

    private static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Boolean || v instanceof BigInteger;
    }

    private static boolean isReal(Object v) {
        return v instanceof Double || isInt(v);
    }

    static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) {
                return r;
            }
        }
        if (a instanceof String x && b instanceof String y) {
            return x.concat(y);
        }
        if (isInt(a) && isInt(b)) {
            return Ints.add(Ints.of(a), Ints.of(b));
        }
        if (isReal(a) && isReal(b)) {
            return toDouble(a) + toDouble(b);
        }
        if (a instanceof PyList x && b instanceof PyList y) {
            PyList out = new PyList(x.items.size() + y.items.size());
            out.items.addAll(x.items);
            out.items.addAll(y.items);
            return out;
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
            Object[] out = new Object[x.items.length + y.items.length];
            System.arraycopy(x.items, 0, out, 0, x.items.length);
            System.arraycopy(y.items, 0, out, x.items.length, y.items.length);
            return new PyTuple(out);
        }
        if (a instanceof PyBytes x && b instanceof PyBytes y) {
            byte[] out = java.util.Arrays.copyOf(x.bytes, x.bytes.length + y.bytes.length);
            System.arraycopy(y.bytes, 0, out, x.bytes.length, y.bytes.length);
            return new PyBytes(out);
        }
        if (decimalOperands(a, b, "+")) {
            return decimal(a).add(decimal(b), DECIMAL_CONTEXT);
        }
        Object temporal = TemporalMethods.add(a, b);
        if (temporal != null) {
            return temporal;
        }
        if (a instanceof String) {
            throw PyExc.typeError("can only concatenate str (not \"" + Py.typeName(b) + "\") to str");
        }
        if (a instanceof PyList) {
            throw PyExc.typeError("can only concatenate list (not \"" + Py.typeName(b) + "\") to list");
        }
        if (a instanceof PyTuple) {
            throw PyExc.typeError("can only concatenate tuple (not \"" + Py.typeName(b) + "\") to tuple");
        }
        if (a instanceof PyBytes) {
            throw PyExc.typeError("can't concat " + Py.typeName(b) + " to bytes");
        }
        throw PyExc.unsupported("+", a, b);
    }

    static Object sub(Object a, Object b) {
        if (isInt(a) && isInt(b)) {
            return Ints.sub(Ints.of(a), Ints.of(b));
        }
        if (isReal(a) && isReal(b)) {
            return toDouble(a) - toDouble(b);
        }
        if (decimalOperands(a, b, "-")) {
            return decimal(a).subtract(decimal(b), DECIMAL_CONTEXT);
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            PySet out = new PySet();
            for (Object item : x.items()) {
                if (!y.contains(item)) {
                    out.add(item);
                }
            }
            return out;
        }
        Object views = ViewSets.operator(BinOperator.SUB, a, b);
        if (views != null) {
            return views;
        }
        Object temporal = TemporalMethods.subtract(a, b);
        if (temporal != null) {
            return temporal;
        }
        throw PyExc.unsupported("-", a, b);
    }

    static Object mul(Object a, Object b) {
        if (isInt(a) && isInt(b)) {
            return Ints.mul(Ints.of(a), Ints.of(b));
        }
        if (isReal(a) && isReal(b)) {
            return toDouble(a) * toDouble(b);
        }
        if (isInt(b) && (a instanceof String || a instanceof PyList || a instanceof PyTuple || a instanceof PyBytes)) {
            return repeat(a, b);
        }
        if (isInt(a) && (b instanceof String || b instanceof PyList || b instanceof PyTuple || b instanceof PyBytes)) {
            return repeat(b, a);
        }
        if (decimalOperands(a, b, "*")) {
            return decimal(a).multiply(decimal(b), DECIMAL_CONTEXT);
        }
        Object timedelta = TimedeltaArith.multiply(a, b);
        if (timedelta != null) {
            return timedelta;
        }
        if ((a instanceof String || a instanceof PyList || a instanceof PyTuple) && (b instanceof Double)) {
            throw PyExc.typeError("can't multiply sequence by non-int of type 'float'");
        }
        if ((b instanceof String || b instanceof PyList || b instanceof PyTuple) && (a instanceof Double)) {
            throw PyExc.typeError("can't multiply sequence by non-int of type 'float'");
        }
        if ((a instanceof String || a instanceof PyList || a instanceof PyTuple) && !isInt(b)) {
            throw PyExc.typeError("can't multiply sequence by non-int of type '" + Py.typeName(b) + "'");
        }
        if ((b instanceof String || b instanceof PyList || b instanceof PyTuple) && !isInt(a)) {
            throw PyExc.typeError("can't multiply sequence by non-int of type '" + Py.typeName(a) + "'");
        }
        throw PyExc.unsupported("*", a, b);
    }

    private static Object repeat(Object seq, Object times) {
        Object n0 = Ints.of(times);
        if (n0 instanceof BigInteger || (Long) n0 > Integer.MAX_VALUE || (Long) n0 < Integer.MIN_VALUE) {
            // GraalPy's repeat count is a Java int, whatever the sequence's length
            throw PyExc.overflow("cannot fit 'int' into an index-sized integer");
        }
        long n = Math.max(0, (Long) n0);
        int size = Items.len(seq);
        if (size != 0 && n > Integer.MAX_VALUE / Math.max(1, size)) {
            throw new PyExc(PyExcType.MEMORY_ERROR);
        }
        int count = (int) n;
        if (seq instanceof String s) {
            return s.repeat(count);
        }
        if (seq instanceof PyBytes b) {
            byte[] out = new byte[b.bytes.length * count];
            for (int i = 0; i < count; i++) {
                System.arraycopy(b.bytes, 0, out, i * b.bytes.length, b.bytes.length);
            }
            return new PyBytes(out);
        }
        List<Object> items = seq instanceof PyList l ? l.items : ((PyTuple) seq).asList();
        List<Object> out = new ArrayList<>(items.size() * count);
        for (int i = 0; i < count; i++) {
            out.addAll(items);
        }
        return seq instanceof PyList ? new PyList(out) : new PyTuple(out.toArray());
    }

    static Object div(Object a, Object b) {
        if (isReal(a) && isReal(b)) {
            if (isInt(a) && isInt(b)) {
                return intTrueDiv(Ints.of(a), Ints.of(b));
            }
            double y = toDouble(b);
            if (y == 0) {
                throw PyExc.zeroDivision("float division by zero");
            }
            return toDouble(a) / y;
        }
        if (decimalOperands(a, b, "/")) {
            BigDecimal y = decimal(b);
            if (y.signum() == 0) {
                throw decimalDivisionByZero(decimal(a), "/");
            }
            return Decimals.divide(decimal(a), y);
        }
        Object timedelta = TimedeltaArith.divide(a, b);
        if (timedelta != null) {
            return timedelta;
        }
        throw PyExc.unsupported("/", a, b);
    }

    private static Object intTrueDiv(Object a, Object b) {
        if (b instanceof Long y && y == 0) {
            throw PyExc.zeroDivision("division by zero");
        }
        if (a instanceof Long x && b instanceof Long y && Math.abs(x) < (1L << 53) && Math.abs(y) < (1L << 53)) {
            return (double) x / (double) y;
        }
        BigDecimal q = new BigDecimal(Ints.big(a)).divide(new BigDecimal(Ints.big(b)), MathContext.DECIMAL128);
        double d = q.doubleValue();
        if (Double.isInfinite(d)) {
            throw PyExc.overflow("integer division result too large for a float");
        }
        return d;
    }

    static Object floorDiv(Object a, Object b) {
        if (isInt(a) && isInt(b)) {
            return Ints.floorDiv(Ints.of(a), Ints.of(b));
        }
        if (isReal(a) && isReal(b)) {
            return floatDivmod(toDouble(a), toDouble(b), "float floor division by zero")[0];
        }
        if (decimalOperands(a, b, "//")) {
            BigDecimal y = decimal(b);
            if (y.signum() == 0) {
                throw decimalDivisionByZero(decimal(a), "//");
            }
            BigDecimal q = decimal(a).divideToIntegralValue(y, DECIMAL_CONTEXT);
            return q.scale() > 0 ? q.setScale(0, java.math.RoundingMode.DOWN) : q; // integer division has exponent 0
        }
        Object timedelta = TimedeltaArith.floorDivide(a, b);
        if (timedelta != null) {
            return timedelta;
        }
        throw PyExc.unsupported("//", a, b);
    }

    static Object mod(Object a, Object b) {
        if (a instanceof String s) {
            return Formats.percent(s, b);
        }
        if (a instanceof PyBytes fmt) {
            return PercentFormat.formatBytes(fmt, b);
        }
        if (isInt(a) && isInt(b)) {
            return Ints.mod(Ints.of(a), Ints.of(b));
        }
        if (isReal(a) && isReal(b)) {
            return floatDivmod(toDouble(a), toDouble(b), "float modulo")[1];
        }
        if (decimalOperands(a, b, "%")) {
            BigDecimal y = decimal(b);
            if (y.signum() == 0) {
                throw new PyExc(PyExcType.DECIMAL_INVALID_OPERATION, (decimal(a).signum() == 0 ? "0" : "x") + " % 0");
            }
            return decimal(a).remainder(y, DECIMAL_CONTEXT); // Decimal % keeps the dividend's sign, like Java
        }
        Object timedelta = TimedeltaArith.modulo(a, b);
        if (timedelta != null) {
            return timedelta;
        }
        throw PyExc.unsupported("%", a, b);
    }

    /**
     * CPython's float_divmod: {floor quotient, modulo with the divisor's sign}; a zero divisor raises
     * ZeroDivisionError with {@code onZero}, CPython's text for the operator ({@code //}, {@code %}, divmod).
     */
    static double[] floatDivmod(double vx, double wx, String onZero) {
        if (wx == 0) {
            throw PyExc.zeroDivision(onZero);
        }
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, vx / wx);
        }
        return new double[] {floordiv, mod};
    }

    static Object pow(Object a, Object b) {
        if (isInt(a) && isInt(b)) {
            Object exp = Ints.of(b);
            if (Ints.compare(exp, 0L) >= 0) {
                return Ints.pow(Ints.of(a), exp);
            }
            double base = Ints.toDouble(Ints.of(a));
            if (base == 0) {
                throw PyExc.zeroDivision("0.0 cannot be raised to a negative power");
            }
            return Math.pow(base, Ints.toDouble(exp));
        }
        if (isReal(a) && isReal(b)) {
            double x = toDouble(a);
            double y = toDouble(b);
            if (x == 0 && y < 0) {
                throw PyExc.zeroDivision("0.0 cannot be raised to a negative power");
            }
            if (x < 0 && y != Math.rint(y) && !Double.isInfinite(y) && !Double.isInfinite(x)) {
                // Python answers with a complex number, which the subset does not have
                throw PyExc.valueError("math domain error: a negative number to a fractional power is complex");
            }
            double r = Math.pow(x, y);
            if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
                throw PyExc.overflow("Numerical result out of range"); // GraalPy's message has no errno
            }
            return r;
        }
        if (decimalOperands(a, b, "** or pow()")) {
            return Decimals.pow(decimal(a), decimal(b));
        }
        throw PyExc.unsupported("** or pow()", a, b);
    }

    private static Object bitwise(BinOperator op, Object a, Object b) {
        if (a instanceof PySet x && b instanceof PySet y) {
            return SetMethods.operator(op, x, y);
        }
        Object views = ViewSets.operator(op, a, b);
        if (views != null) {
            return views;
        }
        if (op == BinOperator.BITOR && a instanceof PyDict x && b instanceof PyDict y) {
            PyDict out = x.copy();
            for (Map.Entry<Object, Object> e : y.entries()) {
                out.put(e.getKey(), e.getValue());
            }
            return out;
        }
        if (!isInt(a) || !isInt(b)) {
            throw PyExc.unsupported(op.symbol, a, b);
        }
        if (a instanceof Boolean x && b instanceof Boolean y && op != BinOperator.LSHIFT && op != BinOperator.RSHIFT) {
            return switch (op) {
                case BITAND -> x & y;
                case BITOR -> x | y;
                default -> x ^ y;
            };
        }
        BigInteger x = Ints.big(Ints.of(a));
        BigInteger y = Ints.big(Ints.of(b));
        return Ints.normalize(switch (op) {
            case BITAND -> x.and(y);
            case BITOR -> x.or(y);
            case BITXOR -> x.xor(y);
            case LSHIFT -> {
                if (y.signum() < 0) {
                    throw PyExc.valueError("negative shift count");
                }
                yield x.shiftLeft(y.intValueExact());
            }
            default -> {
                if (y.signum() < 0) {
                    throw PyExc.valueError("negative shift count");
                }
                yield y.bitLength() > 31 ? BigInteger.valueOf(x.signum() < 0 ? -1 : 0) : x.shiftRight(y.intValue());
            }
        });
    }

    public static Object negate(Object a) {
        if (isInt(a)) {
            return Ints.neg(Ints.of(a));
        }
        if (a instanceof Double d) {
            return -d;
        }
        if (a instanceof BigDecimal d) {
            return d.negate(DECIMAL_CONTEXT);
        }
        if (a instanceof PyTimedelta) {
            return TimedeltaArith.negate(a);
        }
        throw PyExc.typeError("bad operand type for unary-: '" + Py.typeName(a) + "'");
    }

    public static Object plus(Object a) {
        if (isInt(a)) {
            return Ints.of(a);
        }
        if (a instanceof Double) {
            return a;
        }
        if (a instanceof BigDecimal d) {
            return d.plus(DECIMAL_CONTEXT);
        }
        throw PyExc.typeError("bad operand type for unary+: '" + Py.typeName(a) + "'");
    }

    public static Object invert(Object a) {
        if (isInt(a)) {
            return Ints.sub(Ints.neg(Ints.of(a)), 1L);
        }
        throw PyExc.typeError("bad operand type for unary~: '" + Py.typeName(a) + "'");
    }

    static double toDouble(Object v) {
        return v instanceof Double d ? d : Ints.toDouble(Ints.of(v));
    }

    /** True when the operation is Decimal arithmetic (Decimal with Decimal or int); Decimal with float is a TypeError. */
    private static boolean decimalOperands(Object a, Object b, String op) {
        boolean da = a instanceof BigDecimal;
        boolean db = b instanceof BigDecimal;
        if (!da && !db) {
            return false;
        }
        return (da || isInt(a)) && (db || isInt(b));
    }

    static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal d ? d : new BigDecimal(Ints.big(Ints.of(v)));
    }

    /**
     * Python's decimal module (GraalPy runs the pure-Python one) raises DivisionByZero {@code x / 0}, or
     * InvalidOperation {@code 0 / 0} when the dividend is zero too.
     */
    private static PyExc decimalDivisionByZero(BigDecimal dividend, String op) {
        if (dividend.signum() == 0) {
            return new PyExc(PyExcType.DECIMAL_INVALID_OPERATION, "0 " + op + " 0");
        }
        return new PyExc(PyExcType.DECIMAL_DIVISION_BY_ZERO, "x " + op + " 0");
    }
}
