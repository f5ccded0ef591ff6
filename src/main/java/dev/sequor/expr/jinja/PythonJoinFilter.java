package dev.sequor.expr.jinja;

import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Jinja2's {@code join(d='', attribute=None)}: {@code str(d).join(map(str, items))}, each item printed as Python's
 * {@code str()} ({@code None}, {@code True}, {@code {'a': 1}}) and a string joined by its characters. Replaces
 * Jinjava's, which printed Java's forms ({@code null} as nothing, {@code true}).
 */
final class PythonJoinFilter extends Jinja2Filter {

    PythonJoinFilter() {
        super("join");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        String separator = args.text(0, "d", "");
        String attribute = args.text(1, "attribute", null);
        Function<Object, Object> key = attribute == null ? Function.identity() : PythonOrder.key(attribute, true, false);
        StringJoiner out = new StringJoiner(separator);
        for (Object item : PythonItems.of(value)) {
            out.add(PythonStr.str(key.apply(item)));
        }
        return out.toString();
    }
}
