package dev.sequor.expr.python.subset;

import java.time.temporal.Temporal;

/** PLACEHOLDER: attributes and methods of datetime, date and time (being written). */
final class TemporalMethods {

    private TemporalMethods() {
    }

    static Object attr(Temporal self, String name) {
        return null;
    }

    static Object call(Temporal self, String name, Object[] args, Kwargs kwargs) {
        return Attrs.NO_METHOD;
    }

    /** {@code a + b} when one side is a date/time and the other a timedelta, else null. */
    static Object add(Object a, Object b) {
        return null;
    }

    /** {@code a - b} for dates, datetimes and timedeltas, else null. */
    static Object subtract(Object a, Object b) {
        return null;
    }
}
