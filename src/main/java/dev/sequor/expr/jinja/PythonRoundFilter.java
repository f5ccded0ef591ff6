package dev.sequor.expr.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Jinja2's {@code round(value, precision=0, method='common')}, replacing Jinjava's (half up, always a whole number):
 * {@code common} is Python's {@code round}, half to even on the float's exact value ({@code 2.5} -> {@code 2.0},
 * {@code 2.675|round(2)} -> {@code 2.67}), a float stays a float and a whole number stays whole; {@code ceil} and
 * {@code floor} give a float.
 */
final class PythonRoundFilter extends Jinja2Filter {

    PythonRoundFilter() {
        super("round");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        int precision = args.integer(0, "precision", 0);
        String method = args.text(1, "method", "common");
        if (!method.equals("common") && !method.equals("ceil") && !method.equals("floor")) {
            throw new TemplateValueException("method must be common, ceil or floor");
        }
        if (!(value instanceof Number) && !(value instanceof Boolean)) {
            throw new TemplateValueException("type " + PythonStr.typeName(value) + " doesn't define __round__ method");
        }
        BigDecimal exact = exact(value);
        if (method.equals("common")) {
            BigDecimal rounded = exact.setScale(precision, RoundingMode.HALF_EVEN);
            if (value instanceof Double || value instanceof Float) {
                return rounded.doubleValue();
            }
            if (value instanceof BigDecimal) {
                return rounded;
            }
            return PythonIntFilter.whole(rounded.toBigInteger());
        }
        RoundingMode mode = method.equals("ceil") ? RoundingMode.CEILING : RoundingMode.FLOOR;
        return exact.setScale(precision, mode).doubleValue();
    }

    private static BigDecimal exact(Object value) {
        return switch (value) {
            case Boolean b -> b ? BigDecimal.ONE : BigDecimal.ZERO;
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d -> new BigDecimal(d);
            case Float f -> new BigDecimal(f.doubleValue());
            default -> BigDecimal.valueOf(((Number) value).longValue());
        };
    }
}
