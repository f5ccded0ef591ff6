package dev.sequor.expr.python.subset;

import dev.sequor.expr.python.syntax.Node.BinOperator;
import java.util.List;
import java.util.Set;

/**
 * The methods of {@code set} and its operators {@code | & ^} ({@code -} is in {@link Arith}). GraalPy's sets keep
 * insertion order, like {@link PySet}, so results are built in the order GraalPy builds them: {@code pop()} takes
 * the last item, a symmetric difference lists the other side's new items first, {@code a & b} iterates the smaller
 * set. The methods take any iterables; the operators only sets.
 */
final class SetMethods {

    private static final Set<String> NAMES = Set.of("add", "clear", "copy", "discard", "pop", "remove", "union",
            "intersection", "difference", "symmetric_difference", "issubset", "issuperset", "isdisjoint", "update",
            "intersection_update", "difference_update", "symmetric_difference_update");

    private SetMethods() {
    }

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    static Object call(PySet self, String name, Object[] args, Kwargs kwargs) {
        switch (name) {
            case "add" -> self.add(one("set.add", args, kwargs));
            case "discard" -> self.discard(one("set.discard", args, kwargs));
            case "remove" -> {
                Object x = one("set.remove", args, kwargs);
                if (!self.discard(x)) {
                    throw PyExc.keyError(x);
                }
            }
            case "pop" -> {
                none("set.pop", args, kwargs);
                List<Object> items = self.items();
                if (items.isEmpty()) {
                    throw PyExc.keyError("pop from an empty set");
                }
                Object last = items.get(items.size() - 1);
                self.discard(last);
                return last;
            }
            case "clear" -> {
                none("set.clear", args, kwargs);
                self.clear();
            }
            case "copy" -> {
                none("set.copy", args, kwargs);
                return self.copy();
            }
            case "union" -> {
                noKeywords("set.union", kwargs);
                PySet out = self.copy();
                for (Object other : args) {
                    Items.iterate(other).forEach(out::add);
                }
                return out;
            }
            case "update" -> {
                noKeywords("set.update", kwargs);
                for (Object other : args) {
                    Items.iterate(other).forEach(self::add);
                }
            }
            case "intersection" -> {
                noKeywords("set.intersection", kwargs);
                PySet out = self.copy();
                for (Object other : args) {
                    out = keep(out, toSet(other), true);
                }
                return out;
            }
            case "intersection_update" -> {
                noKeywords("set.intersection_update", kwargs);
                PySet out = self.copy();
                for (Object other : args) {
                    out = keep(out, toSet(other), true);
                }
                replace(self, out);
            }
            case "difference" -> {
                noKeywords("set.difference", kwargs);
                PySet out = self.copy();
                for (Object other : args) {
                    out = keep(out, toSet(other), false);
                }
                return out;
            }
            case "difference_update" -> {
                noKeywords("set.difference_update", kwargs);
                for (Object other : args) {
                    for (Object x : Items.iterate(other)) {
                        self.discard(x);
                    }
                }
            }
            case "symmetric_difference" -> {
                return symmetricDifference(self, toSet(one("set.symmetric_difference", args, kwargs)));
            }
            case "symmetric_difference_update" -> {
                PySet other = toSet(one("set.symmetric_difference_update", args, kwargs));
                for (Object x : other.items()) {
                    if (!self.discard(x)) {
                        self.add(x);
                    }
                }
            }
            case "issubset" -> {
                return isSubset(self, toSet(one("set.issubset", args, kwargs)));
            }
            case "issuperset" -> {
                return isSubset(toSet(one("set.issuperset", args, kwargs)), self);
            }
            case "isdisjoint" -> {
                Object other = one("set.isdisjoint", args, kwargs);
                for (Object x : Items.iterate(other)) {
                    if (self.contains(x)) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return Attrs.NO_METHOD;
            }
        }
        return null;
    }

    /** {@code a | b}, {@code a & b}, {@code a ^ b} on two sets. */
    static Object operator(BinOperator op, PySet a, PySet b) {
        return switch (op) {
            case BITOR -> {
                PySet out = a.copy();
                b.items().forEach(out::add);
                yield out;
            }
            case BITAND -> b.size() > a.size() ? keep(a, b, true) : keep(b, a, true);
            case BITXOR -> symmetricDifference(a, b);
            case SUB -> keep(a, b, false);
            default -> throw PyExc.unsupported(op.symbol, a, b);
        };
    }

    /** The items of {@code from}, in its order, that are (or, with {@code inOther} false, are not) in {@code other}. */
    private static PySet keep(PySet from, PySet other, boolean inOther) {
        PySet out = new PySet();
        for (Object x : from.items()) {
            if (other.contains(x) == inOther) {
                out.add(x);
            }
        }
        return out;
    }

    private static PySet symmetricDifference(PySet a, PySet b) {
        PySet out = keep(b, a, false);
        keep(a, b, false).items().forEach(out::add);
        return out;
    }

    private static boolean isSubset(PySet a, PySet b) {
        if (a.size() > b.size()) {
            return false;
        }
        for (Object x : a.items()) {
            if (!b.contains(x)) {
                return false;
            }
        }
        return true;
    }

    private static void replace(PySet target, PySet values) {
        target.clear();
        values.items().forEach(target::add);
    }

    private static PySet toSet(Object v) {
        if (v instanceof PySet s) {
            return s;
        }
        PySet out = new PySet();
        Items.iterate(v).forEach(out::add);
        return out;
    }

    private static Object one(String name, Object[] args, Kwargs kwargs) {
        return Arity.unnamed(name, 1, 1).constructor().bind(args, kwargs)[0];
    }

    private static void none(String name, Object[] args, Kwargs kwargs) {
        Arity.unnamed(name, 0, 0).constructor().bind(args, kwargs);
    }

    private static void noKeywords(String name, Kwargs kwargs) {
        if (kwargs != null && !kwargs.isEmpty()) {
            throw PyExc.typeError(name + "() got an unexpected keyword argument '" + kwargs.keySet().iterator().next() + "'");
        }
    }
}
