package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link IsoDateText} says yes to exactly the strings the inference's former rule did: a regular expression for the
 * shape, then {@code java.time}'s strict ISO parsers for the values (an offset without a colon or minutes given to it
 * as {@code +HH:MM}). Both are run on edge cases and on a few hundred
 * thousand strings mutated from valid ones.
 */
class IsoDateTextTest {

    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static boolean dateByJavaTime(String s) {
        // year 0000 (1 BC to java.time and DuckDB) is refused: PostgreSQL refuses it
        if (!DATE.matcher(s).matches() || s.startsWith("0000")) {
            return false;
        }
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean timestampByJavaTime(String s) {
        java.util.regex.Matcher m = TIMESTAMP.matcher(s);
        if (!m.matches() || s.startsWith("0000")) {
            return false;
        }
        // java.time's ISO offset is +HH:MM; PostgreSQL (and a declared timestamp column) also reads +HH and +HHMM
        String offset = m.group(3);
        String iso = offset.equals("Z") || offset.contains(":") ? s
                : s.substring(0, m.start(3)) + offset.substring(0, 3) + ":"
                + (offset.length() == 5 ? offset.substring(3) : "00");
        try {
            // and an offset PostgreSQL takes: less than 16 hours either way (java.time allows 18)
            return Math.abs(OffsetDateTime.parse(iso.replace(' ', 'T')).getOffset().getTotalSeconds()) < 16 * 3600;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void agrees(String s) {
        assertThat(IsoDateText.isDate(s)).as("date: '%s'", s).isEqualTo(dateByJavaTime(s));
        assertThat(IsoDateText.isTimestampWithOffset(s)).as("timestamp: '%s'", s).isEqualTo(timestampByJavaTime(s));
    }

    @Test
    void edgesOfEveryField() {
        List<String> cases = List.of(
                "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "0000-02-29", "0000-01-01", "9999-12-31",
                "2024-04-31", "2024-04-30", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-01", "2024/01/01",
                "+2024-01-01", "2024-01-01 ", "２０２４-01-01", "2024-05-01T10:00:00+02:00", "2024-05-01T10:00Z",
                "2024-05-01 10:00:00.123456Z", "2024-05-01T10:00:00.123456789Z", "2024-05-01T10:00:00.1234567890Z",
                "2024-05-01T10:00:00.Z", "2024-05-01T23:59:59Z", "2024-05-01T24:00:00Z", "2024-05-01T10:60:00Z",
                "2024-05-01T10:00:60Z", "2024-05-01T10:00:00+18:00", "2024-05-01T10:00:00-18:00",
                "2024-05-01T10:00:00+18:01", "2024-05-01T10:00:00+19:00", "2024-05-01T10:00:00+14:60",
                "2024-05-01T10:00:00+15:59", "2024-05-01T10:00:00-15:59", "2024-05-01T10:00:00+16:00",
                "2024-05-01T10:00:00-00:00", "2024-05-01T10:00:00+0200", "2024-05-01T10:00:00+02",
                "2024-05-01T10:00:00z", "2024-05-01t10:00:00Z", "2024-05-01T10:00:00ZZ", "2024-05-01T10:00",
                "2024-05-01T10:00:00", "2024-02-30T10:00:00Z", "2024-05-01T1:00:00Z", "2024-05-01T10:00:0Z",
                "2024-05-01T10:00:00+02:00:00", "", "2024", "ünï 😀", "c1001@example.com",
                "2024-05-01 10:00:00+00", "2024-05-01 10:00:00+05", "2024-05-01 10:00:00+0530",
                "2024-05-01T10:00-0330", "2024-05-01T10:00:00+1559", "2024-05-01T10:00:00+1600",
                "2024-05-01T10:00:00+16", "2024-05-01T10:00:00+0560", "2024-05-01T10:00:00+053",
                "2024-05-01T10:00:00+05:", "2024-05-01T10:00:00+5", "2024-05-01T10:00:00+05:3",
                "0000-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "0001-01-01");
        cases.forEach(IsoDateTextTest::agrees);
        assertThat(IsoDateText.isDate("2024-02-29")).isTrue();
        assertThat(IsoDateText.isDate("0000-01-01")).isFalse();
        assertThat(IsoDateText.isDate("0001-01-01")).isTrue();
        assertThat(IsoDateText.isTimestampWithOffset("0000-12-31T23:59:59Z")).isFalse();
        assertThat(IsoDateText.isTimestampWithOffset("2024-05-01T10:00:00.123456789-15:59")).isTrue();
        assertThat(IsoDateText.isTimestampWithOffset("2024-05-01T10:00:00+18:00")).isFalse();
        // the offsets a declared timestamp column takes, as PostgreSQL writes them
        assertThat(IsoDateText.isTimestampWithOffset("2024-05-01 10:00:00+00")).isTrue();
        assertThat(IsoDateText.isTimestampWithOffset("2024-05-01 10:00:00+0530")).isTrue();
        assertThat(IsoDateText.isTimestampWithOffset("2024-05-01 10:00:00+1600")).isFalse();
    }

    @Test
    void mutationsOfValidValues() {
        Random random = new Random(20261202);
        String alphabet = "0123456789-:T .Z+z";
        String[] seeds = {"2024-02-29T23:59:59.999999999+15:59", "2023-12-31 00:00Z", "2024-05-01", "0400-02-29",
                "1999-11-30T12:30:45-05:30", "2024-05-01 10:00:00+0530", "2024-05-01T10:00-03", "0000-01-01",
                "0000-02-29T10:00Z"};
        List<String> tried = new ArrayList<>();
        for (int i = 0; i < 300_000; i++) {
            StringBuilder s = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int edits = 1 + random.nextInt(3); edits > 0 && !s.isEmpty(); edits--) {
                int at = random.nextInt(s.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> s.setCharAt(at, c);
                    case 1 -> s.insert(at, c);
                    default -> s.deleteCharAt(at);
                }
            }
            tried.add(s.toString());
        }
        long accepted = tried.stream().filter(s -> dateByJavaTime(s) || timestampByJavaTime(s)).count();
        tried.forEach(IsoDateTextTest::agrees);
        // the mutations reach both sides of the rule, so agreeing is not agreeing on "no" alone
        assertThat(accepted).isBetween(10_000L, 290_000L);
    }
}
