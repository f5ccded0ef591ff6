package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code format(Decimal, spec)}: GraalPy runs the pure-Python decimal module (_pydecimal), whose __format__ has its
 * own spec grammar, messages ({@code Invalid format specifier: d}) and rules (the empty type is 'G' under the
 * default context, exponents are written {@code e+0}, zero padding groups the zeros). This follows it line by line,
 * with the default context (half-even rounding). The sign of a negative zero is kept through rounding, as
 * Decimal does; a Decimal negative zero itself cannot be held by BigDecimal.
 */
final class DecimalFormats {

    private static final Pattern SPEC = Pattern.compile("\\A(?:(?<fill>.)?(?<align>[<>=^]))?(?<sign>[-+ ])?(?<noneg>z)?"
            + "(?<alt>#)?(?<zeropad>0)?(?<width>(?!0)\\d+)?(?<sep>,)?(?:\\.(?<precision>0|(?!0)\\d+))?(?<type>[eEfFgGn%])?\\z",
            Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS);

    private DecimalFormats() {
    }

    private record Spec(String fill, String align, String sign, boolean noNegZero, boolean alt, boolean zeropad,
            int width, String sep, int groupSize, String point, Integer precision, char type) {
    }

    static String format(BigDecimal value, String specText) {
        Spec spec = parse(specText);
        boolean negative = value.signum() < 0;
        char type = spec.type == 0 ? 'G' : spec.type; // the default context has capitals=1
        BigDecimal v = value.abs();
        if (type == '%') {
            v = v.scaleByPowerOfTen(2);
        }
        Integer precision = spec.precision;
        if (precision != null) {
            if (type == 'e' || type == 'E') {
                v = round(v, precision + 1);
            } else if (type == 'f' || type == 'F' || type == '%') {
                v = v.setScale(precision, RoundingMode.HALF_EVEN);
            } else if (digits(v).length() > precision) {
                v = round(v, precision);
            }
        }
        if (v.signum() == 0 && -v.scale() > 0 && (type == 'f' || type == 'F' || type == '%')) {
            v = v.setScale(0, RoundingMode.HALF_EVEN);
        }
        boolean adjustedNegative = negative && !(v.signum() == 0 && spec.noNegZero);
        String coefficient = digits(v);
        int exponent = -v.scale();
        int leftDigits = exponent + coefficient.length();
        int dotPlace;
        if (type == 'e' || type == 'E') {
            dotPlace = v.signum() == 0 && precision != null ? 1 - precision : 1;
        } else if (type == 'f' || type == 'F' || type == '%') {
            dotPlace = leftDigits;
        } else {
            dotPlace = exponent <= 0 && leftDigits > -6 ? leftDigits : 1;
        }
        String intPart;
        String fracPart;
        if (dotPlace < 0) {
            intPart = "0";
            fracPart = "0".repeat(-dotPlace) + coefficient;
        } else if (dotPlace > coefficient.length()) {
            intPart = coefficient + "0".repeat(dotPlace - coefficient.length());
            fracPart = "";
        } else {
            intPart = dotPlace == 0 ? "0" : coefficient.substring(0, dotPlace);
            fracPart = coefficient.substring(dotPlace);
        }
        return formatNumber(adjustedNegative, intPart, fracPart, leftDigits - dotPlace, spec, type);
    }

