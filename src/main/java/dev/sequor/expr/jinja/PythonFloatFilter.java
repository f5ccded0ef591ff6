package dev.sequor.expr.jinja;

import dev.sequor.expr.python.subset.NumberParsing;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Jinja2's {@code float(default=0.0)}: Python's {@code float(value)}, or the default when Python would raise a
 * TypeError or ValueError. Replaces Jinjava's, which parsed as a 32-bit float ({@code '3.7'} gave
 * 3.700000047683716) and read neither {@code '1e3'}, {@code ' 7 '} nor {@code 'inf'}.
 */
final class PythonFloatFilter extends Jinja2Filter {

    PythonFloatFilter() {
        super("float");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        Double d = floatOrNull(value);
        return d != null ? d : args.get(0, "default", 0.0);
    }

    /** Python's {@code float(value)}; null where it raises TypeError or ValueError. */
    static Double floatOrNull(Object value) {
        return switch (value) {
            case Boolean b -> b ? 1.0 : 0.0;
            case BigInteger i -> {
                double d = i.doubleValue();
                if (Double.isInfinite(d)) {
                    // an OverflowError, which Jinja2's filter does not catch
                    throw new TemplateValueException("int too large to convert to float");
                }
                yield d;
            }
            case BigDecimal d -> d.doubleValue();
            case Number n when n instanceof Double || n instanceof Float -> n.doubleValue();
            case Number n -> (double) n.longValue();
            case String s -> NumberParsing.parseFloat(s);
            case null, default -> null;
        };
    }
}
