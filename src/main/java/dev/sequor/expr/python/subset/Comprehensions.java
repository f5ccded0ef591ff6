package dev.sequor.expr.python.subset;

import dev.sequor.expr.python.syntax.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * List, set, dict and generator comprehensions. Each has its own scope (its loop variables do not leak), reads
 * the enclosing function's variables, and evaluates its first iterable in the enclosing scope, as Python does.
 */
final class Comprehensions {

    private Comprehensions() {
    }

    /** Receives each produced element (or key and value). */
    @FunctionalInterface
    private interface Sink {
        void accept(Frame f);
    }

    private record Clause(Targets.Store target, Code iter, Code[] ifs) {
    }

    private record Compiled(Code firstIter, Clause[] clauses, Scope scope) {
    }

    static Code compile(Compiler c, Node.Comp comp) {
        String kind = switch (comp.kind()) {
            case LIST -> "<listcomp>";
            case SET -> "<setcomp>";
            case GENERATOR -> "<genexpr>";
        };
        Code[] elt = new Code[1];
        Compiled compiled = clauses(c, comp.generators(), kind, () -> elt[0] = c.exprs.expr(comp.elt()));
        Code element = elt[0];
        return switch (comp.kind()) {
            case LIST -> f -> {
                PyList out = new PyList();
                run(compiled, f, cf -> out.items.add(element.eval(cf)));
                return out;
            };
            case SET -> f -> {
                PySet out = new PySet();
                run(compiled, f, cf -> out.add(element.eval(cf)));
                return out;
            };
            case GENERATOR -> f -> {
                List<Object> out = new ArrayList<>();
                try {
                    run(compiled, f, cf -> out.add(element.eval(cf)));
                } catch (PyExc deferred) {
                    // Python would raise it only when the consumer reaches this element
                    return new PyGenerator(out, deferred);
                }
                return new PyGenerator(out, null);
            };
        };
    }

    static Code compile(Compiler c, Node.DictComp comp) {
        Code[] kv = new Code[2];
        Compiled compiled = clauses(c, comp.generators(), "<dictcomp>", () -> {
            kv[0] = c.exprs.expr(comp.key());
            kv[1] = c.exprs.expr(comp.value());
        });
        Code key = kv[0];
        Code value = kv[1];
        return f -> {
            PyDict out = new PyDict();
            run(compiled, f, cf -> {
                Object k = key.eval(cf);
                out.put(k, value.eval(cf));
            });
            return out;
        };
    }

    private static Compiled clauses(Compiler c, List<Node.Comprehension> generators, String kind, Runnable compileElement) {
        Code firstIter = c.exprs.expr(generators.get(0).iter());
        Scope outer = c.scope;
        Scope inner = new Scope(outer, outer.qualName + "." + kind);
        for (Node.Comprehension g : generators) {
            inner.declareTarget(g.target());
        }
        c.scope = inner;
        try {
            Clause[] clauses = new Clause[generators.size()];
            for (int i = 0; i < clauses.length; i++) {
                Node.Comprehension g = generators.get(i);
                Code iter = i == 0 ? null : c.exprs.expr(g.iter());
                Targets.Store target = Targets.store(c, g.target());
                Code[] ifs = g.ifs().stream().map(c.exprs::expr).toArray(Code[]::new);
                clauses[i] = new Clause(target, iter, ifs);
            }
            compileElement.run();
            return new Compiled(firstIter, clauses, inner);
        } finally {
            c.scope = outer;
        }
    }

    private static void run(Compiled compiled, Frame f, Sink sink) {
        Object first = compiled.firstIter.eval(f);
        Frame cf = new Frame(compiled.scope.size(), f);
        loop(compiled.clauses, 0, Items.iterate(first), cf, sink);
    }

    private static void loop(Clause[] clauses, int level, Iterable<Object> items, Frame cf, Sink sink) {
        Clause clause = clauses[level];
        outer:
        for (Object item : items) {
            Budget.tick(cf);
            clause.target.store(cf, item);
            for (Code cond : clause.ifs) {
                if (!Py.truthy(cond.eval(cf))) {
                    continue outer;
                }
            }
            if (level + 1 == clauses.length) {
                sink.accept(cf);
            } else {
                loop(clauses, level + 1, Items.iterate(clauses[level + 1].iter.eval(cf)), cf, sink);
            }
        }
    }
}
