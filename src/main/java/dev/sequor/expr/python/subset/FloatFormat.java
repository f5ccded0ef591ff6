package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code format(float, spec)} and the float conversions of {@code %}, as GraalPy's FloatFormatter does them:
 * digits from the exact binary value rounded half-even (correctly rounded, like CPython's dtoa), the shortest
 * repr digits for the empty type, and Python's layout rules for e, f, g, % and n.
 */
final class FloatFormat extends NumberLayout {

    private int lenPoint;
    private int lenFraction;
    private int lenMarker;
    /** Fraction digits always shown: 1 for the empty type ("1.0"), -1 for '#' (keep the point and zeros). */
    private final int minFracDigits;

    private FloatFormat(FormatSpec spec) {
        super(spec);
        if (spec.alternate()) {
            minFracDigits = -1;
        } else if (spec.type() == 'r' || spec.type() == FormatSpec.NONE) {
            minFracDigits = 1;
        } else {
            minFracDigits = 0;
        }
    }

    static String format(double value, String specText) {
        FormatSpec spec = FormatSpec.parse(specText, FormatSpec.NONE, '>');
        switch (spec.type()) {
            case FormatSpec.NONE, 'n', 'e', 'f', 'g', 'E', 'F', 'G', '%' -> {
            }
            default -> throw IntFormat.unknownFormat(spec.type(), "float");
        }
        return format(value, spec);
    }

    static String format(double value, FormatSpec spec) {
        FloatFormat f = new FloatFormat(spec);
        f.layout(spec.noNegZero() && roundsToZero(value, spec) ? 0.0 : value);
        return f.pad();
    }

    /**
     * For the {@code z} option: whether a negative value shows only zeros once rounded ({@code -0.0}, {@code -0.04}
     * at {@code .1f}), so that CPython's Py_DTSF_NO_NEG_0 drops its sign. A positive zero formats to the same digits.
     */
    private static boolean roundsToZero(double value, FormatSpec spec) {
        if (!(value < 0 || (value == 0 && 1 / value < 0))) {
            return false;
        }
        FloatFormat digits = new FloatFormat(new FormatSpec(FormatSpec.NONE, '>', FormatSpec.NONE, false,
                spec.alternate(), -1, FormatSpec.NONE, spec.precision(), spec.type()));
        digits.layout(-value);
        return Double.isFinite(value) && !digits.result.chars().anyMatch(c -> c >= '1' && c <= '9');
    }

    private void layout(double value) {
        int precision = spec.precision() >= 0 ? spec.precision() : 6;
        String positivePrefix = FormatSpec.given(spec.sign()) && spec.sign() != '-' ? String.valueOf(spec.sign()) : null;
        char type = spec.type();
        int thresholdAdjust = 0;
        if (!FormatSpec.given(type) && spec.precision() >= 0) {
            type = 'g'; // empty type with a precision: like g, but switching to exponent one digit earlier
            thresholdAdjust = -1;
        }
        switch (Character.toLowerCase(type)) {
            case 'e' -> formatE(value, positivePrefix, precision);
            case 'f' -> formatF(value, positivePrefix, precision);
            case 'g' -> formatG(value, positivePrefix, precision, thresholdAdjust);
            case 'n' -> {
                formatG(value, positivePrefix, precision, thresholdAdjust);
                useLocaleGrouping();
            }
            case '%' -> {
                formatF(100.0 * value, positivePrefix, precision);
                result.append('%');
            }
            default -> formatR(value, positivePrefix); // the empty type: repr's digits
        }
        if (Character.isUpperCase(spec.type())) {
            int marker = start + lenSign + lenWhole + lenPoint + lenFraction;
            for (int i = marker; i < marker + lenMarker && i < result.length(); i++) {
                result.setCharAt(i, Character.toUpperCase(result.charAt(i)));
            }
        }
        groupWholeIfRequired();
    }

    /** Writes the sign; true (with the text written) for zero, inf and nan. */
    private boolean signAndSpecial(double value, String positivePrefix) {
        long bits = Double.doubleToRawLongBits(value);
        if (Double.isNaN(value)) {
            bits &= ~Long.MIN_VALUE;
        }
        if ((bits & Long.MIN_VALUE) != 0) {
            result.append('-');
            lenSign = 1;
            bits &= ~Long.MIN_VALUE;
        } else if (positivePrefix != null) {
            result.append(positivePrefix);
            lenSign = positivePrefix.length();
        }
        if (bits == 0L) {
            result.append('0');
            lenWhole = 1;
            return true;
        }
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            result.append(Double.isNaN(value) ? "nan" : "inf");
            lenMarker = 3;
            return true;
        }
        return false;
    }

    private void formatE(double value, String positivePrefix, int precision) {
        int exp = 0;
        if (!signAndSpecial(value, positivePrefix)) {
            BigDecimal v = new BigDecimal(Math.abs(value), new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            String digits = v.unscaledValue().toString();
            result.append(digits.charAt(0));
            lenWhole = 1;
            if (digits.length() > 1) {
                result.append('.').append(digits, 1, digits.length());
                lenPoint = 1;
                lenFraction = digits.length() - 1;
            }
            exp = lenFraction - v.scale();
        }
        if (lenMarker == 0) {
            ensurePointAndTrailingZeros(precision);
            appendExponent(exp);
        }
    }

    private void formatF(double value, String positivePrefix, int precision) {
        if (!signAndSpecial(value, positivePrefix)) {
            BigDecimal v = new BigDecimal(Math.abs(value)).setScale(precision, RoundingMode.HALF_EVEN);
            result.append(v.toPlainString());
            lenFraction = v.scale();
            if (lenFraction > 0) {
                lenPoint = 1;
                lenWhole = result.length() - (start + lenSign + 1 + lenFraction);
            } else {
                lenWhole = result.length() - (start + lenSign);
            }
        }
        if (lenMarker == 0) {
            ensurePointAndTrailingZeros(precision);
        }
    }

    private void ensurePointAndTrailingZeros(int digits) {
        int n = Math.max(digits, minFracDigits);
        if (lenPoint == 0 && (n > 0 || minFracDigits < 0)) {
            result.append('.');
            lenPoint = 1;
        }
        for (; lenFraction < n; lenFraction++) {
            result.append('0');
        }
    }

    private void formatG(double value, String positivePrefix, int precision, int thresholdAdjust) {
        int prec = Math.max(1, precision);
        int threshold = prec + thresholdAdjust;
        if (signAndSpecial(value, positivePrefix)) {
            zeroHelper(prec, threshold);
            return;
        }
        BigDecimal v = new BigDecimal(Math.abs(value), new MathContext(prec, RoundingMode.HALF_EVEN));
        String digits = v.unscaledValue().toString();
        int exp = digits.length() - v.scale() - 1;
        if (-4 <= exp && exp < threshold) {
            appendFixed(digits, exp, prec);
        } else {
            appendExponential(digits, exp);
        }
    }

    /** The empty type: repr's shortest digits, positional below 1e16. */
    private void formatR(double value, String positivePrefix) {
        int precision = 17;
        int threshold = precision - 1;
        if (signAndSpecial(value, positivePrefix)) {
            zeroHelper(precision, threshold);
            return;
        }
        StringBuilder digits = new StringBuilder(20);
        int exp = reprDigits(Math.abs(value), digits);
        if (-4 <= exp && exp < threshold) {
            appendFixed(digits.toString(), exp, precision);
        } else {
            appendExponential(digits.toString(), exp);
        }
    }

    /**
     * The digits of Java's shortest repr ({@code Double.toString}) without the point and leading zeros, and the
     * decimal exponent of the first. Like GraalPy, this keeps a trailing zero that Double.toString writes
     * ("1.0E16" gives "10"), which shows with '#': {@code format(1e16, '#')} is '1.0e+16'.
     */
    private static int reprDigits(double value, StringBuilder digits) {
        String s = Double.toString(value);
        int p = 0;
        int first = 0;
        int point = s.length();
        boolean allZero = true;
        char c = 0;
        while (p < s.length()) {
            c = s.charAt(p++);
            if (Character.isDigit(c)) {
                if (!allZero || c != '0') {
                    if (allZero) {
                        first = p;
                    }
                    digits.append(c);
                    allZero = false;
                }
            } else if (c == '.') {
                point = p;
            } else {
                break;
            }
        }
        if (p < s.length() && c == 'E') {
            return Integer.parseInt(s.substring(p));
        }
        int exp = point - first - 1;
        return exp < 0 ? exp + 1 : exp;
    }

    private void zeroHelper(int precision, int threshold) {
        if (lenMarker == 0) {
            if (minFracDigits < 0) {
                appendPointAndTrailingZeros(precision - 1);
            } else if (lenFraction < minFracDigits) {
                appendTrailingZeros(minFracDigits);
            }
            if (0 >= threshold) {
                appendExponent(0);
            }
        }
    }

    private void appendFixed(String digits, int exp, int precision) {
        boolean noTruncate = minFracDigits < 0;
        int count = digits.length();
        if (exp < 0) {
            result.append("0.");
            lenWhole = 1;
            lenPoint = 1;
            result.append("0".repeat(-exp - 1)).append(digits);
            lenFraction = count - exp - 1;
        } else {
            int w = exp + 1;
            if (w < count) {
                result.append(digits, 0, w).append('.').append(digits, w, count);
                lenWhole = w;
                lenPoint = 1;
                lenFraction = count - w;
            } else {
                result.append(digits).append("0".repeat(w - count));
                lenWhole = w;
                count = w;
            }
        }
        if (noTruncate) {
            appendPointAndTrailingZeros(lenFraction + precision - count);
        } else if (lenFraction < minFracDigits) {
            appendTrailingZeros(minFracDigits);
        } else {
            removeTrailingZeros(minFracDigits);
        }
    }

    private void appendExponential(String digits, int exp) {
        result.append(digits.charAt(0));
        lenWhole = 1;
        result.append('.').append(digits, 1, digits.length());
        lenPoint = 1;
        lenFraction = digits.length() - 1;
        if (minFracDigits >= 0) {
            removeTrailingZeros(0);
        }
        appendExponent(exp);
    }

    private void appendTrailingZeros(int n) {
        if (n > lenFraction) {
            if (lenPoint == 0) {
                result.append('.');
                lenPoint = 1;
            }
            for (; lenFraction < n; lenFraction++) {
                result.append('0');
            }
        }
    }

    private void appendPointAndTrailingZeros(int n) {
        if (lenPoint == 0) {
            result.append('.');
            lenPoint = 1;
        }
        for (; lenFraction < n; lenFraction++) {
            result.append('0');
        }
    }

    private void removeTrailingZeros(int n) {
        if (lenPoint > 0 && (n == 0 || lenFraction > n)) {
            int fracStart = result.length() - lenFraction;
            int f = lenFraction;
            while (f > n && result.charAt(fracStart - 1 + f) == '0') {
                f--;
            }
            if (f == 0) { // no fraction left: the point goes too
                lenPoint = 0;
                lenFraction = 0;
                result.setLength(fracStart - 1);
            } else {
                lenFraction = f;
                result.setLength(fracStart + f);
            }
        }
    }

    private void appendExponent(int exp) {
        int marker = result.length();
        if (exp < 0) {
            result.append(exp <= -10 ? "e-" : "e-0").append(-exp);
        } else {
            result.append(exp < 10 ? "e+0" : "e+").append(exp);
        }
        lenMarker = 1;
        assert marker < result.length();
    }
}
