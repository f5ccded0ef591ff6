package dev.sequor.expr.jinja;

import java.util.List;
import java.util.function.Function;

/**
 * Jinja2's {@code max} and {@code min(case_sensitive=False, attribute=None)}, which Jinjava lacks: the first largest
 * (smallest) item in Python's order ({@link PythonOrder}), text compared lowered unless case-sensitive.
 */
final class PythonMinMaxFilter extends Jinja2Filter {

    private final boolean max;

    private PythonMinMaxFilter(boolean max) {
        super(max ? "max" : "min");
        this.max = max;
    }

    static PythonMinMaxFilter max() {
        return new PythonMinMaxFilter(true);
    }

    static PythonMinMaxFilter min() {
        return new PythonMinMaxFilter(false);
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        Function<Object, Object> key = PythonOrder.key(args.text(1, "attribute", null), args.truthy(0, "case_sensitive"),
                false);
        List<Object> items = PythonItems.of(value);
        if (items.isEmpty()) {
            // Jinja2's undefined: |default after it applies, printing it fails
            return new PythonUndefined("No aggregated item, sequence was empty.");
        }
        Object best = items.getFirst();
        Object bestKey = key.apply(best);
        for (Object item : items.subList(1, items.size())) {
            Object k = key.apply(item);
            int c = PythonOrder.NATURAL.compare(k, bestKey);
            if (max ? c > 0 : c < 0) {
                best = item;
                bestKey = k;
            }
        }
        return best;
    }
}
