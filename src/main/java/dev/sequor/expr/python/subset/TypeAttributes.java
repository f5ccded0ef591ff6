package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Class attributes of the built-in types that have some: {@code datetime.now()}, {@code datetime.fromisoformat},
 * {@code datetime.strptime}, {@code date.today()}, {@code datetime.min}, {@code Decimal.from_float}...
 * {@link PyType#getAttr} asks here for names it does not know.
 */
final class TypeAttributes {

    /** The clock {@code now()} and {@code today()} read; tests may fix it. */
    static volatile Clock clock = Clock.systemDefaultZone();

    private TypeAttributes() {
    }

    static Object get(PyType type, String name) {
        if (type == PyTypes.DATETIME) {
            return datetime(name);
        }
        if (type == PyTypes.DATE) {
            return date(name);
        }
        if (type == PyTypes.TIME) {
            return time(name);
        }
        if (type == PyTypes.STR && "maketrans".equals(name)) {
            return BuiltinFunction.function(name, StrMaketrans::maketrans);
        }
        if (type == PyTypes.BYTES && "fromhex".equals(name)) {
            return BuiltinFunction.function(name, BytesHex::fromHex);
        }
        if (type == PyTypes.DICT && "fromkeys".equals(name)) {
            return BuiltinFunction.function(name, DictMethods::fromKeys);
        }
        if (type == PyTypes.DECIMAL && "from_float".equals(name)) {
            return BuiltinFunction.function(name, (args, kwargs) -> {
                Args.positional("from_float", args, kwargs, 1, 1);
                return DecimalConstructor.toDecimal(args, null);
            });
        }
        return null;
    }

    private static LocalDateTime now(ZoneId zone) {
        return LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MICROS);
    }

    private static Object datetime(String name) {
        return switch (name) {
            case "now" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.onlyKeywords("now", kwargs, "tz");
                Args.count("now", args, 0, 1);
                PyTimezone tz = TemporalConstructors.tzinfo(Args.named(args, kwargs, 0, "tz", null));
                if (tz == null) {
                    return now(clock.getZone());
                }
                return OffsetDateTime.of(now(tz.zoneOffset()), tz.zoneOffset());
            });
            case "utcnow" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.positional("utcnow", args, kwargs, 0, 0);
                return now(ZoneOffset.UTC);
            });
            case "today" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.positional("today", args, kwargs, 0, 0);
                return now(clock.getZone());
            });
            case "fromisoformat" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.positional("fromisoformat", args, kwargs, 1, 1);
                return IsoParsing.datetime(args[0]);
            });
            case "strptime" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.noKeywords("strptime", kwargs);
                if (args.length != 2) {
                    throw PyExc.typeError("datetime.strptime() takes 3 positional arguments but " + (args.length + 1)
                            + " were given");
                }
                return Strptime.parse(args[0], args[1]);
            });
            case "fromtimestamp" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.onlyKeywords("fromtimestamp", kwargs, "timestamp", "tz");
                Args.count("fromtimestamp", args, 1, 2);
                Instant instant = instant(Args.named(args, kwargs, 0, "timestamp", null));
                PyTimezone tz = TemporalConstructors.tzinfo(Args.named(args, kwargs, 1, "tz", null));
                if (tz == null) {
                    return TemporalMethods.checkRange(LocalDateTime.ofInstant(instant, clock.getZone()));
                }
                return TemporalMethods.checkRange(OffsetDateTime.ofInstant(instant, tz.zoneOffset()));
            });
            case "utcfromtimestamp" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.positional("utcfromtimestamp", args, kwargs, 1, 1);
                return TemporalMethods.checkRange(LocalDateTime.ofInstant(instant(args[0]), ZoneOffset.UTC));
            });
            case "combine" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.onlyKeywords("combine", kwargs, "date", "time", "tzinfo");
                Object d = Args.named(args, kwargs, 0, "date", null);
                Object t = Args.named(args, kwargs, 1, "time", null);
                if (!(d instanceof LocalDate date)) {
                    throw PyExc.typeError("combine() argument 1 must be datetime.date, not " + Py.typeName(d));
                }
                if (!(t instanceof LocalTime time)) {
                    throw PyExc.typeError("combine() argument 2 must be datetime.time, not " + Py.typeName(t));
                }
                PyTimezone tz = TemporalConstructors.tzinfo(Args.named(args, kwargs, 2, "tzinfo", null));
                return TemporalConstructors.withZone(LocalDateTime.of(date, time), tz);
            });
            case "min" -> LocalDateTime.of(1, 1, 1, 0, 0);
            case "max" -> LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);
            case "resolution" -> PyTimedelta.RESOLUTION;
            default -> null;
        };
    }

    private static Object date(String name) {
        return switch (name) {
            case "today" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.positional("today", args, kwargs, 0, 0);
                return LocalDate.now(clock);
            });
            case "fromisoformat" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.positional("fromisoformat", args, kwargs, 1, 1);
                return IsoParsing.date(args[0]);
            });
            case "fromtimestamp" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.positional("fromtimestamp", args, kwargs, 1, 1);
                return TemporalMethods.checkRange(LocalDate.ofInstant(instant(args[0]), clock.getZone()));
            });
            case "fromordinal" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.positional("fromordinal", args, kwargs, 1, 1);
                int ordinal = Args.intArg(args[0], "");
                if (ordinal < 1 || ordinal > 3652059) {
                    throw PyExc.valueError("ordinal must be >= 1");
                }
                return LocalDate.ofEpochDay(ordinal - 719163L);
            });
            case "min" -> LocalDate.of(1, 1, 1);
            case "max" -> LocalDate.of(9999, 12, 31);
            case "resolution" -> PyTimedelta.ofMicros(PyTimedelta.MICROS_PER_DAY);
            default -> null;
        };
    }

    private static Object time(String name) {
        return switch (name) {
            case "fromisoformat" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.positional("fromisoformat", args, kwargs, 1, 1);
                return IsoParsing.time(args[0]);
            });
            case "min" -> LocalTime.MIDNIGHT;
            case "max" -> LocalTime.of(23, 59, 59, 999_999_000);
            case "resolution" -> PyTimedelta.RESOLUTION;
            default -> null;
        };
    }

    /** A POSIX timestamp (int or float) as an Instant, rounded half-even to the microsecond as Python does. */
    private static Instant instant(Object ts) {
        BigDecimal seconds;
        if (Ints.isInt(ts)) {
            seconds = new BigDecimal(Ints.big(Ints.of(ts)));
        } else if (ts instanceof Double d && Double.isFinite(d)) {
            seconds = new BigDecimal(d);
        } else if (ts instanceof Double) {
            throw PyExc.valueError("Invalid value NaN (not a number)");
        } else {
            throw PyExc.typeError("'" + Py.typeName(ts) + "' object cannot be interpreted as an integer");
        }
        BigDecimal micros = seconds.movePointRight(6).setScale(0, java.math.RoundingMode.HALF_EVEN);
        try {
            long m = micros.longValueExact();
            return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000);
        } catch (ArithmeticException tooBig) {
            throw PyExc.overflow("timestamp out of range for platform time_t");
        }
    }
}