    private static Spec parse(String text) {
        Matcher m = SPEC.matcher(text);
        if (!m.matches()) {
            throw PyExc.valueError("Invalid format specifier: " + text);
        }
        boolean zeropad = m.group("zeropad") != null;
        if (zeropad && m.group("fill") != null) {
            throw PyExc.valueError("Fill character conflicts with '0' in format specifier: " + text);
        }
        if (zeropad && m.group("align") != null) {
            throw PyExc.valueError("Alignment conflicts with '0' in format specifier: " + text);
        }
        Integer precision = m.group("precision") == null ? null : Integer.valueOf(m.group("precision"));
        String typeText = m.group("type");
        char type = typeText == null ? 0 : typeText.charAt(0);
        if (precision != null && precision == 0 && (type == 0 || type == 'g' || type == 'G' || type == 'n')) {
            precision = 1;
        }
        String sep = m.group("sep") == null ? "" : ",";
        int groupSize = 3;
        String point = ".";
        if (type == 'n') {
            // the separators of the locale, which GraalPy's localeconv() takes from the JVM's default locale
            if (m.group("sep") != null) {
                throw PyExc.valueError("Explicit thousands separator conflicts with 'n' type in format specifier: " + text);
            }
            type = 'g';
            NumberLayout locale = new NumberLayout(FormatSpec.parse("", 'd', '>'));
            locale.useLocaleGrouping();
            sep = FormatSpec.given(locale.grouping) ? String.valueOf(locale.grouping) : "";
            groupSize = locale.groupSize > 0 ? locale.groupSize : Integer.MAX_VALUE;
            point = String.valueOf(NumberLayout.localeDecimalSeparator());
        }
        return new Spec(m.group("fill") == null ? " " : m.group("fill"), m.group("align") == null ? ">" : m.group("align"),
                m.group("sign") == null ? "-" : m.group("sign"), m.group("noneg") != null, m.group("alt") != null,
                zeropad, m.group("width") == null ? 0 : Integer.parseInt(m.group("width")),
                sep, groupSize, point, precision, type);
    }

    /** Decimal._round: to {@code places} significant digits, again if rounding carried into a new digit. */
    private static BigDecimal round(BigDecimal v, int places) {
        if (v.signum() == 0) {
            return v;
        }
        BigDecimal ans = v.setScale(-(adjusted(v) + 1 - places), RoundingMode.HALF_EVEN);
        if (adjusted(ans) != adjusted(v)) {
            ans = ans.setScale(-(adjusted(ans) + 1 - places), RoundingMode.HALF_EVEN);
        }
        return ans;
    }

    private static int adjusted(BigDecimal v) {
        return -v.scale() + digits(v).length() - 1;
    }

    private static String digits(BigDecimal v) {
        return v.unscaledValue().abs().toString();
    }

    private static String formatNumber(boolean negative, String intPart, String fracPart, int exp, Spec spec, char type) {
        String sign = negative ? "-" : (spec.sign.equals("+") || spec.sign.equals(" ") ? spec.sign : "");
        String frac = fracPart;
        if (!frac.isEmpty() || spec.alt) {
            frac = spec.point + frac;
        }
        if (exp != 0 || type == 'e' || type == 'E') {
            char echar = type == 'E' || type == 'G' ? 'E' : 'e';
            frac += echar + (exp >= 0 ? "+" : "-") + Math.abs((long) exp);
        }
        if (type == '%') {
            frac += "%";
        }
        int minWidth = spec.zeropad ? spec.width - Strs.len(frac) - Strs.len(sign) : 0;
        String grouped = insertThousandsSep(intPart, spec.sep, spec.groupSize, minWidth);
        return align(sign, grouped + frac, spec);
    }

    /** _insert_thousands_sep with groups of {@code groupSize}, zero-extending to {@code minWidth} (a zero before a leading separator). */
    private static String insertThousandsSep(String digits, String sep, int groupSize, int minWidth) {
        java.util.List<String> groups = new java.util.ArrayList<>();
        String rest = digits;
        int width = minWidth;
        while (true) {
            int l = Math.min(Math.max(Math.max(rest.length(), width), 1), groupSize);
            groups.add("0".repeat(Math.max(0, l - rest.length())) + rest.substring(Math.max(0, rest.length() - l)));
            rest = rest.substring(0, Math.max(0, rest.length() - l));
            width -= l;
            if (rest.isEmpty() && width <= 0) {
                break;
            }
            width -= sep.length();
        }
        java.util.Collections.reverse(groups);
        return String.join(sep, groups);
    }

    private static String align(String sign, String body, Spec spec) {
        int n = spec.width - Strs.len(sign) - Strs.len(body);
        String padding = n > 0 ? spec.fill.repeat(n) : "";
        return switch (spec.align) {
            case "<" -> sign + body + padding;
            case "=" -> sign + padding + body;
            case "^" -> {
                int half = Strs.len(padding) / 2;
                yield Strs.substring(padding, 0, half) + sign + body + Strs.substring(padding, half, Strs.len(padding));
            }
            default -> padding + sign + body;
        };
    }
}
