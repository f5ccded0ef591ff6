package dev.sequor.expr.jinja;

import com.hubspot.jinjava.el.ext.PowerOfOperator;
import com.hubspot.jinjava.el.ext.StringBuildingOperator;
import com.hubspot.jinjava.el.ext.TruncDivOperator;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.objects.collections.SizeLimitingPyList;
import com.hubspot.jinjava.util.LengthLimitingStringBuilder;
import dev.sequor.db.Row;
import dev.sequor.expr.python.subset.Arith;
import dev.sequor.expr.python.subset.HostValues;
import dev.sequor.expr.python.subset.PyDict;
import dev.sequor.expr.python.subset.PyExc;
import dev.sequor.expr.python.subset.PyList;
import dev.sequor.expr.python.subset.PyTuple;
import dev.sequor.expr.python.syntax.Node.BinOperator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import jinjava.de.odysseus.el.misc.NumberOperations;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.impl.Parser.ExtensionHandler;
import jinjava.de.odysseus.el.tree.impl.Parser.ExtensionPoint;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;

/**
 * Python's {@code + - * / // % **} for templates, replacing Jinjava's, which coerced strings to numbers and back:
 * {@code '5' * 2} was 10 (Jinja2: {@code '55'}), {@code '5' + 2} was {@code '52'} and {@code '5' - 2} was 3 (Jinja2:
 * TypeError), {@code 7 / 0} printed {@code inf} (Jinja2: ZeroDivisionError), {@code -7 % 3} was -1 (Jinja2: 2),
 * {@code 2 ** -1} was 0, integers past 2^63 wrapped around, and {@code 2 * 'ab'}, {@code [1] * 2} and
 * {@code 1 + true} were errors. Integers are exact (a Long while they fit, else a BigInteger), other numbers are
 * computed by Jinjava's number operations, {@code '%05d' % n} is the Python subset's formatting (Jinjava failed
 * with "Conversion = ' '"); what Python refuses fails with Python's TypeError or ZeroDivisionError message, and a
 * string, list or tuple may be repeated up to Jinjava's size limits. {@link PythonParser} puts these in
 * place of Jinjava's operators when it parses an expression.
 */
final class PythonArithmetic extends AstBinary.SimpleOperator implements StringBuildingOperator {

    static final PythonArithmetic ADD = new PythonArithmetic("+");
    static final PythonArithmetic SUB = new PythonArithmetic("-");
    static final PythonArithmetic MUL = new PythonArithmetic("*");
    static final PythonArithmetic DIV = new PythonArithmetic("/");
    static final PythonArithmetic FLOOR_DIV = new PythonArithmetic("//");
    static final PythonArithmetic MOD = new PythonArithmetic("%");
    static final PythonArithmetic POW = new PythonArithmetic("**");

    /** The largest integer a template may compute, in bits (about 315,000 digits). */
    private static final long MAX_INTEGER_BITS = 1L << 20;

    /** What {@link PythonParser} registers for the {@code //} token. */
    static final ExtensionHandler FLOOR_DIV_HANDLER = new ExtensionHandler(ExtensionPoint.MUL) {
        @Override
        public AstNode createAstNode(AstNode... children) {
            return new AstBinary(children[0], children[1], FLOOR_DIV);
        }
    };

    /** What {@link PythonParser} registers for the {@code **} token. */
    static final ExtensionHandler POW_HANDLER = new ExtensionHandler(PowerOfOperator.HANDLER.getExtensionPoint()) {
        @Override
        public AstNode createAstNode(AstNode... children) {
            return new AstBinary(children[0], children[1], POW);
        }
    };

    private final String symbol;

    private PythonArithmetic(String symbol) {
        this.symbol = symbol;
    }

