package dev.sequor.expr.jinja;

import com.hubspot.jinjava.lib.filter.Filter;
import java.util.List;

/**
 * Jinja2's {@code default(default_value='', boolean=False)} and its alias {@code d}: the default as it was given (a
 * number stays a number; Jinjava's default made it text, so {@code none|default(5) + 1} failed and
 * {@code map('default', 5)} gave {@code '5'}), and with {@code boolean=true} also in place of a false value, by
 * Python's truth. Only an undefined value is replaced, not None ({@link UndefinedName}): Jinjava's default replaced
 * None too.
 */
final class PythonDefaultFilter extends Jinja2Filter {

    private PythonDefaultFilter(String name) {
        super(name);
    }

    static List<Filter> both() {
        return List.of(new PythonDefaultFilter("default"), new PythonDefaultFilter("d"));
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        if (args.positional().length > 2) {
            throw new TemplateValueException("do_default() takes from 1 to 3 positional arguments but "
                    + (args.positional().length + 1) + " were given");
        }
        Object fallback = args.get(0, "default_value", "");
        boolean replaceFalse = PythonTruth.of(args.get(1, "boolean", false));
        return isUndefined(value) || replaceFalse && !PythonTruth.of(value) ? fallback : value;
    }

    /** Only an undefined value, as in Jinja2: a name or attribute that holds None keeps it. */
    private static boolean isUndefined(Object value) {
        return value instanceof PythonUndefined;
    }
}
