package dev.sequor.expr.python.subset;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code datetime.strptime}, a port of CPython's {@code _strptime} (which GraalPy runs) for the C locale: the
 * format becomes one case-insensitive regex (whitespace matching any run of whitespace), the groups are read
 * as {@code _strptime} reads them, with its error messages.
 */
final class Strptime {

    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();
    private static final Map<Character, String> DIRECTIVES = Map.ofEntries(
            Map.entry('d', "(?<d>3[0-1]|[1-2]\\d|0[1-9]|[1-9]| [1-9])"),
            Map.entry('f', "(?<f>[0-9]{1,6})"),
            Map.entry('H', "(?<H>2[0-3]|[0-1]\\d|\\d)"),
            Map.entry('I', "(?<I>1[0-2]|0[1-9]|[1-9]| [1-9])"),
            Map.entry('G', "(?<G>\\d\\d\\d\\d)"),
            Map.entry('j', "(?<j>36[0-6]|3[0-5]\\d|[1-2]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])"),
            Map.entry('m', "(?<m>1[0-2]|0[1-9]|[1-9])"),
            Map.entry('M', "(?<M>[0-5]\\d|\\d)"),
            Map.entry('S', "(?<S>6[0-1]|[0-5]\\d|\\d)"),
            Map.entry('U', "(?<U>5[0-3]|[0-4]\\d|\\d)"),
            Map.entry('W', "(?<W>5[0-3]|[0-4]\\d|\\d)"),
            Map.entry('w', "(?<w>[0-6])"),
            Map.entry('u', "(?<u>[1-7])"),
            Map.entry('V', "(?<V>5[0-3]|0[1-9]|[1-4]\\d|\\d)"),
            Map.entry('y', "(?<y>\\d\\d)"),
            Map.entry('Y', "(?<Y>\\d\\d\\d\\d)"),
            Map.entry('z', "(?<z>[+-]\\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)?|(?-i:Z))"),
            Map.entry('A', names("A", Strftime.DAYS, 0)),
            Map.entry('a', names("a", Strftime.DAYS, 3)),
            Map.entry('B', names("B", Strftime.MONTHS, 0)),
            Map.entry('b', names("b", Strftime.MONTHS, 3)),
            Map.entry('p', "(?<p>am|pm)"),
            Map.entry('Z', "(?<Z>utc|gmt)"),
            Map.entry('%', "%"));

    private Strptime() {
    }

