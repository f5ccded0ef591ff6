package dev.sequor.expr.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Jinja2's {@code sum(attribute=None, start=0)}: Python's {@code sum(items, start)}, so whole numbers stay whole
 * ({@code [1, 2]|sum} is 3, exactly past 2^63), a float makes the sum a float added as doubles ({@code [0.1, 0.2]|sum}
 * is 0.30000000000000004, {@code [1.0, 2]|sum} is 3.0), and lists concatenate. Replaces Jinjava's, which added
 * in BigDecimal and ignored {@code start}.
 */
final class PythonSumFilter extends Jinja2Filter {

    PythonSumFilter() {
        super("sum");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        String attribute = args.text(0, "attribute", null);
        Object total = args.get(1, "start", 0L);
        if (total instanceof String) {
            throw new TemplateValueException("sum() can't sum strings [use ''.join(seq) instead]");
        }
        Function<Object, Object> key = attribute == null ? Function.identity() : PythonOrder.key(attribute, true, false);
        for (Object item : PythonItems.of(value)) {
            total = add(total, key.apply(item));
        }
        return total;
    }

    /** Python's {@code a + b} for what a sum meets: numbers and lists. */
    private static Object add(Object a, Object b) {
        if (isInt(a) && isInt(b)) {
            return PythonIntFilter.whole(bigInt(a).add(bigInt(b)));
        }
        if (isFloat(a) && (isFloat(b) || isInt(b)) || isInt(a) && isFloat(b)) {
            return PythonFloatFilter.floatOrNull(a) + PythonFloatFilter.floatOrNull(b);
        }
        if (a instanceof BigDecimal x && (b instanceof BigDecimal || isInt(b))) {
            return x.add(decimal(b));
        }
        if (isInt(a) && b instanceof BigDecimal y) {
            return decimal(a).add(y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            List<Object> joined = new ArrayList<>(x);
            joined.addAll(y);
            return joined;
        }
        throw new TemplateValueException("unsupported operand type(s) for +: '" + PythonStr.typeName(a) + "' and '"
                + PythonStr.typeName(b) + "'");
    }

    private static boolean isInt(Object v) {
        return v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte || v instanceof BigInteger;
    }

    private static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float;
    }

    private static BigInteger bigInt(Object v) {
        return switch (v) {
            case Boolean b -> b ? BigInteger.ONE : BigInteger.ZERO;
            case BigInteger i -> i;
            default -> BigInteger.valueOf(((Number) v).longValue());
        };
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal d ? d : new BigDecimal(bigInt(v));
    }
}
