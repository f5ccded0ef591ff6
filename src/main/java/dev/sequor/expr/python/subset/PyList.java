package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.Collection;

/** Python's {@code list}: a mutable sequence over an ArrayList. Methods are in {@link ListMethods}. */
public final class PyList implements PyObject {

    public final ArrayList<Object> items;

    public PyList() {
        this.items = new ArrayList<>();
    }

    public PyList(int capacity) {
        this.items = new ArrayList<>(capacity);
    }

    public PyList(Collection<?> values) {
        this.items = new ArrayList<>(values);
    }

    public static PyList of(Object... values) {
        return new PyList(java.util.Arrays.asList(values));
    }

    public int size() {
        return items.size();
    }

    public Object get(int i) {
        return items.get(i);
    }

    public void add(Object v) {
        items.add(v);
    }

    @Override
    public String typeName() {
        return "list";
    }

    @Override
    public Object getAttr(String name) {
        return ListMethods.has(name) ? new BoundMethod(this, name) : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyList other && Py.sequenceEquals(items, other.items);
    }

    @Override
    public int hashCode() {
        throw PyExc.typeError("unhashable type: 'list'");
    }

    @Override
    public String toString() {
        return Py.repr(this);
    }
}
