package dev.sequor.expr.python.subset;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.IsoFields;

/**
 * {@code date/datetime/time.fromisoformat}, ported from Python 3.12's datetime module: extended and basic dates,
 * ISO week dates, any one-character separator, times to the hour/minute/second/fraction, {@code Z} and numeric
 * offsets. Failures are {@code Invalid isoformat string: ...};
 * out-of-range fields are the constructors' errors.
 */
final class IsoParsing {

    /** Thrown inside the parser; turned into the user-facing ValueError by the public methods. */
    private static final class Invalid extends RuntimeException {
        Invalid() {
            super(null, null, false, false);
        }
    }

    private IsoParsing() {
    }

    private static String text(Object v) {
        if (!(v instanceof String s)) {
            throw PyExc.typeError("fromisoformat: argument must be str");
        }
        return s;
    }

    static Object datetime(Object arg) {
        String s = text(arg);
        PyExc invalid = PyExc.valueError("Invalid isoformat string: " + Py.repr(s));
        if (s.length() < 7) {
            throw invalid;
        }
        int[] date;
        String timePart;
        int sep;
        try {
            sep = separator(s);
            date = date(s.substring(0, sep));
            timePart = sep + 1 < s.length() ? s.substring(sep + 1) : "";
        } catch (Invalid | IndexOutOfBoundsException e) {
            throw invalid;
        }
        Object[] time = {0, 0, 0, 0, null};
        if (s.length() > sep) { // GraalPy wants a time after a separator ('2024-01-02T' is invalid)
            try {
                time = time(timePart);
            } catch (Invalid | IndexOutOfBoundsException e) {
                throw invalid;
            }
        }
        LocalDate d = TemporalConstructors.date(date[0], date[1], date[2]);
        LocalTime t = TemporalConstructors.time((int) time[0], (int) time[1], (int) time[2], (int) time[3]);
        return TemporalConstructors.withZone(LocalDateTime.of(d, t), (PyTimezone) time[4]);
    }

    static Object date(Object arg) {
        String s = text(arg);
        PyExc invalid = PyExc.valueError("Invalid isoformat string: " + Py.repr(s));
        if (s.length() != 7 && s.length() != 8 && s.length() != 10) {
            throw invalid;
        }
        int[] date;
        try {
            date = date(s);
        } catch (Invalid | IndexOutOfBoundsException e) {
            throw invalid;
        }
        return TemporalConstructors.date(date[0], date[1], date[2]);
    }

    static Object time(Object arg) {
        String s = text(arg);
        String t = s.startsWith("T") ? s.substring(1) : s;
        PyExc invalid = PyExc.valueError("Invalid isoformat string: " + Py.repr(s));
        Object[] time;
        try {
            time = time(t);
        } catch (Invalid | IndexOutOfBoundsException e) {
            throw invalid;
        }
        if (time[4] != null) {
            throw PyExc.valueError("times with a tzinfo are not supported by Sequor's Python evaluator");
        }
        return TemporalConstructors.time((int) time[0], (int) time[1], (int) time[2], (int) time[3]);
    }