    /** An alternation of the names (abbreviated to {@code length} letters when not 0), longest first. */
    private static String names(String group, String[] names, int length) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = (length == 0 ? names[i] : names[i].substring(0, length)).toLowerCase(Locale.ROOT);
        }
        java.util.Arrays.sort(out, (x, y) -> y.length() - x.length());
        return "(?<" + group + ">" + String.join("|", out) + ")";
    }

    private static Pattern compile(String format) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length()) {
                char d = format.charAt(++i);
                if (d == 'O' && i + 1 < format.length() && "dmyHIMSw".indexOf(format.charAt(i + 1)) >= 0) {
                    d = format.charAt(++i);
                    sb.append(d == 'w' ? "(?<w>\\d)" : "(?<" + d + ">\\d\\d|\\d| \\d)");
                    continue;
                }
                String regex = switch (d) {
                    case 'c' -> compile("%a %b %d %H:%M:%S %Y").pattern();
                    case 'x' -> compile("%m/%d/%y").pattern();
                    case 'X' -> compile("%H:%M:%S").pattern();
                    default -> DIRECTIVES.get(d);
                };
                if (regex == null) {
                    throw PyExc.valueError("'" + (d == '\\' ? '%' : d) + "' is a bad directive in format '" + format + "'");
                }
                sb.append(regex);
            } else if (Character.isWhitespace(c)) {
                while (i + 1 < format.length() && Character.isWhitespace(format.charAt(i + 1))) {
                    i++;
                }
                sb.append("\\s+");
            } else if (c == '\'') {
                sb.append("['\u02bc]");
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** {@code datetime.strptime(data, format)}: a naive datetime, or an aware one when %z matched. */
    static Object parse(Object data, Object format) {
        if (!(data instanceof String s)) {
            throw PyExc.typeError("strptime() argument must be str, not " + Py.typeName(data));
        }
        if (!(format instanceof String f)) {
            throw PyExc.typeError("strptime() argument must be str, not " + Py.typeName(format));
        }
        Pattern pattern;
        try {
            pattern = CACHE.computeIfAbsent(f, Strptime::compile);
        } catch (java.util.regex.PatternSyntaxException duplicateGroup) {
            throw new PyExc(PyExcType.VALUE_ERROR, "redefinition of group name in format '" + f + "'");
        }
        Matcher m = pattern.matcher(s);
        if (!m.lookingAt()) {
            throw PyExc.valueError("time data " + Py.repr(s) + " does not match format " + Py.repr(f));
        }
        if (m.end() != s.length()) {
            throw PyExc.valueError("unconverted data remains: " + s.substring(m.end()));
        }
        return build(m, f);
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException notInFormat) {
            return null;
        }
    }

    /** Python's int(text) for the digit groups the regex matched (a leading space is allowed, as int() strips). */
    private static int number(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw PyExc.valueError("invalid literal for int() with base 10: " + Py.repr(text));
        }
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            int digit = Character.digit(t.charAt(i), 10);
            if (digit < 0) {
                throw PyExc.valueError("invalid literal for int() with base 10: " + Py.repr(text));
            }
            n = n * 10 + digit;
        }
        return n;
    }

    private static int index(String[] names, String found, int length) {
        for (int i = 0; i < names.length; i++) {
            String name = length == 0 ? names[i] : names[i].substring(0, length);
            if (name.equalsIgnoreCase(found)) {
                return i;
            }
        }
        throw new IllegalStateException(found);
    }

    private static Object build(Matcher m, String format) {
        Integer year = null;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int fraction = 0;
        Integer weekday = null;
        Integer julian = null;
        Integer weekOfYear = null;
        boolean weekStartsMonday = false;
        Integer gmtoff = null;
        String v;
        if ((v = group(m, "y")) != null) {
            year = number(v);
            year += year <= 68 ? 2000 : 1900;
        }
        if ((v = group(m, "Y")) != null) {
            year = number(v);
        }
        if (group(m, "G") != null || group(m, "V") != null) {
            throw PyExc.valueError("ISO week directives (%G, %V) in strptime are not supported by Sequor's Python evaluator");
        }
        if ((v = group(m, "m")) != null) {
            month = number(v);
        }
        if ((v = group(m, "B")) != null) {
            month = index(Strftime.MONTHS, v, 0) + 1;
        }
        if ((v = group(m, "b")) != null) {
            month = index(Strftime.MONTHS, v, 3) + 1;
        }
        if ((v = group(m, "d")) != null) {
            day = number(v);
        }
        if ((v = group(m, "H")) != null) {
            hour = number(v);
        }
        if ((v = group(m, "I")) != null) {
            hour = number(v);
            String ampm = group(m, "p");
            if (ampm == null || ampm.equalsIgnoreCase("am")) {
                hour = hour == 12 ? 0 : hour;
            } else if (hour != 12) {
                hour += 12;
            }
        }
        if ((v = group(m, "M")) != null) {
            minute = number(v);
        }
        if ((v = group(m, "S")) != null) {
            second = number(v);
        }
        if ((v = group(m, "f")) != null) {
            fraction = number((v + "00000").substring(0, 6));
        }
        if ((v = group(m, "A")) != null) {
            weekday = index(Strftime.DAYS, v, 0);
        }
        if ((v = group(m, "a")) != null) {
            weekday = index(Strftime.DAYS, v, 3);
        }
        if ((v = group(m, "w")) != null) {
            weekday = (number(v) + 6) % 7;
        }
        if ((v = group(m, "u")) != null) {
            weekday = number(v) - 1;
        }
        if ((v = group(m, "j")) != null) {
            julian = number(v);
        }
        if ((v = group(m, "U")) != null) {
            weekOfYear = number(v);
        }
        if ((v = group(m, "W")) != null) {
            weekOfYear = number(v);
            weekStartsMonday = true;
        }
        if ((v = group(m, "z")) != null) {
            gmtoff = offset(v);
        }
        if (gmtoff != null && group(m, "Z") != null) {
            throw PyExc.valueError("%z with %Z (a named timezone) is not supported by Sequor's Python evaluator");
        }
        boolean leapYearFix = false;
        if (year == null) {
            if (month == 2 && day == 29) {
                year = 1904;
                leapYearFix = true;
            } else {
                year = 1900;
            }
        }
        if (julian == null && weekday != null && weekOfYear != null) {
            julian = julianFromWeek(year, weekOfYear, weekday, weekStartsMonday);
            if (julian <= 0) {
                year -= 1;
                julian += LocalDate.of(year, 1, 1).lengthOfYear();
            }
        }
        if (julian != null) {
            LocalDate d = LocalDate.of(year, 1, 1).plusDays(julian - 1);
            year = d.getYear();
            month = d.getMonthValue();
            day = d.getDayOfMonth();
        }
        if (leapYearFix) {
            year = 1900;
        }
        LocalDate date = TemporalConstructors.date(year, month, day);
        LocalDateTime dt = LocalDateTime.of(date, TemporalConstructors.time(hour, minute, second, fraction));
        return gmtoff == null ? dt : TemporalConstructors.withZone(dt, PyTimezone.of(gmtoff, null));
    }

    /** _strptime's %z: Z, or +HH[:]MM[[:]SS[.ffffff]]; seconds of offset as an int. */
    private static int offset(String z) {
        if (z.equals("Z") || z.equals("z")) {
            return 0;
        }
        String text = z;
        if (text.charAt(3) == ':') {
            text = text.substring(0, 3) + text.substring(4);
            if (text.length() > 5) {
                if (text.charAt(5) != ':') {
                    throw PyExc.valueError("Inconsistent use of : in " + z);
                }
                text = text.substring(0, 5) + text.substring(6);
            }
        }
        int seconds = number(text.substring(1, 3)) * 3600 + number(text.substring(3, 5)) * 60
                + (text.length() > 5 ? number(text.substring(5, Math.min(7, text.length()))) : 0);
        if (text.length() > 8) {
            throw PyExc.valueError("timezone offsets with microseconds are not supported by Sequor's Python evaluator");
        }
        return text.startsWith("-") ? -seconds : seconds;
    }

    /** _calc_julian_from_U_or_W: the day of the year for a week number and weekday (Monday = 0). */
    private static int julianFromWeek(int year, int weekOfYear, int dayOfWeek, boolean weekStartsMonday) {
        int firstWeekday = LocalDate.of(year, 1, 1).getDayOfWeek().getValue() - 1;
        if (!weekStartsMonday) {
            firstWeekday = (firstWeekday + 1) % 7;
            dayOfWeek = (dayOfWeek + 1) % 7;
        }
        int weekZeroLength = (7 - firstWeekday) % 7;
        if (weekOfYear == 0) {
            return 1 + dayOfWeek - firstWeekday;
        }
        int daysToWeek = weekZeroLength + 7 * (weekOfYear - 1);
        return 1 + daysToWeek + dayOfWeek;
    }
}
