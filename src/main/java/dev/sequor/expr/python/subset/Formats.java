package dev.sequor.expr.python.subset;

/** PLACEHOLDER: format specs, str.format and % formatting (being written). */
final class Formats {

    private Formats() {
    }

    /** {@code format(value, spec)}, also each f-string field. */
    static String format(Object value, String spec) {
        if (spec.isEmpty()) {
            return Py.str(value);
        }
        throw PyExc.valueError("placeholder");
    }

    /** {@code fmt % args}. */
    static String percent(String fmt, Object args) {
        throw PyExc.valueError("placeholder");
    }
}
