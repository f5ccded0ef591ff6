package dev.sequor.expr.python.subset;

import java.util.Iterator;

/**
 * The iterators the builtins return ({@code enumerate}, {@code zip}, {@code map}, {@code filter},
 * {@code reversed}): lazy, and like Python's iterators consumed as they are read, so a loop that breaks and a later
 * loop over the same iterator continue where the first stopped. Their repr leaves out CPython's address, which
 * nothing relies on.
 */
final class PyIterator implements PyObject, Items.PyIterable, Repr.HasRepr {

    private final String typeName;
    private final Iterator<Object> values;

    PyIterator(String typeName, Iterator<Object> values) {
        this.typeName = typeName;
        this.values = values;
    }

    @Override
    public Iterable<Object> iterable() {
        return () -> values;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public PyType pythonType() {
        return IteratorBuiltins.typeNamed(typeName);
    }

    @Override
    public String repr() {
        return "<" + typeName + " object>";
    }

    /** A one-value-ahead iterator: subclasses compute the next value or say there is none. */
    abstract static class Lookahead implements Iterator<Object> {

        private static final Object END = new Object();
        private Object next;
        private boolean ready;

        /** The next value, or {@link #end()} when there is none. */
        abstract Object compute();

        static Object end() {
            return END;
        }

        @Override
        public boolean hasNext() {
            if (!ready) {
                next = compute();
                ready = true;
            }
            return next != END;
        }

        @Override
        public Object next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            ready = false;
            Object v = next;
            next = null;
            return v;
        }
    }
}
