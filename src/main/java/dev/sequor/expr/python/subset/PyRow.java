package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database record as snippets see it (for_each rows, query results), with upstream's Row API: {@code row['col']},
 * {@code row[0]}, {@code row.get('col', default)} (the default replaces NULL only), {@code to_dict()}, {@code keys()},
 * {@code values()}, {@code items()}, {@code len}, {@code in}, iteration over column names, and assignment to an
 * existing column. A missing column is Sequor's error {@code Column 'x' does not exist}, as upstream.
 */
final class PyRow implements PyObject, Items.Subscriptable, Items.Container, Items.PyIterable, Py.Sized,
        ExprCompiler.Mapping, Repr.HasRepr {

    private final List<String> columns;
    private final Object[] values;
    private final Map<String, Integer> index;

    PyRow(List<String> columns, Object[] values) {
        this.columns = columns;
        this.values = values;
        this.index = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.putIfAbsent(columns.get(i), i); // like the prelude's dict comprehension, the last duplicate wins
            index.put(columns.get(i), i);
        }
    }

    private int position(Object column) {
        Integer i = column instanceof String s ? index.get(s) : null;
        if (i == null) {
            throw new PyExc(PyExcType.SEQUOR_ERROR, "Column '" + Py.str(column) + "' does not exist");
        }
        return i;
    }

    @Override
    public Object getItem(Object key) {
        if (key instanceof Long) {
            // the prelude indexes its value list: negative positions count from the end, like a list
            return values[Items.position(key, values.length, "list")];
        }
        return values[position(key)];
    }

    @Override
    public void setItem(Object key, Object value) {
        int i = key instanceof Long ? Items.position(key, values.length, "list assignment") : position(key);
        values[i] = value;
    }

    @Override
    public boolean contains(Object item) {
        return item instanceof String s && index.containsKey(s);
    }

    @Override
    public Iterable<Object> iterable() {
        return new ArrayList<>(columns);
    }

    @Override
    public int len() {
        return columns.size();
    }

    @Override
    public List<Object> mappingKeys() {
        return new ArrayList<>(columns);
    }

    PyDict toDict() {
        PyDict d = new PyDict(values.length);
        for (int i = 0; i < values.length; i++) {
            d.put(columns.get(i), values[i]);
        }
        return d;
    }

    @Override
    public String typeName() {
        return "Row";
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "get" -> (PyCallable) (args, kw) -> {
                Args.positional("get", args, kw, 1, 2);
                Object v = values[position(args[0])];
                return v == null ? Args.opt(args, 1, null) : v;
            };
            case "to_dict" -> method(this::toDict);
            case "keys" -> method(() -> new PyList(new ArrayList<>(columns)));
            case "values" -> method(() -> new PyList(java.util.Arrays.asList(values.clone())));
            case "items" -> method(() -> {
                PyList out = new PyList(values.length);
                for (int i = 0; i < values.length; i++) {
                    out.add(PyTuple.of(columns.get(i), values[i]));
                }
                return out;
            });
            default -> null;
        };
    }

    private static PyCallable method(java.util.function.Supplier<Object> body) {
        return (args, kw) -> {
            Args.positional("method", args, kw, 0, 0);
            return body.get();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyRow other && columns.equals(other.columns) && Py.eq(toDict(), other.toDict());
    }

    @Override
    public int hashCode() {
        throw PyExc.typeError("unhashable type: 'Row'");
    }

    @Override
    public String repr() {
        return "Row(" + Py.repr(toDict()) + ")";
    }
}
