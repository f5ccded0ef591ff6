package dev.sequor.expr.python.subset;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The methods of {@code dict}, with GraalPy's argument messages ({@code dict.get() missing 1 required positional
 * argument: 'a'}). {@code keys}, {@code values} and {@code items} return live {@link DictView}s. The classmethod
 * {@code dict.fromkeys} is a class method: {@link #fromKeys} answers both {@code dict.fromkeys} and
 * {@code d.fromkeys}.
 */
final class DictMethods {

    private static final Set<String> NAMES = Set.of("clear", "copy", "get", "items", "keys", "values", "pop",
            "popitem", "setdefault", "update", "fromkeys");
    private static final Arity FROMKEYS = Arity.unnamed("fromkeys", 1, 2).constructor();
    private static final Arity GET = Arity.unnamed("dict.get", 1, 2).constructor();
    private static final Arity POP = Arity.unnamed("dict.pop", 1, 2).constructor();
    private static final Arity SETDEFAULT = Arity.of("dict.setdefault", "key", "default").required(1).constructor();

    private DictMethods() {
    }

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    static Object call(PyDict self, String name, Object[] args, Kwargs kwargs) {
        switch (name) {
            case "get" -> {
                Object[] a = GET.bind(args, kwargs);
                return self.get(a[0], a[1] == Arity.MISSING ? null : a[1]);
            }
            case "keys" -> {
                noArgs("dict.keys", args, kwargs);
                return new DictView(self, DictView.Kind.KEYS);
            }
            case "values" -> {
                noArgs("dict.values", args, kwargs);
                return new DictView(self, DictView.Kind.VALUES);
            }
            case "items" -> {
                noArgs("dict.items", args, kwargs);
                return new DictView(self, DictView.Kind.ITEMS);
            }
            case "pop" -> {
                Object[] a = POP.bind(args, kwargs);
                if (a[1] != Arity.MISSING && !self.containsKey(a[0])) {
                    return a[1];
                }
                return self.remove(a[0]);
            }
            case "popitem" -> {
                noArgs("dict.popitem", args, kwargs);
                Map.Entry<Object, Object> e = self.popLast();
                return PyTuple.of(e.getKey(), e.getValue());
            }
            case "setdefault" -> {
                Object[] a = SETDEFAULT.bind(args, kwargs);
                Object missing = new Object();
                Object v = self.get(a[0], missing);
                if (v != missing) {
                    return v;
                }
                Object dflt = a[1] == Arity.MISSING ? null : a[1];
                self.put(a[0], dflt);
                return dflt;
            }
            case "update" -> {
                if (args.length > 1) {
                    throw PyExc.typeError("update expected at most 1 arguments, got " + args.length);
                }
                if (args.length == 1) {
                    update(self, args[0]);
                }
                if (kwargs != null) {
                    kwargs.forEach(self::put);
                }
                return null;
            }
            case "clear" -> {
                noArgs("dict.clear", args, kwargs);
                self.clear();
                return null;
            }
            case "copy" -> {
                noArgs("dict.copy", args, kwargs);
                return self.copy();
            }
            case "fromkeys" -> {
                return fromKeys(args, kwargs);
            }
            default -> {
                return Attrs.NO_METHOD;
            }
        }
    }

    /** {@code dict.fromkeys(iterable, value=None)}: every key mapped to the same value. */
    static PyDict fromKeys(Object[] args, Kwargs kwargs) {
        Object[] a = FROMKEYS.bind(args, kwargs);
        Object value = a[1] == Arity.MISSING ? null : a[1];
        PyDict out = new PyDict();
        for (Object key : Items.iterate(a[0])) {
            out.put(key, value);
        }
        return out;
    }

    private static void noArgs(String name, Object[] args, Kwargs kwargs) {
        Arity.unnamed(name, 0, 0).constructor().bind(args, kwargs);
    }

    /**
     * {@code d.update(source)} and {@code dict(source)}: a mapping (a dict, or an object with {@code keys()} such as
     * Sequor's Row) or an iterable of key/value pairs, with Python's errors for a malformed pair.
     */
    static void update(PyDict target, Object source) {
        if (source instanceof PyDict d) {
            for (Map.Entry<Object, Object> e : d.entries()) {
                target.put(e.getKey(), e.getValue());
            }
            return;
        }
        if (source instanceof PyObject o && o.getAttr("keys") != null) {
            for (Object k : Items.iterate(Attrs.callMethod(source, "keys", Calls.NO_ARGS, null))) {
                target.put(k, Items.getItem(source, k));
            }
            return;
        }
        int i = 0;
        for (Object pair : Items.iterate(source)) {
            List<Object> kv;
            try {
                kv = Items.toList(pair);
            } catch (PyExc notIterable) {
                if (notIterable.type() != PyExcType.TYPE_ERROR) {
                    throw notIterable;
                }
                throw PyExc.typeError("cannot convert dictionary update sequence element #" + i + " to a sequence");
            }
            if (kv.size() != 2) {
                throw PyExc.valueError("dictionary update sequence element #" + i + " has length " + kv.size()
                        + "; 2 is required");
            }
            target.put(kv.get(0), kv.get(1));
            i++;
        }
    }
}
