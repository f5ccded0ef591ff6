package dev.sequor.expr.python.subset;

import java.math.BigInteger;

/**
 * {@code format(int, spec)} as GraalPy's int.__format__ does it: the float types (e f g % ...) format the int as a
 * float; precision is refused; d x X o b c n lay out the digits. GraalPy names the type in "Unknown format code"
 * 'int' for values that fit in 32 bits and 'integer' for larger ones (its two code paths).
 */
final class IntFormat extends NumberLayout {

    private static final BigInteger UNICODE_LIMIT = BigInteger.valueOf(0x110000);

    private IntFormat(FormatSpec spec) {
        super(spec);
    }

    static String format(Object intValue, String specText) {
        FormatSpec spec = FormatSpec.parse(specText, 'd', '>');
        BigInteger value = Ints.big(Ints.of(intValue));
        switch (spec.type()) {
            case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> {
                return FloatFormat.format(Ints.toDouble(Ints.of(intValue)), spec);
            }
            default -> {
            }
        }
        if (spec.precision() >= 0) {
            throw PyExc.valueError("Precision not allowed in integer format specifier");
        }
        if (spec.noNegZero()) { // an int has no negative zero; CPython refuses the option (after the precision)
            throw PyExc.valueError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        if (spec.type() == 'c') {
            if (FormatSpec.given(spec.sign())) {
                throw PyExc.valueError("Sign not allowed with integer format specifier 'c'");
            }
            if (spec.alternate()) {
                throw PyExc.valueError("Alternate form (#) not allowed with integer format specifier 'c'");
            }
        }
        boolean small = value.bitLength() < 32;
        return new IntFormat(spec).layout(value, small ? "int" : "integer").pad();
    }

    /** The digits for %-formatting: {@code minDigits} zero-extends them (the precision of {@code %.3d}). */
    static String percent(BigInteger value, FormatSpec spec) {
        IntFormat f = new IntFormat(spec);
        f.minDigits = Math.max(spec.precision(), 0);
        return f.layout(value, "integer").pad();
    }

    private int minDigits;

    private IntFormat layout(BigInteger value, String typeName) {
        switch (spec.type()) {
            case 'd', FormatSpec.NONE -> digits(value, 10, null);
            case 'x' -> digits(value, 16, "0x");
            case 'X' -> {
                digits(value, 16, "0X");
                int from = start + lenSign;
                result.replace(from, result.length(), result.substring(from).toUpperCase(java.util.Locale.ROOT));
            }
            case 'o' -> digits(value, 8, "0o");
            case 'b' -> digits(value, 2, "0b");
            case 'c', '%' -> {
                if (value.signum() < 0 || value.compareTo(UNICODE_LIMIT) >= 0) {
                    throw PyExc.overflow("%c arg not in range(0x110000)");
                }
                result.appendCodePoint(value.intValue());
            }
            case 'n' -> {
                digits(value, 10, null);
                useLocaleGrouping();
            }
            default -> throw unknownFormat(spec.type(), typeName);
        }
        groupWholeIfRequired();
        return this;
    }

    static PyExc unknownFormat(char code, String typeName) {
        return PyExc.valueError("Unknown format code '" + code + "' for object of type '" + typeName + "'");
    }

    private void digits(BigInteger value, int radix, String base) {
        if (value.signum() < 0) {
            result.append('-');
            lenSign = 1;
        } else if (FormatSpec.given(spec.sign()) && spec.sign() != '-') {
            result.append(spec.sign());
            lenSign = 1;
        }
        if (base != null && spec.alternate()) {
            result.append(base);
            lenSign += base.length();
        }
        String number = value.abs().toString(radix);
        for (int n = number.length(); n < minDigits; n++) {
            result.append('0');
        }
        lenWhole = Math.max(number.length(), minDigits);
        result.append(number);
    }
}
