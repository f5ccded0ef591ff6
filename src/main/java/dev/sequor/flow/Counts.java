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

    /** The value as a positive long, else invalid input naming the key, the value and what is expected. */
    public static long positive(Object value, SourcePos pos, String key) {
        Long n = positiveOrNull(value);
        if (n == null) {
            throw SequorException.invalid(pos, key + " must be a positive integer, not '" + value + "'.");
        }
        return n;
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
