package dev.sequor.expr.python.subset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.Temporal;
import java.util.Set;

/**
 * Attributes and methods of {@code datetime.date} (LocalDate), {@code datetime.datetime} (LocalDateTime naive,
 * OffsetDateTime aware) and {@code datetime.time} (LocalTime), and their arithmetic with timedeltas.
 */
final class TemporalMethods {

    private static final Set<String> DATE_METHODS = Set.of("isoformat", "strftime", "replace", "weekday", "isoweekday",
            "isocalendar", "toordinal", "ctime", "__format__");
    private static final Set<String> DATETIME_METHODS = Set.of("isoformat", "strftime", "replace", "weekday",
            "isoweekday", "isocalendar", "toordinal", "ctime", "__format__", "date", "time", "timestamp", "utcoffset",
            "tzname", "dst", "astimezone");
    private static final Set<String> TIME_METHODS = Set.of("isoformat", "strftime", "replace", "utcoffset", "tzname",
            "dst", "__format__");

    private TemporalMethods() {
    }

    static Object attr(Temporal self, String name) {
        if (self instanceof LocalDate d) {
            return switch (name) {
                case "year" -> (long) d.getYear();
                case "month" -> (long) d.getMonthValue();
                case "day" -> (long) d.getDayOfMonth();
                default -> DATE_METHODS.contains(name) ? new BoundMethod(self, name) : null;
            };
        }
        if (self instanceof LocalTime t) {
            Object v = "tzinfo".equals(name) ? Attrs.NONE : timeAttr(t, name);
            return v != null ? v : TIME_METHODS.contains(name) ? new BoundMethod(self, name) : null;
        }
        LocalDateTime local = local(self);
        return switch (name) {
            case "year" -> (long) local.getYear();
            case "month" -> (long) local.getMonthValue();
            case "day" -> (long) local.getDayOfMonth();
            case "tzinfo" -> self instanceof OffsetDateTime o ? PyTimezone.of(o.getOffset()) : Attrs.NONE;
            default -> {
                Object v = timeAttr(local.toLocalTime(), name);
                yield v != null ? v : DATETIME_METHODS.contains(name) ? new BoundMethod(self, name) : null;
            }
        };
    }

    private static Object timeAttr(LocalTime t, String name) {
        return switch (name) {
            case "hour" -> (long) t.getHour();
            case "minute" -> (long) t.getMinute();
            case "second" -> (long) t.getSecond();
            case "microsecond" -> (long) (t.getNano() / 1000);
            case "fold" -> 0L;
            default -> null;
        };
    }

    /** The wall-clock date and time of a datetime, naive or aware. */
    static LocalDateTime local(Temporal t) {
        return t instanceof OffsetDateTime o ? o.toLocalDateTime() : (LocalDateTime) t;
    }

