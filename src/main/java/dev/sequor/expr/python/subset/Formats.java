package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * {@code format(value, spec)} (also every f-string field and str.format field) and {@code fmt % args}, as GraalPy
 * does them. Numbers go to {@link IntFormat}, {@link FloatFormat} and {@link DecimalFormats}; % formatting is in
 * {@link PercentFormat}; str.format in {@link StrFormat}.
 */
final class Formats {

    private Formats() {
    }

    /** {@code format(value, spec)}. */
    static String format(Object value, String spec) {
        if (value instanceof String s) {
            return spec.isEmpty() ? s : text(s, spec);
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof BigInteger) {
            if (spec.isEmpty()) {
                return Py.str(value); // True stays True; a numeric type formats it as 1
            }
            return IntFormat.format(value, spec);
        }
        if (value instanceof Double d) {
            return spec.isEmpty() ? Py.str(d) : FloatFormat.format(d, spec);
        }
        if (value instanceof BigDecimal d) {
            return DecimalFormats.format(d, spec);
        }
        if (value instanceof java.time.temporal.Temporal) {
            if (spec.isEmpty()) {
                return Py.str(value);
            }
            return TemporalMethods.format((java.time.temporal.Temporal) value, spec); // strftime, as Python's __format__
        }
        if (spec.isEmpty()) {
            return Py.str(value);
        }
        throw PyExc.typeError("unsupported format string passed to " + Py.typeName(value) + ".__format__");
    }

    /** str.__format__: precision truncates; sign, 'z', '#' and '=' are refused (in CPython's order). */
    static String text(String s, String specText) {
        FormatSpec spec = FormatSpec.parse(specText, 's', '<');
        if (spec.type() != 's') {
            throw IntFormat.unknownFormat(spec.type(), "str");
        }
        if (FormatSpec.given(spec.sign())) {
            throw PyExc.valueError(spec.sign() == ' ' ? "Space not allowed in string format specifier"
                    : "Sign not allowed in string format specifier");
        }
        if (spec.noNegZero()) {
            throw PyExc.valueError("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (spec.alternate()) {
            throw PyExc.valueError("Alternate form (#) not allowed in string format specifier");
        }
        if (spec.align() == '=') {
            throw PyExc.valueError("'=' alignment not allowed in string format specifier");
        }
        return padText(s, spec);
    }

    /** GraalPy's TextFormatter: precision counts code points, and so does the width. */
    static String padText(String s, FormatSpec spec) {
        String body = s;
        if (spec.precision() >= 0 && spec.precision() < Strs.len(s)) {
            body = Strs.substring(s, 0, spec.precision());
        }
        int n = spec.width() - Strs.len(body);
        if (n <= 0) {
            return body;
        }
        char align = spec.align();
        int leading = switch (align) {
            case '^' -> n / 2;
            case '<' -> 0;
            default -> n;
        };
        String fill = String.valueOf(spec.fillOr(' '));
        return fill.repeat(leading) + body + fill.repeat(n - leading);
    }

    /** {@code fmt % args}. */
    static String percent(String fmt, Object args) {
        return new PercentFormat(fmt, args).format();
    }
}
