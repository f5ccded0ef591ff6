package dev.sequor.expr.jinja;

import dev.sequor.expr.python.subset.NumberParsing;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Jinja2's {@code int(default=0, base=10)}: text through Python's {@code int(text, base)} (sign, underscores,
 * {@code 0x}/{@code 0o}/{@code 0b} prefixes), other values through {@code int(value)} (True is 1, floats toward zero,
 * no 64-bit limit), and, where that fails, {@code int(float(value))} so that {@code '42.23'} gives 42; the default
 * when both fail. Replaces Jinjava's, which ignored the base, read {@code '1,000'} as 1000 and capped at 2^63.
 */
final class PythonIntFilter extends Jinja2Filter {

    PythonIntFilter() {
        super("int");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        Object fallback = args.get(0, "default", 0L);
        Object direct = value instanceof String s ? parse(s, args.get(1, "base", 10L)) : intOrNull(value);
        if (direct != null) {
            return direct;
        }
        Double d = PythonFloatFilter.floatOrNull(value);
        return d == null || d.isNaN() || d.isInfinite() ? fallback : truncate(d);
    }

    /** Python's {@code int(text, base)}; null where it raises (a base that is not 0 or 2..36 is a ValueError). */
    private static Object parse(String text, Object base) {
        if (!(base instanceof Long || base instanceof Integer)) {
            return null;
        }
        long b = ((Number) base).longValue();
        return b == 0 || b >= 2 && b <= 36 ? NumberParsing.parseInt(text, (int) b) : null;
    }

    /** Python's {@code int(value)} for a value that is not text; null where it raises TypeError or ValueError. */
    private static Object intOrNull(Object value) {
        return switch (value) {
            case Boolean b -> b ? 1L : 0L;
            case BigInteger i -> whole(i);
            case BigDecimal d -> whole(d.toBigInteger());
            case Number n when n instanceof Double || n instanceof Float -> {
                double d = n.doubleValue();
                if (Double.isInfinite(d)) {
                    // an OverflowError, which Jinja2's filter does not catch
                    throw new TemplateValueException("cannot convert float infinity to integer");
                }
                yield Double.isNaN(d) ? null : truncate(d);
            }
            case Number n -> n.longValue();
            case null, default -> null;
        };
    }

    private static Object truncate(double d) {
        return whole(new BigDecimal(d).toBigInteger());
    }

    /** A Python int as Sequor's values hold one: a Long when it fits, else a BigInteger. */
    static Object whole(BigInteger i) {
        return i.bitLength() < 64 ? (Object) i.longValue() : i;
    }
}
