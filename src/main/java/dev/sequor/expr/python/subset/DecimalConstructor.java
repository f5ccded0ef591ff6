package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code decimal.Decimal(value)} on BigDecimal, exact as Python's: from str (Python's numeric string syntax, any
 * Unicode digits, underscores ignored, surrounding whitespace stripped), int, float (its exact binary value:
 * {@code Decimal(0.1)} has 55 digits), Decimal, or a (sign, digits, exponent) tuple. BigDecimal has no NaN,
 * infinity or negative zero: NaN and infinities are a clear error, {@code -0} becomes {@code 0}.
 */
final class DecimalConstructor {

    private static final Pattern NUMBER = Pattern.compile(
            "([-+])?(?=\\d|\\.\\d)(\\d*)(?:\\.(\\d*))?(?:[eE]([-+]?\\d+))?", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPECIAL = Pattern.compile("[-+]?(?:inf(?:inity)?|s?nan\\d*)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private DecimalConstructor() {
    }

    static Object toDecimal(Object[] args, Kwargs kwargs) {
        Args.onlyKeywords("Decimal", kwargs, "value", "context");
        if (args.length > 2) {
            throw PyExc.typeError("Decimal.__new__() takes from 1 to 3 positional arguments but " + (args.length + 1)
                    + " were given");
        }
        if (Args.named(args, kwargs, 1, "context", null) != null) {
            throw PyExc.valueError("Decimal(value, context) is not supported by Sequor's Python evaluator");
        }
        return of(Args.named(args, kwargs, 0, "value", "0"));
    }

    static BigDecimal of(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof String s) {
            return parse(s);
        }
        if (Ints.isInt(value)) {
            return new BigDecimal(Ints.big(Ints.of(value)));
        }
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw unsupportedSpecial();
            }
            return new BigDecimal(d);
        }
        if (value instanceof PyTuple || value instanceof PyList) {
            return fromTuple(Items.toList(value));
        }
        throw PyExc.typeError("Cannot convert " + Py.repr(value) + " to Decimal");
    }

    static PyExc unsupportedSpecial() {
        return PyExc.valueError("Decimal NaN and Infinity are not supported by Sequor's Python evaluator");
    }

    private static BigDecimal parse(String value) {
        String s = value.strip().replace("_", "");
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) {
            if (SPECIAL.matcher(s).matches()) {
                throw unsupportedSpecial();
            }
            throw new PyExc(PyExcType.DECIMAL_INVALID_OPERATION, "Invalid literal for Decimal: " + Py.repr(value));
        }
        StringBuilder text = new StringBuilder();
        if ("-".equals(m.group(1))) {
            text.append('-');
        }
        String intPart = ascii(m.group(2));
        String fraction = m.group(3) == null ? "" : ascii(m.group(3));
        text.append(intPart.isEmpty() ? "0" : intPart);
        if (!fraction.isEmpty()) {
            text.append('.').append(fraction);
        }
        if (m.group(4) != null) {
            BigInteger exponent = new BigInteger(ascii(m.group(4)));
            if (exponent.bitLength() > 30) {
                throw PyExc.valueError("Decimal exponents beyond 1e9 are not supported by Sequor's Python evaluator");
            }
            text.append('E').append(exponent);
        }
        return new BigDecimal(text.toString());
    }

    /** Unicode decimal digits as ASCII ones (Python accepts any script's digits). */
    private static String ascii(String digits) {
        StringBuilder sb = new StringBuilder(digits.length());
        digits.codePoints().forEach(cp -> sb.append(cp == '-' || cp == '+' ? (char) cp : (char) ('0' + Character.digit(cp, 10))));
        return sb.toString();
    }

    /** {@code Decimal((sign, (digits...), exponent))}. */
    private static BigDecimal fromTuple(java.util.List<Object> parts) {
        if (parts.size() != 3) {
            throw PyExc.valueError("Invalid tuple size in creation of Decimal from list or tuple.  The list or tuple "
                    + "should have exactly three elements.");
        }
        Object sign = parts.get(0);
        if (!(sign instanceof Long l && (l == 0 || l == 1))) {
            throw PyExc.valueError("Invalid sign.  The first value in the tuple should be an integer; either 0 for a "
                    + "positive number or 1 for a negative number.");
        }
        if (!Ints.isInt(parts.get(2))) {
            throw unsupportedSpecial();
        }
        StringBuilder digits = new StringBuilder();
        for (Object d : Items.iterate(parts.get(1))) {
            if (!(d instanceof Long x && x >= 0 && x <= 9)) {
                throw PyExc.valueError("The second value in the tuple must be composed of integers in the range 0 through 9.");
            }
            digits.append(x);
        }
        BigInteger unscaled = digits.length() == 0 ? BigInteger.ZERO : new BigInteger(digits.toString());
        int exponent = Args.intArg(parts.get(2), "");
        BigDecimal d = new BigDecimal(unscaled, -exponent);
        return (Long) sign == 1 ? d.negate() : d;
    }
}
