package dev.sequor.expr.python.subset;

import java.util.Arrays;
import java.util.List;

/**
 * Python's {@code tuple}: immutable; hashable when its items are, with Python's equality (so {@code (1, 'a')} and
 * {@code (1.0, 'a')} are the same dict key).
 */
public final class PyTuple implements PyObject {

    public static final PyTuple EMPTY = new PyTuple(new Object[0]);

    public final Object[] items;

    public PyTuple(Object[] items) {
        this.items = items;
    }

    public static PyTuple of(Object... items) {
        return new PyTuple(items);
    }

    public int size() {
        return items.length;
    }

    public Object get(int i) {
        return items[i];
    }

    public List<Object> asList() {
        return Arrays.asList(items);
    }

    @Override
    public String typeName() {
        return "tuple";
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "count", "index" -> new BoundMethod(this, name);
            default -> null;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyTuple other && Py.sequenceEquals(asList(), other.asList());
    }

    /** CPython's tuple hash is not needed: only consistency with {@link #equals} and Python's number equality. */
    @Override
    public int hashCode() {
        int h = 0x345678;
        for (Object item : items) {
            h = h * 1000003 ^ Py.hash(item);
        }
        return h;
    }

    @Override
    public String toString() {
        return Py.repr(this);
    }
}
