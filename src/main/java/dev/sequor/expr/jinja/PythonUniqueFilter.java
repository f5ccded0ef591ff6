package dev.sequor.expr.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Jinja2's {@code unique(case_sensitive=False, attribute=None)}: the items in order, each kept the first time its
 * key (the attribute, text lowered unless case-sensitive) is seen; keys compare as Python's hash does.
 */
final class PythonUniqueFilter extends Jinja2Filter {

    PythonUniqueFilter() {
        super("unique");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        Function<Object, Object> key = PythonOrder.key(args.text(1, "attribute", null), args.truthy(0, "case_sensitive"),
                false);
        Set<Object> seen = new HashSet<>();
        List<Object> kept = new ArrayList<>();
        for (Object item : PythonItems.of(value)) {
            if (seen.add(hashKey(key.apply(item)))) {
                kept.add(item);
            }
        }
        return kept;
    }

    /**
     * The key as Python hashes it: numbers and booleans by value, so {@code 1}, {@code 1.0} and {@code true} are one
     * value, as in Jinja2 (Java's equality kept three).
     */
    private static Object hashKey(Object key) {
        if (key instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (key instanceof Double d && (d.isNaN() || d.isInfinite()) || key instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return key;
        }
        if (key instanceof Number n) {
            BigDecimal exact = n instanceof BigDecimal d ? d : n instanceof BigInteger i ? new BigDecimal(i)
                    : n instanceof Double || n instanceof Float ? new BigDecimal(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
            return exact.signum() == 0 ? BigDecimal.ZERO : exact.stripTrailingZeros();
        }
        if (key instanceof PythonTuple tuple) {
            return tuple.stream().map(PythonUniqueFilter::hashKey).toList();
        }
        return key;
    }
}