    static Object call(Temporal self, String name, Object[] args, Kwargs kwargs) {
        Set<String> methods = self instanceof LocalDate ? DATE_METHODS : self instanceof LocalTime ? TIME_METHODS
                : DATETIME_METHODS;
        if (!methods.contains(name)) {
            return Attrs.NO_METHOD;
        }
        return switch (name) {
            case "isoformat" -> isoformat(self, args, kwargs);
            case "strftime" -> {
                Args.noKeywords("strftime", kwargs);
                if (args.length == 0) {
                    throw PyExc.typeError(Py.typeName(self).substring(9) + ".strftime() missing 1 required positional "
                            + "argument: 'format'");
                }
                Args.count("strftime", args, 1, 1);
                if (!(args[0] instanceof String fmt)) {
                    throw PyExc.typeError("strftime() argument must be str, not " + Py.typeName(args[0]));
                }
                yield Strftime.format(self, fmt);
            }
            case "__format__" -> {
                Args.positional("__format__", args, kwargs, 1, 1);
                yield format(self, Args.strArg(args[0], "__format__() argument must be str, not {type}"));
            }
            case "replace" -> TemporalReplace.replace(self, args, kwargs);
            case "weekday" -> {
                Args.positional("weekday", args, kwargs, 0, 0);
                yield (long) date(self).getDayOfWeek().getValue() - 1;
            }
            case "isoweekday" -> {
                Args.positional("isoweekday", args, kwargs, 0, 0);
                yield (long) date(self).getDayOfWeek().getValue();
            }
            case "isocalendar" -> {
                Args.positional("isocalendar", args, kwargs, 0, 0);
                LocalDate d = date(self);
                yield new PyNamedTuple("IsoCalendarDate", "datetime.IsoCalendarDate", new String[] {"year", "week", "weekday"},
                        new Object[] {(long) d.get(IsoFields.WEEK_BASED_YEAR), (long) d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                            (long) d.getDayOfWeek().getValue()});
            }
            case "toordinal" -> {
                Args.positional("toordinal", args, kwargs, 0, 0);
                yield date(self).toEpochDay() + 719163;
            }
            case "ctime" -> {
                Args.positional("ctime", args, kwargs, 0, 0);
                yield Strftime.format(self, "%a %b ") + String.format("%2d", date(self).getDayOfMonth())
                        + Strftime.format(self, " %H:%M:%S %Y");
            }
            case "date" -> {
                Args.positional("date", args, kwargs, 0, 0);
                yield local(self).toLocalDate();
            }
            case "time" -> {
                Args.positional("time", args, kwargs, 0, 0);
                yield local(self).toLocalTime();
            }
            case "timestamp" -> {
                Args.positional("timestamp", args, kwargs, 0, 0);
                yield timestamp(self);
            }
            case "utcoffset" -> {
                Args.positional("utcoffset", args, kwargs, 0, 0);
                yield self instanceof OffsetDateTime o ? PyTimezone.of(o.getOffset()).utcoffset() : null;
            }
            case "tzname" -> {
                Args.positional("tzname", args, kwargs, 0, 0);
                yield self instanceof OffsetDateTime o ? PyTimezone.of(o.getOffset()).tzname() : null;
            }
            case "dst" -> {
                Args.positional("dst", args, kwargs, 0, 0);
                yield null;
            }
            case "astimezone" -> astimezone(self, args, kwargs);
            default -> Attrs.NO_METHOD;
        };
    }

    /** {@code format(value, spec)} and f-string fields: strftime, or str() for an empty spec. */
    static String format(Temporal t, String spec) {
        return spec.isEmpty() ? Temporals.str(t) : Strftime.format(t, spec);
    }

    private static LocalDate date(Temporal t) {
        return t instanceof LocalDate d ? d : local(t).toLocalDate();
    }

    /** POSIX timestamp: aware datetimes exactly, naive ones in the system's local time zone, as Python does. */
    private static double timestamp(Temporal t) {
        Instant instant = t instanceof OffsetDateTime o ? o.toInstant()
                : ((LocalDateTime) t).atZone(ZoneId.systemDefault()).toInstant();
        long micros = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
        return (double) Arith.div(micros, 1_000_000L);
    }

    private static Object astimezone(Temporal self, Object[] args, Kwargs kwargs) {
        Args.onlyKeywords("astimezone", kwargs, "tz");
        Object tzArg = Args.named(args, kwargs, 0, "tz", null);
        PyTimezone tz = TemporalConstructors.tzinfo(tzArg);
        if (tz == null) {
            // Python names the local zone (timezone(..., 'CET')), which an OffsetDateTime cannot carry
            throw PyExc.valueError("astimezone() without a timezone is not supported by Sequor's Python evaluator");
        }
        OffsetDateTime aware = self instanceof OffsetDateTime o ? o
                : ((LocalDateTime) self).atZone(ZoneId.systemDefault()).toOffsetDateTime();
        return checkRange(aware.withOffsetSameInstant(tz.zoneOffset()));
    }

