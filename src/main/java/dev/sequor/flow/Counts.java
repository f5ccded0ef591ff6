package dev.sequor.flow;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.math.BigDecimal;

/**
 * Counts a flow gives, such as {@code max_iterations}: positive integers, checked by the same rule whether they are
 * written in the YAML (checked when the flow is parsed, {@link LiteralRule#POSITIVE_INTEGER}) or computed (checked
 * when the op runs, {@link #positive}).
 */
public final class Counts {

    private Counts() {
    }

    /**
     * The most rows or pages an op may have in flight at once: each runs on a platform thread of its own (a parallel
     * row holds its responses until its turn), and no API takes more at once from one client.
     */
    public static final int MAX_PARALLEL = 1000;

    /** The value as a positive long, else invalid input naming the key, the value and what is expected. */
    public static long positive(Object value, SourcePos pos, String key) {
        Long n = positiveOrNull(value);
        if (n == null) {
            throw SequorException.invalid(pos, key + " must be a positive integer, not " + Literals.shown(value) + ".");
        }
        return n;
    }

    /** {@code parallel}: a positive integer of at most {@link #MAX_PARALLEL}, else invalid input as for {@link #positive}. */
    public static int parallel(Object value, SourcePos pos, String key) {
        long n = positive(value, pos, key);
        if (n > MAX_PARALLEL) {
            throw SequorException.invalid(pos, key + " must be a positive integer of at most " + MAX_PARALLEL + ", not "
                    + n + ".");
        }
        return (int) n;
    }

    /** Whether a literal {@code parallel} is fine: empty (the default) or what {@link #parallel} takes. */
    static boolean parallelOrEmpty(Object value) {
        Long n = value == null ? null : positiveOrNull(value);
        return value == null || n != null && n <= MAX_PARALLEL;
    }

    /** The value as a positive long (a whole number, or text of one), or null when it is not one. */
    public static Long positiveOrNull(Object value) {
        long n = 0;
        try {
            if (value instanceof Number num) {
                BigDecimal exact = new BigDecimal(num.toString());
                n = exact.stripTrailingZeros().scale() <= 0 ? exact.longValueExact() : 0;
            } else if (value != null && !(value instanceof Boolean)) {
                n = Long.parseLong(String.valueOf(value).strip());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            n = 0;
        }
        return n > 0 ? n : null;
    }
}
