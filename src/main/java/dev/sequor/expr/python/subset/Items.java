package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Python's container protocol: {@code len}, {@code in}, iteration, {@code x[i]} (slices too), item assignment and del. */
public final class Items {

    private Items() {
    }

    public static int len(Object v) {
        if (v instanceof String s) {
            return Strs.len(s);
        }
        if (v instanceof PyList l) {
            return l.items.size();
        }
        if (v instanceof PyDict d) {
            return d.size();
        }
        if (v instanceof PyTuple t) {
            return t.items.length;
        }
        if (v instanceof PySet s) {
            return s.size();
        }
        if (v instanceof PyBytes b) {
            return b.bytes.length;
        }
        if (v instanceof Py.Sized s) {
            return s.len();
        }
        throw PyExc.typeError("object of type '" + Py.typeName(v) + "' has no len()");
    }

    /** {@code item in container}. */
    public static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            if (!(item instanceof String sub)) {
                throw PyExc.typeError("'in <string>' requires string as left operand, not " + Py.typeName(item));
            }
            return s.contains(sub);
        }
        if (container instanceof PyDict d) {
            return d.containsKey(item);
        }
        if (container instanceof PySet s) {
            return s.contains(item);
        }
        if (container instanceof PyList l) {
            return containsEq(l.items, item);
        }
        if (container instanceof PyTuple t) {
            return containsEq(t.asList(), item);
        }
        if (container instanceof Container c) {
            return c.contains(item);
        }
        if (container instanceof PyBytes b) {
            return BytesMethods.contains(b, item);
        }
        if (container instanceof Iterable<?> || container instanceof PyIterable) {
            for (Object x : iterate(container)) {
                if (Py.eq(x, item)) {
                    return true;
                }
            }
            return false;
        }
        throw PyExc.typeError("argument of type '" + Py.typeName(container) + "' is not iterable");
    }

    private static boolean containsEq(List<Object> items, Object item) {
        for (Object x : items) {
            if (x == item || Py.eq(x, item)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The values {@code for x in v} sees. Lists are iterated live (appending while iterating extends the loop, as
     * in Python); dicts and sets over a snapshot of their keys.
     */
    public static Iterable<Object> iterate(Object v) {
        if (v instanceof PyList l) {
            return () -> new Iterator<>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < l.items.size();
                }

                @Override
                public Object next() {
                    return l.items.get(i++);
                }
            };
        }
        if (v instanceof PyTuple t) {
            return t.asList();
        }
        if (v instanceof PyDict d) {
            return d.keys();
        }
        if (v instanceof String s) {
            return Strs.chars(s);
        }
        if (v instanceof PySet s) {
            return s.items();
        }
        if (v instanceof PyIterable it) {
            return it.iterable();
        }
        if (v instanceof PyBytes b) {
            List<Object> out = new ArrayList<>(b.bytes.length);
            for (byte x : b.bytes) {
                out.add((long) (x & 0xFF));
            }
            return out;
        }
        throw PyExc.typeError("'" + Py.typeName(v) + "' object is not iterable");
    }

    /** True for values {@code for x in v} accepts. */
    static boolean isIterable(Object v) {
        return v instanceof PyList || v instanceof PyTuple || v instanceof String || v instanceof PyDict
                || v instanceof PySet || v instanceof PyIterable || v instanceof PyBytes;
    }

    /** {@code *v} in a display or a call: appends v's values, or Python's error when v is not iterable. */
    static void splice(java.util.List<Object> out, Object v) {
        if (!isIterable(v)) {
            throw PyExc.typeError("cannot unpack non-iterable " + Py.typeName(v) + " object");
        }
        for (Object x : iterate(v)) {
            out.add(x);
        }
    }

    /** All values of an iterable, as a new Java list. */
    public static List<Object> toList(Object v) {
        if (v instanceof PyList l) {
            return new ArrayList<>(l.items);
        }
        if (v instanceof PyTuple t) {
            return new ArrayList<>(t.asList());
        }
        List<Object> out = new ArrayList<>();
        for (Object x : iterate(v)) {
            out.add(x);
        }
        return out;
    }

    /** {@code v[index]}. */
    public static Object getItem(Object v, Object index) {
        if (v instanceof PyDict d) {
            return d.getItem(index);
        }
        if (v instanceof PyList l) {
            if (index instanceof PySlice s) {
                return new PyList(slice(l.items, s));
            }
            return l.items.get(position(index, l.items.size(), "list"));
        }
        if (v instanceof String s) {
            if (index instanceof PySlice sl) {
                return sliceString(s, sl);
            }
            return Strs.charAt(s, position(index, Strs.len(s), "string"));
        }
        if (v instanceof PyTuple t) {
            if (index instanceof PySlice s) {
                return new PyTuple(slice(t.asList(), s).toArray());
            }
            return t.items[position(index, t.items.length, "tuple")];
        }
        if (v instanceof PyBytes b) {
            if (index instanceof PySlice s) {
                List<Object> values = slice(toList(b), s);
                byte[] out = new byte[values.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (byte) (long) (Long) values.get(i);
                }
                return new PyBytes(out);
            }
            return (long) (b.bytes[position(index, b.bytes.length, "index")] & 0xFF);
        }
        if (v instanceof Subscriptable s) {
            return s.getItem(index);
        }
        if (v instanceof PyType t) {
            throw PyExc.typeError("type '" + t.name() + "' is not subscriptable");
        }
        throw PyExc.typeError("'" + Py.typeName(v) + "' object is not subscriptable");
    }

    /** {@code v[index] = value}. */
    public static void setItem(Object v, Object index, Object value) {
        if (v instanceof PyDict d) {
            d.put(index, value);
        } else if (v instanceof PyList l) {
            if (index instanceof PySlice s) {
                ListMethods.assignSlice(l, s, value);
            } else {
                l.items.set(position(index, l.items.size(), "list assignment"), value);
            }
        } else if (v instanceof Subscriptable s) {
            s.setItem(index, value);
        } else {
            throw PyExc.typeError("'" + Py.typeName(v) + "' object does not support item assignment");
        }
    }

    /** {@code del v[index]}. */
    public static void delItem(Object v, Object index) {
        if (v instanceof PyDict d) {
            d.remove(index);
        } else if (v instanceof PyList l) {
            if (index instanceof PySlice s) {
                int[] ix = s.indices(l.items.size());
                List<Integer> positions = new ArrayList<>();
                for (int k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
                    positions.add(i);
                }
                positions.sort(java.util.Comparator.reverseOrder());
                for (int i : positions) {
                    l.items.remove(i);
                }
            } else {
                l.items.remove(position(index, l.items.size(), "list assignment"));
            }
        } else {
            throw PyExc.typeError("'" + Py.typeName(v) + "' object doesn't support item deletion");
        }
    }

    /** A normalised index into a sequence of {@code size}, or Python's IndexError/TypeError. */
    static int position(Object index, int size, String what) {
        Object i = Ints.of(index);
        if (!(i instanceof Long) && !(i instanceof java.math.BigInteger)) {
            String kind = switch (what) {
                case "list", "list assignment" -> "list";
                case "string" -> "string";
                case "tuple" -> "tuple";
                default -> "byte";
            };
            if (kind.equals("string")) { // GraalPy's wording for str differs from the other sequences'
                throw PyExc.typeError("string indices must be integers, not '" + Py.typeName(index) + "'");
            }
            throw PyExc.typeError(kind + " indices must be integers or slices, not " + Py.typeName(index));
        }
        long n = i instanceof Long l ? l : (((java.math.BigInteger) i).signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
        if (n < 0) {
            n += size;
        }
        if (n < 0 || n >= size) {
            throw PyExc.indexError(what + " index out of range");
        }
        return (int) n;
    }

    static List<Object> slice(List<Object> items, PySlice s) {
        int[] ix = s.indices(items.size());
        if (ix[2] == 1) {
            return new ArrayList<>(ix[3] == 0 ? List.of() : items.subList(ix[0], ix[0] + ix[3]));
        }
        List<Object> out = new ArrayList<>(ix[3]);
        for (int k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
            out.add(items.get(i));
        }
        return out;
    }

    private static String sliceString(String s, PySlice sl) {
        int[] ix = sl.indices(Strs.len(s));
        if (ix[2] == 1) {
            return Strs.substring(s, ix[0], ix[0] + ix[3]);
        }
        List<Object> chars = Strs.chars(s);
        StringBuilder sb = new StringBuilder(ix[3]);
        for (int k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
            sb.append((String) chars.get(i));
        }
        return sb.toString();
    }

    /** Objects of Sequor's with {@code x[key]} (Row, Headers). */
    public interface Subscriptable {
        Object getItem(Object key);

        default void setItem(Object key, Object value) {
            throw PyExc.typeError("'" + ((PyObject) this).typeName() + "' object does not support item assignment");
        }
    }

    /** Objects of Sequor's with {@code in}. */
    public interface Container {
        boolean contains(Object item);
    }

    /** Iterable objects that are not built-in containers: generators, ranges, dict views, Row, Headers. */
    public interface PyIterable {
        Iterable<Object> iterable();
    }

    static Map.Entry<Object, Object> pair(Object a, Object b) {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(a, b);
    }
}