    /** Ours for Jinjava's arithmetic operator {@code op}; any other operator as it is. */
    static AstBinary.Operator replacing(AstBinary.Operator op) {
        if (op == AstBinary.ADD || op instanceof com.hubspot.jinjava.el.ext.AdditionOperator) {
            return ADD;
        }
        if (op == AstBinary.SUB) {
            return SUB;
        }
        if (op == AstBinary.MUL) {
            return MUL;
        }
        if (op == AstBinary.DIV) {
            return DIV;
        }
        if (op == AstBinary.MOD) {
            return MOD;
        }
        if (op instanceof TruncDivOperator) {
            return FLOOR_DIV;
        }
        return op;
    }

    @Override
    protected Object apply(TypeConverter converter, Object left, Object right) {
        Object a = left instanceof Boolean b ? (Object) (b ? 1L : 0L) : left;
        Object b = right instanceof Boolean c ? (Object) (c ? 1L : 0L) : right;
        return switch (symbol) {
            case "+" -> add(converter, left, right, a, b);
            case "*" -> multiply(converter, left, right, a, b);
            case "**" -> {
                if (!(a instanceof Number x) || !(b instanceof Number y)) {
                    throw new TemplateValueException("unsupported operand type(s) for ** or pow(): '"
                            + PythonStr.typeName(left) + "' and '" + PythonStr.typeName(right) + "'");
                }
                yield power(x, y);
            }
            default -> {
                if (!(a instanceof Number x) || !(b instanceof Number y)) {
                    if (symbol.equals("%") && left instanceof CharSequence format) {
                        yield percentFormat(format.toString(), right);
                    }
                    throw unsupported(left, right);
                }
                yield divideOrSubtract(converter, x, y);
            }
        };
    }

    private Object add(TypeConverter converter, Object left, Object right, Object a, Object b) {
        if (left instanceof CharSequence s) {
            if (!(right instanceof CharSequence t)) {
                throw new TemplateValueException("can only concatenate str (not \"" + PythonStr.typeName(right)
                        + "\") to str");
            }
            return getStringBuilder().append(s.toString()).append(t.toString()).toString();
        }
        if (left instanceof Collection<?> items) {
            if (!(right instanceof Collection<?> more) || (left instanceof PythonTuple) != (right instanceof PythonTuple)) {
                String type = PythonStr.typeName(left);
                throw new TemplateValueException("can only concatenate " + type + " (not \"" + PythonStr.typeName(right)
                        + "\") to " + type);
            }
            List<Object> joined = new ArrayList<>(items);
            joined.addAll(more);
            return left instanceof PythonTuple ? new PythonTuple(joined) : list(joined);
        }
        if (a instanceof Number && b instanceof Number) {
            return isInteger(a) && isInteger(b) ? exact(bigInteger((Number) a).add(bigInteger((Number) b)))
                    : NumberOperations.add(converter, a, b);
        }
        throw unsupported(left, right);
    }

    private Object multiply(TypeConverter converter, Object left, Object right, Object a, Object b) {
        if (isSequence(left) || isSequence(right)) {
            Object sequence = isSequence(left) ? left : right;
            Object count = isSequence(left) ? b : a;
            if (!isInteger(count)) {
                throw new TemplateValueException("can't multiply sequence by non-int of type '"
                        + PythonStr.typeName(isSequence(left) ? right : left) + "'");
            }
            long n = ((Number) count).longValue();
            return repeat(sequence, count instanceof BigInteger big && big.signum() > 0 ? Long.MAX_VALUE : n);
        }
        if (a instanceof Number && b instanceof Number) {
            return isInteger(a) && isInteger(b) ? exact(bigInteger((Number) a).multiply(bigInteger((Number) b)))
                    : NumberOperations.mul(converter, a, b);
        }
        throw unsupported(left, right);
    }

