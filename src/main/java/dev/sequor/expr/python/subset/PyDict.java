package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code dict}: insertion-ordered, keys compared with Python's equality ({@link DictKeys}). The key a
 * snippet wrote is what iteration and repr show, even when an equal key of another type was written later
 * ({@code {1: 'a', True: 'b'}} is {@code {1: 'b'}}). Methods are in {@link DictMethods}.
 */
public final class PyDict implements PyObject {

    private final LinkedHashMap<Object, Object> map;
    /** The written key, for the few keys whose stored key differs (True stored as 1, 1.0 as 1...). */
    private HashMap<Object, Object> writtenKeys;

    public PyDict() {
        this.map = new LinkedHashMap<>();
    }

    public PyDict(int capacity) {
        this.map = new LinkedHashMap<>(Math.max(4, capacity * 4 / 3 + 1));
    }

    public int size() {
        return map.size();
    }

    /** The value, or {@code missing} when the key is absent. */
    public Object get(Object key, Object missing) {
        Object stored = DictKeys.of(key);
        Object v = map.get(stored);
        return v != null || map.containsKey(stored) ? v : missing;
    }

    /** {@code d[key]}: KeyError when absent. */
    public Object getItem(Object key) {
        Object stored = DictKeys.of(key);
        Object v = map.get(stored);
        if (v == null && !map.containsKey(stored)) {
            throw PyExc.keyError(key);
        }
        return v;
    }

    public boolean containsKey(Object key) {
        return map.containsKey(DictKeys.of(key));
    }

    public void put(Object key, Object value) {
        Object stored = DictKeys.of(key);
        if (stored != key && !map.containsKey(stored) && !(key instanceof PyTuple)) {
            if (writtenKeys == null) {
                writtenKeys = new HashMap<>();
            }
            writtenKeys.put(stored, key);
        }
        map.put(stored, value);
    }

    /** Removes the key; KeyError when absent. Returns the value. */
    public Object remove(Object key) {
        Object stored = DictKeys.of(key);
        if (!map.containsKey(stored)) {
            throw PyExc.keyError(key);
        }
        if (writtenKeys != null) {
            writtenKeys.remove(stored);
        }
        return map.remove(stored);
    }

    public void clear() {
        map.clear();
        writtenKeys = null;
    }

    /** The keys as written, in order. */
    public List<Object> keys() {
        List<Object> out = new ArrayList<>(map.size());
        for (Object stored : map.keySet()) {
            out.add(written(stored));
        }
        return out;
    }

    public List<Object> values() {
        return new ArrayList<>(map.values());
    }

    /** (written key, value) pairs in order; a snapshot, so the dict may change while they are used. */
    public List<Map.Entry<Object, Object>> entries() {
        List<Map.Entry<Object, Object>> out = new ArrayList<>(map.size());
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(written(e.getKey()), e.getValue()));
        }
        return out;
    }

    /** The last inserted pair, removed (dict.popitem). */
    public Map.Entry<Object, Object> popLast() {
        if (map.isEmpty()) {
            throw PyExc.keyError("popitem(): dictionary is empty");
        }
        Map.Entry<Object, Object> last = map.lastEntry();
        Object key = written(last.getKey());
        remove(key);
        return new java.util.AbstractMap.SimpleImmutableEntry<>(key, last.getValue());
    }

    /** A live view of stored keys, for size-change detection during iteration. */
    Map<Object, Object> storage() {
        return map;
    }

    Object written(Object stored) {
        if (writtenKeys != null) {
            Object w = writtenKeys.get(stored);
            if (w != null) {
                return w;
            }
        }
        return stored;
    }

    public PyDict copy() {
        PyDict out = new PyDict(map.size());
        out.map.putAll(map);
        if (writtenKeys != null) {
            out.writtenKeys = new HashMap<>(writtenKeys);
        }
        return out;
    }

    @Override
    public String typeName() {
        return "dict";
    }

    @Override
    public Object getAttr(String name) {
        return DictMethods.has(name) ? new BoundMethod(this, name) : null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyDict other) || other.map.size() != map.size()) {
            return false;
        }
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            Object v = other.map.get(e.getKey());
            if (v == null && !other.map.containsKey(e.getKey()) || !Py.eq(e.getValue(), v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        throw PyExc.typeError("unhashable type: 'dict'");
    }

    @Override
    public String toString() {
        return Py.repr(this);
    }
}
