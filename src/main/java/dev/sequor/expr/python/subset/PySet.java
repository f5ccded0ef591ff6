package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Python's {@code set}. Python's iteration order of a set depends on hashes; ours is insertion order, which can
 * differ for mixed keys, so the differential tests compare sets through {@code sorted()}. Methods are in
 * {@link SetMethods}.
 */
public final class PySet implements PyObject {

    /** stored key -> value as written. */
    private final LinkedHashMap<Object, Object> map = new LinkedHashMap<>();

    public int size() {
        return map.size();
    }

    public boolean contains(Object value) {
        return map.containsKey(DictKeys.of(value));
    }

    public void add(Object value) {
        map.putIfAbsent(DictKeys.of(value), value);
    }

    /** True when the value was there. */
    public boolean discard(Object value) {
        Object stored = DictKeys.of(value);
        if (!map.containsKey(stored)) {
            return false;
        }
        map.remove(stored);
        return true;
    }

    public List<Object> items() {
        return new ArrayList<>(map.values());
    }

    public void clear() {
        map.clear();
    }

    public PySet copy() {
        PySet out = new PySet();
        out.map.putAll(map);
        return out;
    }

    @Override
    public String typeName() {
        return "set";
    }

    @Override
    public Object getAttr(String name) {
        return SetMethods.has(name) ? new BoundMethod(this, name) : null;
    }

    @Override
    public boolean equals(Object o) {
        if (ViewSets.isSetLike(o)) {
            return o.equals(this); // set.__eq__ declines a view; the view's reflected == answers
        }
        return o instanceof PySet other && other.map.size() == map.size() && map.keySet().containsAll(other.map.keySet());
    }

    @Override
    public int hashCode() {
        throw PyExc.typeError("unhashable type: 'set'");
    }

    @Override
    public String toString() {
        return Py.repr(this);
    }
}
