package dev.sequor.expr.python.subset;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * {@code datetime.date(...)}, {@code datetime.datetime(...)}, {@code datetime.time(...)} and
 * {@code datetime.timedelta(...)}, with GraalPy's argument checks and messages. An aware datetime is an
 * OffsetDateTime; what java.time cannot hold exactly (aware times, fold=1, named timezones) is a clear error.
 */
final class TemporalConstructors {

    private static final String[] DATETIME_PARAMS = {"year", "month", "day", "hour", "minute", "second", "microsecond",
        "tzinfo", "fold"};

    private TemporalConstructors() {
    }

    /** The arguments by position or keyword, in {@code names} order; null for those not given. */
    private static Object[] bind(String fn, Object[] args, Kwargs kwargs, String[] names, int maxPositional) {
        if (args.length > maxPositional) {
            throw PyExc.typeError("function takes at most " + maxPositional + " arguments (" + args.length + " given)");
        }
        Object[] out = new Object[names.length];
        System.arraycopy(args, 0, out, 0, args.length);
        if (kwargs != null) {
            outer:
            for (var e : kwargs.entrySet()) {
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(e.getKey())) {
                        if (i < args.length) {
                            throw PyExc.typeError("argument for function given by name ('" + names[i]
                                    + "') and position (" + (i + 1) + ")");
                        }
                        out[i] = e.getValue();
                        continue outer;
                    }
                }
                throw PyExc.typeError("'" + e.getKey() + "' is an invalid keyword argument for " + fn + "()");
            }
        }
        return out;
    }

    private static int integer(Object v, int missing) {
        return v == null && missing >= 0 ? missing : Args.intArg(v, "");
    }

    static LocalDate date(int year, int month, int day) {
        if (year < 1 || year > 9999) {
            throw PyExc.valueError("year " + year + " is out of range");
        }
        if (month < 1 || month > 12) {
            throw PyExc.valueError("month must be in 1..12");
        }
        if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            throw PyExc.valueError("day is out of range for month");
        }
        return LocalDate.of(year, month, day);
    }

    static LocalTime time(int hour, int minute, int second, int micro) {
        if (hour < 0 || hour > 23) {
            throw PyExc.valueError("hour must be in 0..23");
        }
        if (minute < 0 || minute > 59) {
            throw PyExc.valueError("minute must be in 0..59");
        }
        if (second < 0 || second > 59) {
            throw PyExc.valueError("second must be in 0..59");
        }
        if (micro < 0 || micro > 999999) {
            throw PyExc.valueError("microsecond must be in 0..999999");
        }
        return LocalTime.of(hour, minute, second, micro * 1000);
    }

    /** A tzinfo argument: None or a timezone; null for None. */
    static PyTimezone tzinfo(Object tz) {
        if (tz == null) {
            return null;
        }
        if (tz instanceof PyTimezone t) {
            if (t.name != null) {
                throw PyExc.valueError("named timezones on datetimes are not supported by Sequor's Python evaluator");
            }
            return t;
        }
        throw PyExc.typeError("tzinfo argument must be None or of a tzinfo subclass, not type '" + Py.typeName(tz) + "'");
    }

    /** A naive datetime made aware with tz, or left naive when tz is null. */
    static java.time.temporal.Temporal withZone(LocalDateTime dt, PyTimezone tz) {
        return tz == null ? dt : OffsetDateTime.of(dt, tz.zoneOffset());
    }

    private static void checkFold(Object fold) {
        int f = integer(fold, 0);
        if (f != 0 && f != 1) {
            throw PyExc.valueError("fold must be either 0 or 1");
        }
        if (f == 1) {
            throw PyExc.valueError("fold=1 is not supported by Sequor's Python evaluator");
        }
    }

    static Object toDatetime(Object[] args, Kwargs kwargs) {
        Object[] a = bind("datetime", args, kwargs, DATETIME_PARAMS, 8);
        int year = integer(a[0], -1);
        int month = integer(a[1], -1);
        int day = integer(a[2], -1);
        int hour = integer(a[3], 0);
        int minute = integer(a[4], 0);
        int second = integer(a[5], 0);
        int micro = integer(a[6], 0);
        LocalDate d = date(year, month, day);
        LocalTime t = time(hour, minute, second, micro);
        PyTimezone tz = tzinfo(a[7]);
        checkFold(a[8]);
        return withZone(LocalDateTime.of(d, t), tz);
    }

    static Object toDate(Object[] args, Kwargs kwargs) {
        Object[] a = bind("date", args, kwargs, new String[] {"year", "month", "day"}, 3);
        return date(integer(a[0], -1), integer(a[1], -1), integer(a[2], -1));
    }

    static Object toTime(Object[] args, Kwargs kwargs) {
        Object[] a = bind("time", args, kwargs, new String[] {"hour", "minute", "second", "microsecond", "tzinfo", "fold"}, 5);
        LocalTime t = time(integer(a[0], 0), integer(a[1], 0), integer(a[2], 0), integer(a[3], 0));
        if (tzinfo(a[4]) != null) {
            throw PyExc.valueError("times with a tzinfo are not supported by Sequor's Python evaluator");
        }
        checkFold(a[5]);
        return t;
    }

    private static final String[] TIMEDELTA_PARAMS = {"days", "seconds", "microseconds", "milliseconds", "minutes",
        "hours", "weeks"};
    private static final long[] MICROS_PER_UNIT = {PyTimedelta.MICROS_PER_DAY, 1_000_000L, 1L, 1_000L, 60_000_000L,
        3_600_000_000L, 7 * PyTimedelta.MICROS_PER_DAY};

    /** {@code timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)}. */
    static Object toTimedelta(Object[] args, Kwargs kwargs) {
        if (kwargs != null) {
            for (String k : kwargs.keySet()) {
                if (!java.util.Arrays.asList(TIMEDELTA_PARAMS).contains(k)) {
                    throw PyExc.typeError("datetime.timedelta() got an unexpected keyword argument '" + k + "'");
                }
            }
        }
        if (args.length > 7) {
            throw PyExc.typeError("datetime.timedelta() takes from 1 to 8 positional arguments but " + (args.length + 1)
                    + " were given");
        }
        Object[] a = bind("timedelta", args, kwargs, TIMEDELTA_PARAMS, 7);
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            Object v = a[i];
            if (v == null) {
                continue;
            }
            java.math.BigDecimal amount;
            if (Ints.isInt(v)) {
                amount = new java.math.BigDecimal(Ints.big(Ints.of(v)));
            } else if (v instanceof Double d) {
                if (!Double.isFinite(d)) {
                    throw PyExc.valueError(Double.isNaN(d) ? "cannot convert float NaN to integer"
                            : "cannot convert float infinity to integer");
                }
                amount = new java.math.BigDecimal(d);
            } else {
                throw PyExc.typeError("unsupported type for timedelta " + TIMEDELTA_PARAMS[i] + " component: " + Py.typeName(v));
            }
            total = total.add(amount.multiply(java.math.BigDecimal.valueOf(MICROS_PER_UNIT[i])));
        }
        return PyTimedelta.ofMicros(total);
    }
}
