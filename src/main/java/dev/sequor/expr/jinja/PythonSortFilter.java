package dev.sequor.expr.jinja;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Jinja2's {@code sort(reverse=False, case_sensitive=False, attribute=None)}, replacing Jinjava's, which ignored the
 * attribute: Python's stable {@code sorted} ({@link PythonOrder}), on one attribute, a dotted path or several
 * separated by commas, text compared lowered unless case-sensitive.
 */
final class PythonSortFilter extends Jinja2Filter {

    PythonSortFilter() {
        super("sort");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        Function<Object, Object> key = PythonOrder.key(args.text(2, "attribute", null), args.truthy(1, "case_sensitive"),
                true);
        List<Object> items = PythonItems.of(value);
        Comparator<Object> order = Comparator.comparing(key, PythonOrder.NATURAL);
        items.sort(args.truthy(0, "reverse") ? order.reversed() : order);
        return items;
    }
}
