package dev.sequor.expr.python.subset;

import java.util.Arrays;

/**
 * A named tuple the modules return ({@code ParseResult}, {@code IsoCalendarDate}, {@code DecimalTuple}): indexable,
 * iterable and unpackable like a tuple, equal to the tuple of its values, with its fields as attributes and
 * {@code ParseResult(scheme='https', ...)} as repr.
 */
class PyNamedTuple implements PyObject, Repr.HasRepr, Items.Subscriptable, Items.PyIterable, Items.Container, Py.Sized {

    private final String typeName;
    private final String reprName;
    private final String[] fields;
    final Object[] values;

    PyNamedTuple(String typeName, String reprName, String[] fields, Object[] values) {
        this.typeName = typeName;
        this.reprName = reprName;
        this.fields = fields;
        this.values = values;
    }

    /** The value of a field by name. */
    Object field(String name) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(name)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException(name);
    }

    String[] fields() {
        return fields.clone();
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Object getAttr(String name) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(name)) {
                return values[i] == null ? Attrs.NONE : values[i];
            }
        }
        return switch (name) {
            case "count", "index" -> BuiltinFunction.function(name, (args, kwargs) ->
                    Attrs.callMethod(new PyTuple(values), name, args, kwargs));
            case "_fields" -> new PyTuple(fields.clone());
            case "_asdict" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.positional("_asdict", args, kwargs, 0, 0);
                PyDict d = new PyDict();
                for (int i = 0; i < fields.length; i++) {
                    d.put(fields[i], values[i]);
                }
                return d;
            });
            default -> null;
        };
    }

    @Override
    public Object getItem(Object index) {
        return Items.getItem(new PyTuple(values), index);
    }

    @Override
    public Iterable<Object> iterable() {
        return Arrays.asList(values);
    }

    @Override
    public boolean contains(Object item) {
        return Items.contains(new PyTuple(values), item);
    }

    @Override
    public int len() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof PyNamedTuple t) {
            return new PyTuple(values).equals(new PyTuple(t.values));
        }
        return o instanceof PyTuple t && new PyTuple(values).equals(t);
    }

    @Override
    public int hashCode() {
        return new PyTuple(values).hashCode();
    }

    @Override
    public String repr() {
        StringBuilder sb = new StringBuilder(reprName).append('(');
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(fields[i]).append('=').append(Py.repr(values[i]));
        }
        return sb.append(')').toString();
    }
}
