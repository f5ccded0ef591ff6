package dev.sequor.expr.jinja;

import java.util.ArrayList;
import java.util.List;

/**
 * Jinja2's {@code slice(slices, fill_with=None)}: the items cut into {@code slices} columns, the first ones one item
 * longer when the items do not divide evenly, the others padded with {@code fill_with} when it is given.
 */
final class PythonSliceFilter extends Jinja2Filter {

    PythonSliceFilter() {
        super("slice");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        List<Object> items = PythonItems.of(value);
        int slices = args.integer(0, "slices", 1);
        if (slices == 0) {
            throw new TemplateValueException("integer division or modulo by zero");
        }
        Object fill = args.get(1, "fill_with", null);
        int perSlice = items.size() / slices;
        int withExtra = items.size() % slices;
        List<Object> out = new ArrayList<>(Math.max(slices, 0));
        int offset = 0;
        for (int n = 0; n < slices; n++) {
            int start = offset + n * perSlice;
            if (n < withExtra) {
                offset++;
            }
            List<Object> slice = new ArrayList<>(items.subList(start, offset + (n + 1) * perSlice));
            if (fill != null && n >= withExtra) {
                slice.add(fill);
            }
            out.add(slice);
        }
        return out;
    }
}
