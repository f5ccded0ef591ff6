package dev.sequor.http;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The typed values of a rendered http source file. Templates render to text, so numbers and flags are accepted
 * as text too; a bad value is a one-sentence error naming the key ({@code what}, e.g. {@code Source "api":
 * rate_limit.max_concurrency}) at the source file's position.
 */
final class SourceValues {

    private SourceValues() {
    }

    /** The mapping under {@code key}, whose keys are all in {@code keys}; {@code where} starts every message. */
    static Map<?, ?> mapping(Object value, String where, String key, Set<String> keys, SourcePos pos) {
        String expected = String.join(", ", keys.stream().sorted().toList());
        if (!(value instanceof Map<?, ?> m)) {
            throw SequorException.invalid(pos, where + key + " must be a mapping with " + expected + ".");
        }
        for (Object k : m.keySet()) {
            if (!keys.contains(String.valueOf(k))) {
                throw SequorException.invalid(pos, where + "unknown key '" + key + "." + k + "'; expected " + expected + ".");
            }
        }
        return m;
    }

    /** A single value written as text (a number becomes its text); null when absent. */
    static String text(Object value, String what, SourcePos pos) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            throw SequorException.invalid(pos, what + " must be a single value, not '" + value + "'.");
        }
        return String.valueOf(value).strip();
    }

    /** A number of seconds, zero allowed only when {@code zeroAllowed}. */
    static Duration seconds(Object value, String what, SourcePos pos, boolean zeroAllowed) {
        double s = number(value);
        if (Double.isNaN(s) || s < 0 || (!zeroAllowed && s == 0) || Double.isInfinite(s)) {
            throw SequorException.invalid(pos, what + " must be a " + (zeroAllowed ? "non-negative" : "positive")
                    + " number of seconds, not '" + value + "'.");
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    /** A number above zero (fractions allowed). */
    static double positiveNumber(Object value, String what, SourcePos pos) {
        double n = number(value);
        if (Double.isNaN(n) || n <= 0 || Double.isInfinite(n)) {
            throw SequorException.invalid(pos, what + " must be a number above 0, not '" + value + "'.");
        }
        return n;
    }

    /** A whole number of at least 1. */
    static int positiveWholeNumber(Object value, String what, SourcePos pos) {
        int n;
        try {
            n = Integer.parseInt(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1) {
            throw SequorException.invalid(pos, what + " must be a whole number of at least 1, not '" + value + "'.");
        }
        return n;
    }

    /** A number of bytes from 1 to {@code max}. */
    static long byteCount(Object value, String what, SourcePos pos, long max) {
        long n;
        try {
            n = Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > max) {
            throw SequorException.invalid(pos, what + " must be a whole number of bytes from 1 to " + max + ", not '"
                    + value + "'.");
        }
        return n;
    }

    /** true or false, also as rendered text; absent is false. */
    static boolean flag(Object value, String what, SourcePos pos) {
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        String text = String.valueOf(value).strip();
        if (text.equals("true") || text.equals("false")) {
            return text.equals("true");
        }
        throw SequorException.invalid(pos, what + " must be true or false, not '" + value + "'.");
    }

    private static double number(Object value) {
        try {
            return Double.parseDouble(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
