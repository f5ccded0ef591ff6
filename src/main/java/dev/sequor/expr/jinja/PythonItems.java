package dev.sequor.expr.jinja;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What Python's iteration over a filter's value gives: a list's items, a dict's keys, a string's characters. */
final class PythonItems {

    private PythonItems() {
    }

    /** A new, mutable list of the items. */
    static List<Object> of(Object value) {
        return switch (value) {
            case Map<?, ?> map -> new ArrayList<>(map.keySet());
            case Collection<?> items -> new ArrayList<>(items);
            case Object[] items -> new ArrayList<>(Arrays.asList(items));
            case String s -> new ArrayList<>(s.codePoints().mapToObj(Character::toString).toList());
            case null, default -> throw new TemplateValueException("'" + PythonStr.typeName(value)
                    + "' object is not iterable");
        };
    }
}
