package dev.sequor.expr.python.subset;

import dev.sequor.expr.python.syntax.Node;
import dev.sequor.expr.python.syntax.Node.Expr;
import dev.sequor.expr.python.syntax.OutsideSubset;
import java.util.ArrayList;
import java.util.List;

/** Compiled assignment and deletion targets: names, subscripts, and (nested) tuple unpacking with one starred name. */
final class Targets {

    private Targets() {
    }

    @FunctionalInterface
    interface Store {
        void store(Frame f, Object value);
    }

    @FunctionalInterface
    interface Delete {
        void delete(Frame f);
    }

    static Store store(Compiler c, Expr target) {
        return switch (target) {
            case Node.Name n -> nameStore(c, n);
            case Node.Subscript s -> {
                Code obj = c.exprs.expr(s.value());
                Code index = c.exprs.expr(s.index());
                yield (f, v) -> Items.setItem(obj.eval(f), index.eval(f), v);
            }
            case Node.TupleExpr t -> unpack(c, t.elts(), t.line());
            case Node.ListExpr l -> unpack(c, l.elts(), l.line());
            case Node.Attribute a -> throw new OutsideSubset(a.line(), "assigning to attributes");
            default -> throw new OutsideSubset(target.line(), "this assignment target");
        };
    }

    private static Store nameStore(Compiler c, Node.Name n) {
        int slot = c.scope.slot(n.id());
        if (slot < 0) {
            slot = c.scope.declare(n.id()); // e.g. a comprehension target
        }
        int s = slot;
        return (f, v) -> f.locals[s] = v;
    }

    private static Store unpack(Compiler c, List<Expr> elts, int line) {
        int starAt = -1;
        List<Store> stores = new ArrayList<>();
        for (int i = 0; i < elts.size(); i++) {
            Expr e = elts.get(i);
            if (e instanceof Node.Starred st) {
                starAt = i;
                stores.add(store(c, st.value()));
            } else {
                stores.add(store(c, e));
            }
        }
        int star = starAt;
        int n = elts.size();
        return (f, v) -> {
            if (!Items.isIterable(v)) {
                throw PyExc.typeError("cannot unpack non-iterable " + Py.typeName(v) + " object");
            }
            List<Object> values = Items.toList(v);
            if (star < 0) {
                if (values.size() != n) {
                    throw values.size() > n
                            ? PyExc.valueError("too many values to unpack (expected " + n + ")")
                            : PyExc.valueError("not enough values to unpack (expected " + n + ", got " + values.size() + ")");
                }
                for (int i = 0; i < n; i++) {
                    stores.get(i).store(f, values.get(i));
                }
                return;
            }
            int after = n - star - 1;
            if (values.size() < n - 1) {
                throw PyExc.valueError("not enough values to unpack (expected at least " + (n - 1) + ", got "
                        + values.size() + ")");
            }
            for (int i = 0; i < star; i++) {
                stores.get(i).store(f, values.get(i));
            }
            stores.get(star).store(f, new PyList(values.subList(star, values.size() - after)));
            for (int i = 0; i < after; i++) {
                stores.get(star + 1 + i).store(f, values.get(values.size() - after + i));
            }
        };
    }

    static Delete delete(Compiler c, Expr target) {
        return switch (target) {
            case Node.Name n -> {
                int slot = c.scope.slot(n.id());
                String name = n.id();
                yield f -> {
                    if (f.locals[slot] == Frame.UNBOUND) {
                        throw new PyExc(PyExcType.UNBOUND_LOCAL_ERROR,
                                "cannot access local variable '" + name + "' where it is not associated with a value");
                    }
                    f.locals[slot] = Frame.UNBOUND;
                };
            }
            case Node.Subscript s -> {
                Code obj = c.exprs.expr(s.value());
                Code index = c.exprs.expr(s.index());
                yield f -> Items.delItem(obj.eval(f), index.eval(f));
            }
            case Node.TupleExpr t -> all(c, t.elts());
            case Node.ListExpr l -> all(c, l.elts());
            default -> throw new OutsideSubset(target.line(), "this del target");
        };
    }

    private static Delete all(Compiler c, List<Expr> targets) {
        List<Delete> deletes = new ArrayList<>();
        for (Expr t : targets) {
            deletes.add(delete(c, t));
        }
        return f -> deletes.forEach(d -> d.delete(f));
    }
}
