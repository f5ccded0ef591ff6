package dev.sequor.db;

/**
 * Whether a string is an ISO-8601 date ({@code 2024-05-01}) or a date-time with an offset ({@code 2024-05-01T10:00Z},
 * {@code 2024-05-01 10:00:00.123+02:00}), read character by character. It accepts what {@code LocalDate.parse} and
 * {@code OffsetDateTime.parse} (strict ISO formats, a space allowed for the T) accept, with the offsets a declared
 * timestamp column takes ({@link UtcOffsetPatterns}: {@code +02:00}, {@code -0330}, {@code +02}), except
 * <ul>
 * <li>offsets of 16 hours or more (java.time goes to 18; PostgreSQL refuses them: "time zone displacement out of
 * range"), so that a value read as a timestamp lands as one on every database;</li>
 * <li>year 0000, which ISO-8601 and DuckDB read as 1 BC and PostgreSQL refuses ("date/time field value out of
 * range"): such a value is text, so that the same records make the same table on every database.</li>
 * </ul>
 * It is what column inference asks of every string value: a record with two timestamps spent a sixth of the
 * landing's CPU in {@code java.time}'s general-purpose parser, which builds maps per call (docs/decisions.md,
 * "Inferred schemas").
 */
final class IsoDateText {

    private IsoDateText() {
    }

    /** {@code yyyy-MM-dd}, a real day of the proleptic Gregorian calendar (years 0001-9999). */
    static boolean isDate(String s) {
        return s.length() == 10 && validDate(s);
    }

    /**
     * {@code yyyy-MM-dd[T ]HH:mm[:ss[.f{1,9}]]} then {@code Z} or a sign and {@code HH}, {@code HHMM} or {@code HH:MM}
     * (at most 15:59), every field in range.
     */
    static boolean isTimestampWithOffset(String s) {
        int n = s.length();
        if (n < 17 || !validDate(s) || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || !twoDigits(s, 11, 23) || s.charAt(13) != ':' || !twoDigits(s, 14, 59)) {
            return false;
        }
        int i = 16;
        if (i < n && s.charAt(i) == ':') {
            if (i + 3 > n || !twoDigits(s, i + 1, 59)) {
                return false;
            }
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                int digits = 0;
                i++;
                while (i < n && isDigit(s.charAt(i))) {
                    digits++;
                    i++;
                }
                if (digits < 1 || digits > 9) {
                    return false;
                }
            }
        }
        return validOffset(s, i);
    }

    /**
     * {@code Z}, or a sign and hours to 15, then optionally minutes to 59 with or without a colon ({@code +02},
     * {@code -0330}, {@code +05:30}), ending the string: what PostgreSQL reads as an offset.
     */
    private static boolean validOffset(String s, int i) {
        int n = s.length();
        if (i == n - 1) {
            return s.charAt(i) == 'Z';
        }
        if (i >= n || (s.charAt(i) != '+' && s.charAt(i) != '-') || !twoDigits(s, i + 1, 15)) {
            return false;
        }
        int minutes = i + 3;
        if (minutes == n) {
            return true;
        }
        if (s.charAt(minutes) == ':') {
            minutes++;
        }
        return minutes + 2 == n && twoDigits(s, minutes, 59);
    }

    /** The first ten characters are {@code yyyy-MM-dd} naming a day that exists. */
    private static boolean validDate(String s) {
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-' || !digits(s, 0, 4)
                || !twoDigits(s, 5, 12) || !twoDigits(s, 8, 31)) {
            return false;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        return year >= 1 && month >= 1 && day >= 1 && day <= daysIn(year, month);
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Two digits at {@code at} whose value is at most {@code max}. */
    private static boolean twoDigits(String s, int at, int max) {
        return at + 2 <= s.length() && digits(s, at, 2) && number(s, at, 2) <= max;
    }

    private static boolean digits(String s, int at, int count) {
        for (int i = at; i < at + count; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ASCII digits only: {@code java.time}'s ISO formats refuse other scripts' digits, and so does the inference. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String s, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
