package dev.sequor.expr.python.subset;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;

/**
 * Python's {@code datetime.datetime}, {@code date} and {@code time} as the java.time values database rows hold:
 * text forms and ordering. Their attributes and methods are in {@link TemporalMethods}.
 */
final class Temporals {

    private Temporals() {
    }

    /** {@code str()}: {@code 2024-01-02 03:04:05[.ffffff][+HH:MM]}, {@code 2024-01-02}, {@code 03:04:05}. */
    static String str(Temporal t) {
        if (t instanceof LocalDateTime dt) {
            return dt.toLocalDate() + " " + time(dt.toLocalTime());
        }
        if (t instanceof OffsetDateTime dt) {
            return dt.toLocalDate() + " " + time(dt.toLocalTime()) + offset(dt);
        }
        if (t instanceof LocalDate d) {
            return d.toString();
        }
        if (t instanceof LocalTime lt) {
            return time(lt);
        }
        return t.toString();
    }

    /** {@code isoformat()}: like str with a {@code T} between date and time. */
    static String isoformat(Temporal t, String sep) {
        if (t instanceof LocalDateTime dt) {
            return dt.toLocalDate() + sep + time(dt.toLocalTime());
        }
        if (t instanceof OffsetDateTime dt) {
            return dt.toLocalDate() + sep + time(dt.toLocalTime()) + offset(dt);
        }
        return str(t);
    }

    static String repr(Temporal t) {
        if (t instanceof LocalDate d) {
            return "datetime.date(" + d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth() + ")";
        }
        if (t instanceof LocalTime lt) {
            return "datetime.time(" + timeArgs(lt) + ")";
        }
        if (t instanceof LocalDateTime dt) {
            LocalDate d = dt.toLocalDate();
            return "datetime.datetime(" + d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth() + ", "
                    + timeArgs(dt.toLocalTime()) + ")";
        }
        if (t instanceof OffsetDateTime dt) {
            LocalDate d = dt.toLocalDate();
            int seconds = dt.getOffset().getTotalSeconds();
            String tz = seconds == 0 ? "datetime.timezone.utc"
                    : "datetime.timezone(datetime.timedelta(" + (seconds < 0 ? "days=-1, seconds=" + (86400 + seconds)
                            : "seconds=" + seconds) + "))";
            return "datetime.datetime(" + d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth() + ", "
                    + timeArgs(dt.toLocalTime()) + ", tzinfo=" + tz + ")";
        }
        return t.toString();
    }

    /** Sign of a - b for two values of the same kind, else null (not comparable). */
    static Integer compare(Object a, Object b) {
        if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
            return x.compareTo(y);
        }
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.toInstant().compareTo(y.toInstant());
        }
        if (a instanceof LocalDate x && b instanceof LocalDate y) {
            return x.compareTo(y);
        }
        if (a instanceof LocalTime x && b instanceof LocalTime y) {
            return x.compareTo(y);
        }
        if (a instanceof PyTimedelta x && b instanceof PyTimedelta y) {
            return x.compareTo(y);
        }
        boolean aDatetime = a instanceof LocalDateTime || a instanceof OffsetDateTime;
        boolean bDatetime = b instanceof LocalDateTime || b instanceof OffsetDateTime;
        if (aDatetime && bDatetime) {
            throw PyExc.typeError("can't compare offset-naive and offset-aware datetimes");
        }
        if (aDatetime && b instanceof LocalDate || bDatetime && a instanceof LocalDate) {
            // CPython's datetime answers either order (it is the subclass, so its reflected comparison runs first)
            throw PyExc.typeError("can't compare datetime.datetime to datetime.date");
        }
        return null;
    }

    private static String time(LocalTime t) {
        String hms = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        return micros == 0 ? hms : hms + String.format(".%06d", micros);
    }

    private static String timeArgs(LocalTime t) {
        int micros = t.getNano() / 1000;
        StringBuilder sb = new StringBuilder().append(t.getHour()).append(", ").append(t.getMinute());
        if (t.getSecond() != 0 || micros != 0) {
            sb.append(", ").append(t.getSecond());
        }
        if (micros != 0) {
            sb.append(", ").append(micros);
        }
        return sb.toString();
    }

    private static String offset(OffsetDateTime dt) {
        int seconds = dt.getOffset().getTotalSeconds();
        char sign = seconds < 0 ? '-' : '+';
        int abs = Math.abs(seconds);
        String hm = String.format("%c%02d:%02d", sign, abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? hm : hm + String.format(":%02d", abs % 60);
    }
}