    private Object repeat(Object sequence, long n) {
        if (sequence instanceof CharSequence s) {
            LengthLimitingStringBuilder out = getStringBuilder();
            if (s.isEmpty()) {
                return "";
            }
            for (long i = 0; i < n; i++) {
                out.append(s.toString()); // fails with Jinjava's message past the longest string a template may build
            }
            return out.toString();
        }
        Collection<?> items = (Collection<?>) sequence;
        if (n <= 0 || items.isEmpty()) {
            return sequence instanceof PythonTuple ? new PythonTuple(new ArrayList<>()) : list(new ArrayList<>());
        }
        if (n > Templates.MAX_OUTPUT_CHARS / items.size()) {
            throw new TemplateValueException("a list of " + items.size() + " items repeated " + n
                    + " times is longer than a template may build");
        }
        List<Object> repeated = new ArrayList<>((int) (items.size() * n));
        for (long i = 0; i < n; i++) {
            repeated.addAll(items);
        }
        return sequence instanceof PythonTuple ? new PythonTuple(repeated) : list(repeated);
    }

    private Object divideOrSubtract(TypeConverter converter, Number a, Number b) {
        if (symbol.equals("-")) {
            return isInteger(a) && isInteger(b) ? exact(bigInteger(a).subtract(bigInteger(b)))
                    : NumberOperations.sub(converter, a, b);
        }
        boolean floats = isFloat(a) || isFloat(b);
        if (isZero(b)) {
            throw new TemplateValueException(switch (symbol) {
                case "/" -> floats ? "float division by zero" : "division by zero";
                case "//" -> floats ? "float floor division by zero" : "integer division or modulo by zero";
                default -> floats ? "float modulo" : "integer modulo by zero";
            });
        }
        if (symbol.equals("/")) {
            return isInteger(a) && isInteger(b) ? trueDivision(bigInteger(a), bigInteger(b))
                    : NumberOperations.div(converter, a, b);
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            // Python's Decimal: // truncates and % takes the dividend's sign
            BigDecimal x = decimal(a);
            BigDecimal y = decimal(b);
            return symbol.equals("//") ? x.divideToIntegralValue(y).setScale(0, RoundingMode.DOWN) : x.remainder(y);
        }
        if (floats) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            double mod = x % y;
            if (mod != 0 && (mod < 0) != (y < 0)) {
                mod += y;
            }
            return symbol.equals("//") ? (double) Math.round((x - mod) / y) : (mod == 0 ? Math.copySign(0.0, y) : mod);
        }
        if (a instanceof BigInteger || b instanceof BigInteger) {
            BigInteger x = bigInteger(a);
            BigInteger y = bigInteger(b);
            BigInteger[] qr = x.divideAndRemainder(y);
            if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                qr[0] = qr[0].subtract(BigInteger.ONE);
                qr[1] = qr[1].add(y);
            }
            return symbol.equals("//") ? qr[0] : qr[1];
        }
        long x = a.longValue();
        long y = b.longValue();
        return symbol.equals("//") ? Math.floorDiv(x, y) : Math.floorMod(x, y);
    }

    /**
     * Python's {@code format % values} by the Python subset's own (a tuple gives several values, a dict named ones);
     * its TypeError or ValueError is the template's error.
     */
    static String percentFormat(String format, Object values) {
        Object args = toPython(values);
        try {
            return (String) Arith.binary(BinOperator.MOD, format, args);
        } catch (PyExc e) {
            throw new TemplateValueException(e.getMessage());
        }
    }

    /** A template value as the Python subset's, tuples kept tuples at any depth. */
    static Object toPython(Object value) {
        if (value instanceof PythonTuple tuple) {
            return new PyTuple(tuple.stream().map(PythonArithmetic::toPython).toArray());
        }
        if (value instanceof Map.Entry<?, ?> item) { // a dict's item, from items() or dictsort
            return new PyTuple(new Object[] {toPython(item.getKey()), toPython(item.getValue())});
        }
        if (value instanceof Map<?, ?> map && !(value instanceof Row)) {
            PyDict dict = new PyDict(map.size());
            map.forEach((k, v) -> dict.put(toPython(k), toPython(v)));
            return dict;
        }
        if (value instanceof Collection<?> items) {
            PyList list = new PyList(items.size());
            items.forEach(item -> list.add(toPython(item)));
            return list;
        }
        return HostValues.toPython(value);
    }

    /** Python's {@code a ** b}: exact for integers, a float for a negative exponent. */
    private static Object power(Number a, Number b) {
        if (isInteger(a) && isInteger(b) && bigInteger(b).signum() >= 0) {
            BigInteger base = bigInteger(a);
            if (base.abs().compareTo(BigInteger.ONE) <= 0) { // -1, 0 or 1, to any power however big
                if (base.signum() == 0) {
                    return bigInteger(b).signum() == 0 ? 1L : 0L;
                }
                return base.signum() < 0 && bigInteger(b).testBit(0) ? -1L : 1L;
            }
            if (bigInteger(b).bitLength() > 31 || (long) base.abs().bitLength() * b.longValue() > MAX_INTEGER_BITS) {
                throw new TemplateValueException("the result of " + a + " ** " + b + " is too big for a template");
            }
            return exact(base.pow(b.intValue()));
        }
        if (a instanceof BigDecimal d && isInteger(b) && b.longValue() >= 0 && b.longValue() <= 999_999_999) {
            return d.pow(b.intValue());
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (x == 0 && y < 0) {
            throw new TemplateValueException("0.0 cannot be raised to a negative power");
        }
        double result = Math.pow(x, y);
        if (Double.isNaN(result) && !Double.isNaN(x) && !Double.isNaN(y)) {
            throw new TemplateValueException("a negative number to a fractional power is a complex number, which "
                    + "templates do not have");
        }
        if (Double.isInfinite(result) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw new TemplateValueException("(34, 'Numerical result out of range')");
        }
        return result;
    }

    /** An integer result as a Long when it fits, as Jinjava's own integers are; Python's ints do not overflow. */
    private static Object exact(BigInteger n) {
        if (n.bitLength() > MAX_INTEGER_BITS) {
            throw new TemplateValueException("an integer of " + n.bitLength() + " bits is too big for a template");
        }
        return n.bitLength() < 64 ? (Object) n.longValue() : n;
    }

    /** Python's {@code int / int}: the float nearest to the quotient. */
    private static double trueDivision(BigInteger a, BigInteger b) {
        if (a.bitLength() <= 53 && b.bitLength() <= 53) {
            return a.doubleValue() / b.doubleValue(); // both exact as doubles: one rounding, as Python's
        }
        double q = new BigDecimal(a).divide(new BigDecimal(b), new MathContext(40)).doubleValue();
        if (Double.isInfinite(q)) {
            throw new TemplateValueException("integer division result too large for a float");
        }
        return q;
    }

    private TemplateValueException unsupported(Object left, Object right) {
        return new TemplateValueException("unsupported operand type(s) for " + symbol + ": '"
                + PythonStr.typeName(left) + "' and '" + PythonStr.typeName(right) + "'");
    }

    private static Object list(List<Object> items) {
        int max = JinjavaInterpreter.getCurrentMaybe().map(i -> i.getConfig().getMaxListSize()).orElse(Integer.MAX_VALUE);
        return new SizeLimitingPyList(items, max);
    }

    private static boolean isSequence(Object o) {
        return o instanceof CharSequence || o instanceof Collection<?>;
    }

    private static boolean isInteger(Object o) {
        return o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte
                || o instanceof BigInteger;
    }

    private static boolean isFloat(Number n) {
        return n instanceof Double || n instanceof Float;
    }

    private static boolean isZero(Number n) {
        if (n instanceof BigDecimal d) {
            return d.signum() == 0;
        }
        if (n instanceof BigInteger i) {
            return i.signum() == 0;
        }
        return isFloat(n) ? n.doubleValue() == 0 : n.longValue() == 0;
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : n instanceof BigInteger i ? new BigDecimal(i) : new BigDecimal(n.toString());
    }

    private static BigInteger bigInteger(Number n) {
        return n instanceof BigInteger i ? i : BigInteger.valueOf(n.longValue());
    }

    @Override
    public String toString() {
        return symbol;
    }
}
