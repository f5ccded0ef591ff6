package dev.sequor.expr.python.subset;

import java.util.Iterator;
import java.util.List;

/**
 * A generator expression's values. They are computed when the generator is made; an error met while computing
 * them is kept and raised only when a consumer iterates that far, so {@code any(x['a'] for x in rows)} stops at
 * the first true value exactly as Python does. Like a Python generator it can be iterated once.
 */
final class PyGenerator implements PyObject, Items.PyIterable, Repr.HasRepr {

    private final List<Object> values;
    private final PyExc pending;
    private boolean consumed;

    PyGenerator(List<Object> values, PyExc pending) {
        this.values = values;
        this.pending = pending;
    }

    @Override
    public Iterable<Object> iterable() {
        return () -> {
            if (consumed) {
                return java.util.Collections.emptyIterator();
            }
            consumed = true;
            return new Iterator<>() {
                private int i;

                @Override
                public boolean hasNext() {
                    if (i < values.size()) {
                        return true;
                    }
                    if (pending != null) {
                        throw pending;
                    }
                    return false;
                }

                @Override
                public Object next() {
                    return values.get(i++);
                }
            };
        };
    }

    @Override
    public String typeName() {
        return "generator";
    }

    @Override
    public String repr() {
        return "<generator object <genexpr>>";
    }
}