    private static int digits(String s, int from, int to) {
        if (to > s.length() || from >= to) {
            throw new Invalid();
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new Invalid();
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** _find_isoformat_datetime_separator. */
    private static int separator(String s) {
        int len = s.length();
        if (len == 7) {
            return 7;
        }
        if (s.charAt(4) == '-') {
            if (s.charAt(5) == 'W') {
                if (len > 8 && s.charAt(8) == '-') {
                    if (len == 9) {
                        throw new Invalid();
                    }
                    return len > 10 && isDigit(s.charAt(10)) ? 8 : 10;
                }
                return 8;
            }
            return 10;
        }
        if (s.charAt(4) == 'W') {
            int idx = 7;
            while (idx < len && isDigit(s.charAt(idx))) {
                idx++;
            }
            if (idx < 9) {
                return idx;
            }
            return idx % 2 == 0 ? 7 : 8;
        }
        return 8;
    }

    /** _parse_isoformat_date: {year, month, day}. */
    private static int[] date(String s) {
        if (s.length() != 7 && s.length() != 8 && s.length() != 10) {
            throw new Invalid();
        }
        int year = digits(s, 0, 4);
        boolean hasSep = s.charAt(4) == '-';
        int pos = 4 + (hasSep ? 1 : 0);
        if (s.charAt(pos) == 'W') {
            pos++;
            int week = digits(s, pos, pos + 2);
            pos += 2;
            int day = 1;
            if (s.length() > pos) {
                if ((s.charAt(pos) == '-') != hasSep) {
                    throw new Invalid();
                }
                pos += hasSep ? 1 : 0;
                day = digits(s, pos, pos + 1);
            }
            return isoWeek(year, week, day);
        }
        int month = digits(s, pos, pos + 2);
        pos += 2;
        if ((pos < s.length() && s.charAt(pos) == '-') != hasSep) {
            throw new Invalid();
        }
        pos += hasSep ? 1 : 0;
        return new int[] {year, month, digits(s, pos, pos + 2)};
    }

    private static int[] isoWeek(int year, int week, int day) {
        if (year < 1 || year > 9999 || week < 1 || day < 1 || day > 7) {
            throw new Invalid();
        }
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        if (week > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new Invalid();
        }
        LocalDate d = jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(java.time.temporal.ChronoField.DAY_OF_WEEK, day);
        return new int[] {d.getYear(), d.getMonthValue(), d.getDayOfMonth()};
    }

    /** _parse_hh_mm_ss_ff: {hour, minute, second, microsecond}. */
    private static int[] hhmmss(String s) {
        int len = s.length();
        int[] comps = new int[4];
        int pos = 0;
        boolean hasSep = false;
        for (int comp = 0; comp < 3; comp++) {
            if (len - pos < 2) {
                throw new Invalid();
            }
            comps[comp] = digits(s, pos, pos + 2);
            pos += 2;
            char next = pos < len ? s.charAt(pos) : 0;
            if (comp == 0) {
                hasSep = next == ':';
            }
            if (next == 0 || comp >= 2) {
                break;
            }
            if (hasSep && next != ':') {
                throw new Invalid();
            }
            pos += hasSep ? 1 : 0;
        }
        if (pos < len) {
            if (s.charAt(pos) != '.' && s.charAt(pos) != ',') {
                throw new Invalid();
            }
            pos++;
            int remainder = len - pos;
            int toParse = Math.min(remainder, 6);
            int fraction = digits(s, pos, pos + toParse);
            for (int i = toParse; i < 6; i++) {
                fraction *= 10;
            }
            comps[3] = fraction;
            for (int i = pos + toParse; i < len; i++) {
                if (!isDigit(s.charAt(i))) {
                    throw new Invalid();
                }
            }
        }
        return comps;
    }

    /** _parse_isoformat_time: {hour, minute, second, microsecond, tz or null}. */
    private static Object[] time(String s) {
        int len = s.length();
        if (len < 2) {
            throw new Invalid();
        }
        int tzPos = s.indexOf('-') + 1;
        if (tzPos == 0) {
            tzPos = s.indexOf('+') + 1;
        }
        if (tzPos == 0) {
            tzPos = s.indexOf('Z') + 1;
        }
        int[] t = hhmmss(tzPos > 0 ? s.substring(0, tzPos - 1) : s);
        PyTimezone tz = null;
        if (tzPos == len && s.charAt(len - 1) == 'Z') {
            tz = PyTimezone.UTC;
        } else if (tzPos > 0) {
            String tzText = s.substring(tzPos);
            if (tzText.length() == 0 || tzText.length() == 1 || tzText.length() == 3) {
                throw new Invalid();
            }
            int[] z = hhmmss(tzText);
            if (z[3] != 0) {
                throw PyExc.valueError("timezone offsets with microseconds are not supported by Sequor's Python evaluator");
            }
            int seconds = z[0] * 3600 + z[1] * 60 + z[2];
            if (seconds >= 86400) {
                throw new Invalid();
            }
            tz = PyTimezone.of(s.charAt(tzPos - 1) == '-' ? -seconds : seconds, null);
        }
        return new Object[] {t[0], t[1], t[2], t[3], tz};
    }
}
