package dev.sequor.expr.jinja;

import dev.sequor.expr.python.subset.Strs;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Jinja2's {@code first}, {@code last}, {@code list} and {@code length} (alias {@code count}) over what Python
 * iterates ({@link PythonItems}): a string's characters ({@code 'Hello'|first} is {@code H}, an emoji is one
 * character) and a dict's keys, where Jinjava took a string or a dict as one item.
 */
final class PythonItemsFilter extends Jinja2Filter {

    private PythonItemsFilter(String name) {
        super(name);
    }

    /** One filter for each name. */
    static List<PythonItemsFilter> all() {
        return List.of(new PythonItemsFilter("first"), new PythonItemsFilter("last"), new PythonItemsFilter("list"),
                new PythonItemsFilter("length"), new PythonItemsFilter("count"));
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        return switch (args.filter()) {
            case "length", "count" -> length(value);
            case "list" -> PythonItems.of(value);
            default -> {
                List<Object> items = PythonItems.of(value);
                if (items.isEmpty()) {
                    // Jinja2's undefined: |default after it applies, printing it fails
                    yield new PythonUndefined("No " + args.filter() + " item, sequence was empty.");
                }
                yield args.filter().equals("first") ? items.getFirst() : items.getLast();
            }
        };
    }

    /** Python's {@code len(value)}. */
    private static long length(Object value) {
        return switch (value) {
            case String s -> Strs.len(s);
            case Map<?, ?> map -> map.size();
            case Collection<?> items -> items.size();
            case Object[] items -> items.length;
            case null, default -> throw new TemplateValueException("object of type '" + PythonStr.typeName(value)
                    + "' has no len()");
        };
    }
}
