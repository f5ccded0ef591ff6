package dev.sequor.flow;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What a key accepts when its value is written literally in the flow, said once for the check and the message
 * ({@code 'timeout_seconds' in http_request "get" request must be a positive number of seconds, not 'soon'.}). Each
 * rule accepts what the op accepts when it runs, no less: a value written as a template or a snippet is only known
 * then, and the op checks it there.
 *
 * @param expected what the key must be, as the message says it ("a positive integer")
 * @param accepts  whether a literal value (String, Long, Double, Boolean or null) is fine
 */
public record LiteralRule(String expected, Predicate<Object> accepts) {

    /** Counts such as {@code max_iterations}: a whole number above zero (text of digits too); empty means the default. */
    public static final LiteralRule POSITIVE_INTEGER = new LiteralRule("a positive integer",
            v -> v == null || Counts.positiveOrNull(v) != null);

    /** {@code parallel}: rows or pages in flight at once, at most {@link Counts#MAX_PARALLEL}; empty means 1. */
    public static final LiteralRule PARALLEL = new LiteralRule("a positive integer of at most " + Counts.MAX_PARALLEL,
            Counts::parallelOrEmpty);

    /** {@code start_step}: a step index, zero or more; empty means 0. */
    public static final LiteralRule STEP_INDEX = new LiteralRule("a non-negative integer (the index of the first step"
            + " to run)", v -> v == null || nonNegativeInteger(v));

    /** A number that may be zero, such as the first page of {@code page_number} pagination. */
    public static final LiteralRule NON_NEGATIVE_INTEGER = new LiteralRule("a non-negative integer",
            v -> v == null || nonNegativeInteger(v));

    /** Durations such as {@code timeout_seconds}: a finite number of seconds above zero (fractions allowed). */
    public static final LiteralRule POSITIVE_SECONDS = new LiteralRule("a positive number of seconds",
            LiteralRule::positiveNumber);

    /** A switch such as {@code flatten}: true or false; empty means false. */
    public static final LiteralRule BOOLEAN = new LiteralRule("true or false", v -> v == null || v instanceof Boolean);

    /** An HTTP method: a word of letters, any case ({@code get} is sent as GET). */
    public static final LiteralRule HTTP_METHOD = new LiteralRule("an HTTP method such as GET, POST, PATCH, PUT or"
            + " DELETE", v -> v instanceof String s && s.strip().matches("[A-Za-z]+"));

    /** A key that holds a mapping when written out: a scalar or a list is wrong, an empty value means none. */
    public static LiteralRule mapping(String what) {
        return new LiteralRule(what, v -> v == null || v instanceof java.util.Map);
    }

    /** One of {@code names} exactly as written (lower case); empty means the first, the default. */
    public static LiteralRule oneOf(List<String> names) {
        String expected = "one of " + String.join(", ", names);
        return new LiteralRule(expected, v -> v == null || names.contains(v));
    }

    /** The message's part after the key and place: {@code must be X, not Y}; null when the value is fine. */
    public String problem(Object value) {
        return accepts.test(value) ? null : "must be " + expected + ", not " + Literals.shown(value);
    }

    private static boolean positiveNumber(Object v) {
        if (v == null || v instanceof Boolean) {
            return false;
        }
        try {
            double d = Double.parseDouble(String.valueOf(v).strip());
            return d > 0 && !Double.isInfinite(d) && !Double.isNaN(d);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean nonNegativeInteger(Object v) {
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return false;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).signum() >= 0;
        }
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.strip()) >= 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /** The names of an enum's constants as flows write them (lower case). */
    public static List<String> lowerCaseNames(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    }
}
