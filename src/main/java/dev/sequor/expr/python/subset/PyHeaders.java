package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code response.headers()}: a read-only mapping with case-insensitive names, like requests'
 * CaseInsensitiveDict and the prelude's Headers on GraalPy. Repeated headers are joined with ", " as requests does.
 */
final class PyHeaders implements PyObject, Items.Subscriptable, Items.Container, Items.PyIterable, Py.Sized,
        ExprCompiler.Mapping, Repr.HasRepr {

    /** lower-case name -> (name as sent, value). */
    private final LinkedHashMap<String, String[]> items = new LinkedHashMap<>();

    PyHeaders(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            items.put(h.getKey().toLowerCase(Locale.ROOT), new String[] {h.getKey(), String.join(", ", h.getValue())});
        }
    }

    @Override
    public Object getItem(Object key) {
        String[] entry = key instanceof String s ? items.get(s.toLowerCase(Locale.ROOT)) : null;
        if (entry == null) {
            if (!(key instanceof String)) {
                throw new PyExc(PyExcType.ATTRIBUTE_ERROR, "'" + Py.typeName(key) + "' object has no attribute 'lower'");
            }
            throw PyExc.keyError(((String) key).toLowerCase(Locale.ROOT));
        }
        return entry[1];
    }

    @Override
    public boolean contains(Object item) {
        return item instanceof String s && items.containsKey(s.toLowerCase(Locale.ROOT));
    }

    @Override
    public Iterable<Object> iterable() {
        return mappingKeys();
    }

    @Override
    public int len() {
        return items.size();
    }

    @Override
    public List<Object> mappingKeys() {
        List<Object> out = new ArrayList<>(items.size());
        items.values().forEach(e -> out.add(e[0]));
        return out;
    }

    private PyDict asDict() {
        PyDict d = new PyDict(items.size());
        items.values().forEach(e -> d.put(e[0], e[1]));
        return d;
    }

    @Override
    public String typeName() {
        return "Headers";
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "get" -> (PyCallable) (args, kw) -> {
                Args.positional("get", args, kw, 1, 2);
                String[] entry = args[0] instanceof String s ? items.get(s.toLowerCase(Locale.ROOT)) : null;
                return entry == null ? Args.opt(args, 1, null) : entry[1];
            };
            case "keys" -> (PyCallable) (args, kw) -> new PyList(mappingKeys());
            case "values" -> (PyCallable) (args, kw) -> {
                PyList out = new PyList(items.size());
                items.values().forEach(e -> out.add(e[1]));
                return out;
            };
            case "items" -> (PyCallable) (args, kw) -> {
                PyList out = new PyList(items.size());
                items.values().forEach(e -> out.add(PyTuple.of(e[0], e[1])));
                return out;
            };
            default -> null;
        };
    }

    @Override
    public String repr() {
        return Py.repr(asDict());
    }
}
