package dev.sequor.expr.jinja;

import java.util.ArrayList;
import java.util.List;

/**
 * Jinja2's {@code batch(linecount, fill_with=None)}, replacing Jinjava's, which filled a short last batch with None:
 * lists of {@code linecount} items, the last one shorter unless {@code fill_with} is given.
 */
final class PythonBatchFilter extends Jinja2Filter {

    PythonBatchFilter() {
        super("batch");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        int size = args.integer(0, "linecount", 0);
        if (size <= 0) {
            throw new TemplateValueException("batch's linecount must be at least 1, not " + size);
        }
        Object fill = args.get(1, "fill_with", null);
        List<Object> batches = new ArrayList<>();
        List<Object> batch = new ArrayList<>();
        for (Object item : PythonItems.of(value)) {
            if (batch.size() == size) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            while (fill != null && batch.size() < size) {
                batch.add(fill);
            }
            batches.add(batch);
        }
        return batches;
    }
}
