package dev.sequor.expr.jinja;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Jinja2's {@code unique(case_sensitive=False, attribute=None)}: the items in order, each kept the first time its
 * key (the attribute, text lowered unless case-sensitive) is seen.
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
            if (seen.add(key.apply(item))) {
                kept.add(item);
            }
        }
        return kept;
    }
}
