package dev.sequor.expr.jinja;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Jinja2's {@code dictsort(case_sensitive=False, by='key', reverse=False)}: a dict's (key, value) pairs sorted by key
 * or value in Python's order ({@link PythonOrder}); Jinjava's ignored {@code reverse}. A pair prints as a tuple and
 * unpacks in {@code for k, v in ...}.
 */
final class PythonDictsortFilter extends Jinja2Filter {

    PythonDictsortFilter() {
        super("dictsort");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new TemplateValueException("'" + PythonStr.typeName(value) + "' object has no attribute 'items'");
        }
        String by = args.text(1, "by", "key");
        if (!by.equals("key") && !by.equals("value")) {
            throw new TemplateValueException("You can only sort by either \"key\" or \"value\"");
        }
        List<Map.Entry<Object, Object>> pairs = new ArrayList<>();
        map.forEach((k, v) -> pairs.add(new SimpleImmutableEntry<>(k, v)));
        Function<Object, Object> lowered = PythonOrder.key(null, args.truthy(0, "case_sensitive"), false);
        Comparator<Map.Entry<Object, Object>> order = Comparator.comparing(
                e -> lowered.apply(by.equals("key") ? e.getKey() : e.getValue()), PythonOrder.NATURAL);
        pairs.sort(args.truthy(2, "reverse") ? order.reversed() : order);
        return pairs;
    }
}
