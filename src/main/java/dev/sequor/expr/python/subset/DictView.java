package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code d.keys()}, {@code d.values()}, {@code d.items()}: live views, as in Python (they see later changes of the
 * dict), with {@code len}, iteration (over a snapshot taken when the loop starts, as the evaluator iterates dicts),
 * {@code in}, {@code reversed} and repr {@code dict_keys(['a'])}. Keys and items views equal each other and sets
 * holding the same values; a values view equals only itself, as in Python. Keys and items views also have the set
 * operators, the set comparisons and {@code isdisjoint} (in {@link ViewSets}).
 */
final class DictView implements PyObject, Items.PyIterable, Items.Container, Py.Sized, Repr.HasRepr {

    enum Kind {
        KEYS("dict_keys", "dict_keyiterator"),
        VALUES("dict_values", "dict_valueiterator"),
        ITEMS("dict_items", "dict_itemiterator");

        final String typeName;
        final String reverseTypeName;

        Kind(String typeName, String reverseTypeName) {
            this.typeName = typeName;
            this.reverseTypeName = reverseTypeName;
        }
    }

    private final PyDict dict;
    private final Kind kind;

    DictView(PyDict dict, Kind kind) {
        this.dict = dict;
        this.kind = kind;
    }

    /** The view's values now, in the dict's order. */
    List<Object> values() {
        return switch (kind) {
            case KEYS -> dict.keys();
            case VALUES -> dict.values();
            case ITEMS -> {
                List<Object> out = new ArrayList<>(dict.size());
                for (Map.Entry<Object, Object> e : dict.entries()) {
                    out.add(PyTuple.of(e.getKey(), e.getValue()));
                }
                yield out;
            }
        };
    }

    List<Object> reversedValues() {
        List<Object> out = values();
        java.util.Collections.reverse(out);
        return out;
    }

    String reverseTypeName() {
        return kind.reverseTypeName;
    }

    @Override
    public Iterable<Object> iterable() {
        return () -> values().iterator();
    }

    @Override
    public int len() {
        return dict.size();
    }

    @Override
    public boolean contains(Object item) {
        return switch (kind) {
            case KEYS -> dict.containsKey(item);
            case VALUES -> {
                for (Object v : dict.values()) {
                    if (v == item || Py.eq(v, item)) {
                        yield true;
                    }
                }
                yield false;
            }
            case ITEMS -> {
                if (!(item instanceof PyTuple t) || t.items.length != 2) {
                    yield false;
                }
                Object missing = new Object();
                Object v = dict.get(t.items[0], missing);
                yield v != missing && (v == t.items[1] || Py.eq(v, t.items[1]));
            }
        };
    }

    @Override
    public String typeName() {
        return kind.typeName;
    }

    @Override
    public String repr() {
        return kind.typeName + "(" + Py.repr(new PyList(values())) + ")";
    }

    /** Keys and items views behave as sets; a values view does not. */
    boolean isSetLike() {
        return kind != Kind.VALUES;
    }

    @Override
    public Object getAttr(String name) {
        if (name.equals("isdisjoint") && isSetLike()) {
            return BuiltinFunction.method(this, name, (args, kw) -> ViewSets.isDisjoint(this,
                    Arity.unnamed(kind.typeName + ".isdisjoint", 1, 1).constructor().bind(args, kw)[0]));
        }
        return null;
    }

    /** Python's {@code ==}: a values view equals only itself; a keys or items view, a set or view with its items. */
    @Override
    public boolean equals(Object o) {
        if (kind == Kind.VALUES) {
            return o == this;
        }
        Boolean equal = ViewSets.compare("==", this, o);
        return equal != null && equal;
    }

    @Override
    public int hashCode() {
        throw PyExc.typeError("unhashable type: '" + kind.typeName + "'");
    }
}