    /** {@code isoformat(sep='T', timespec='auto')}; a time's only parameter is timespec. */
    private static Object isoformat(Temporal self, Object[] args, Kwargs kwargs) {
        if (self instanceof LocalDate d) {
            Args.noKeywords("isoformat", kwargs);
            if (args.length > 0) {
                throw PyExc.typeError("date.isoformat() takes 1 positional argument but " + (args.length + 1) + " were given");
            }
            return d.toString();
        }
        if (self instanceof LocalTime t) {
            Args.onlyKeywords("isoformat", kwargs, "timespec");
            Args.count("isoformat", args, 0, 1);
            return TemporalText.time(t, timespec(Args.named(args, kwargs, 0, "timespec", "auto")));
        }
        Args.onlyKeywords("isoformat", kwargs, "sep", "timespec");
        Args.count("isoformat", args, 0, 2);
        Object sep = Args.named(args, kwargs, 0, "sep", "T");
        if (!(sep instanceof String s) || s.codePointCount(0, s.length()) != 1) {
            throw PyExc.typeError("isoformat() argument 1 must be a unicode character, not " + Py.typeName(sep));
        }
        String spec = timespec(Args.named(args, kwargs, 1, "timespec", "auto"));
        LocalDateTime local = local(self);
        String text = local.toLocalDate() + s + TemporalText.time(local.toLocalTime(), spec);
        return self instanceof OffsetDateTime o ? text + TemporalText.offset(o.getOffset().getTotalSeconds(), ":") : text;
    }

    private static String timespec(Object v) {
        String spec = Args.strArg(v, "isoformat() argument 2 must be str, not {type}");
        if (!Set.of("auto", "hours", "minutes", "seconds", "milliseconds", "microseconds").contains(spec)) {
            throw PyExc.valueError("Unknown timespec value");
        }
        return spec;
    }

    /** {@code a + b} when one side is a date/datetime and the other a timedelta (or both timedeltas), else null. */
    static Object add(Object a, Object b) {
        if (a instanceof PyTimedelta && b instanceof Temporal) {
            return add(b, a);
        }
        if (!(b instanceof PyTimedelta td)) {
            return null;
        }
        if (a instanceof PyTimedelta) {
            return TimedeltaArith.add(a, b);
        }
        try {
            if (a instanceof LocalDate d) {
                return checkRange(d.plusDays(td.days));
            }
            if (a instanceof LocalDateTime || a instanceof OffsetDateTime) {
                return checkRange(((Temporal) a).plus(td.days, ChronoUnit.DAYS)
                        .plus(td.seconds * 1_000_000L + td.micros, ChronoUnit.MICROS));
            }
        } catch (java.time.DateTimeException | ArithmeticException outOfRange) {
            throw PyExc.overflow("date value out of range");
        }
        return null;
    }

    /** {@code a - b} for dates, datetimes and timedeltas, else null. */
    static Object subtract(Object a, Object b) {
        if (a instanceof PyTimedelta) {
            return TimedeltaArith.subtract(a, b);
        }
        if (b instanceof PyTimedelta td) {
            if (a instanceof LocalDate d) {
                return add(d, PyTimedelta.ofMicros(java.math.BigInteger.valueOf(-td.days).multiply(
                        java.math.BigInteger.valueOf(PyTimedelta.MICROS_PER_DAY))));
            }
            return a instanceof Temporal && !(a instanceof LocalTime) ? add(a, TimedeltaArith.negate(td)) : null;
        }
        // a datetime and a date do not subtract in CPython, either way (GraalPy 25.2 subtracts their date parts)
        if (a instanceof LocalDate x && b instanceof LocalDate y) {
            return PyTimedelta.ofMicros(ChronoUnit.DAYS.between(y, x) * PyTimedelta.MICROS_PER_DAY);
        }
        if (isDatetime(a) && isDatetime(b)) {
            if ((a instanceof OffsetDateTime) != (b instanceof OffsetDateTime)) {
                throw PyExc.typeError("can't subtract offset-naive and offset-aware datetimes");
            }
            return PyTimedelta.ofMicros(ChronoUnit.MICROS.between((Temporal) b, (Temporal) a));
        }
        return null;
    }

    private static boolean isDatetime(Object v) {
        return v instanceof LocalDateTime || v instanceof OffsetDateTime;
    }

    /** Python's years are 1..9999: beyond is {@code OverflowError: date value out of range}. */
    static Temporal checkRange(Temporal t) {
        int year = t instanceof LocalDate d ? d.getYear() : local(t).getYear();
        if (year < 1 || year > 9999) {
            throw PyExc.overflow("date value out of range");
        }
        return t;
    }
}
