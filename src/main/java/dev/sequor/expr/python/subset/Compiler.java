package dev.sequor.expr.python.subset;

import dev.sequor.expr.python.syntax.Node;
import dev.sequor.expr.python.syntax.Node.Expr;
import dev.sequor.expr.python.syntax.Node.Stmt;
import dev.sequor.expr.python.syntax.OutsideSubset;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a snippet's statements into a tree of Java closures ({@link Exec}), once per snippet. Names are
 * resolved here, as CPython's compiler does: locals to frame slots, enclosing variables to (hops, slot), the rest to
 * builtins. Expressions are compiled by {@link ExprCompiler}. A construct the evaluator cannot run exactly as Python
 * would (an import of a module it does not have, a builtin it does not implement) throws {@link OutsideSubset} so
 * the snippet goes to GraalPy instead.
 */
final class Compiler {

    Scope scope;
    private int loopDepth;
    final ExprCompiler exprs;
    /** Local names bound by {@code import}, to check {@code module.attr} reads at compile time. */
    final java.util.Map<String, PyModule> importedModules = new java.util.HashMap<>();

    Compiler(Scope scope) {
        this.scope = scope;
        this.exprs = new ExprCompiler(this);
    }

    Exec block(List<Stmt> body) {
        Exec[] stmts = new Exec[body.size()];
        for (int i = 0; i < stmts.length; i++) {
            stmts[i] = stmt(body.get(i));
        }
        if (stmts.length == 1) {
            return stmts[0];
        }
        return f -> {
            for (Exec s : stmts) {
                int r = s.exec(f);
                if (r != Exec.NORMAL) {
                    return r;
                }
            }
            return Exec.NORMAL;
        };
    }

    private Exec stmt(Stmt s) {
        return switch (s) {
            case Node.ExprStmt e -> {
                Code c = exprs.expr(e.value());
                yield f -> {
                    c.eval(f);
                    return Exec.NORMAL;
                };
            }
            case Node.Assign a -> assign(a);
            case Node.AugAssign a -> augAssign(a);
            case Node.If i -> ifStmt(i);
            case Node.For fo -> forStmt(fo);
            case Node.While w -> whileStmt(w);
            case Node.Break b -> f -> Exec.BREAK;
            case Node.Continue c -> f -> Exec.CONTINUE;
            case Node.Pass p -> f -> Exec.NORMAL;
            case Node.Return r -> {
                Code v = r.value() == null ? f -> null : exprs.expr(r.value());
                yield f -> {
                    f.returnValue = v.eval(f);
                    return Exec.RETURN;
                };
            }
            case Node.Raise r -> raise(r);
            case Node.Delete d -> delete(d);
            case Node.Assert a -> assertStmt(a);
            case Node.Import im -> importStmt(im);
            case Node.ImportFrom im -> importFrom(im);
            case Node.FunctionDef fd -> functionDef(fd);
        };
    }

    private Exec assign(Node.Assign a) {
        Code value = exprs.expr(a.value());
        List<Targets.Store> stores = new ArrayList<>();
        for (Expr t : a.targets()) {
            stores.add(Targets.store(this, t));
        }
        if (stores.size() == 1) {
            Targets.Store store = stores.get(0);
            return f -> {
                store.store(f, value.eval(f));
                return Exec.NORMAL;
            };
        }
        return f -> {
            Object v = value.eval(f);
            for (Targets.Store store : stores) {
                store.store(f, v);
            }
            return Exec.NORMAL;
        };
    }

    private Exec augAssign(Node.AugAssign a) {
        Code value = exprs.expr(a.value());
        Node.BinOperator op = a.op();
        return switch (a.target()) {
            case Node.Name n -> {
                Code load = exprs.name(n);
                Targets.Store store = Targets.store(this, n);
                yield f -> {
                    store.store(f, Arith.inPlace(op, load.eval(f), value.eval(f)));
                    return Exec.NORMAL;
                };
            }
            case Node.Subscript sub -> {
                Code obj = exprs.expr(sub.value());
                Code index = exprs.expr(sub.index());
                yield f -> {
                    Object o = obj.eval(f);
                    Object i = index.eval(f);
                    Object result = Arith.inPlace(op, Items.getItem(o, i), value.eval(f));
                    Items.setItem(o, i, result);
                    return Exec.NORMAL;
                };
            }
            case Node.Attribute at -> throw new OutsideSubset(a.line(), "assigning to attributes");
            default -> throw new OutsideSubset(a.line(), "augmented assignment to this target");
        };
    }

    private Exec ifStmt(Node.If i) {
        Code test = exprs.expr(i.test());
        Exec body = block(i.body());
        Exec orElse = i.orElse().isEmpty() ? null : block(i.orElse());
        return f -> {
            if (Py.truthy(test.eval(f))) {
                return body.exec(f);
            }
            return orElse == null ? Exec.NORMAL : orElse.exec(f);
        };
    }

    private Exec forStmt(Node.For fo) {
        Code iter = exprs.expr(fo.iter());
        Targets.Store target = Targets.store(this, fo.target());
        loopDepth++;
        Exec body = block(fo.body());
        loopDepth--;
        Exec orElse = fo.orElse().isEmpty() ? null : block(fo.orElse());
        return f -> {
            for (Object item : Items.iterate(iter.eval(f))) {
                Budget.tick(f);
                target.store(f, item);
                int r = body.exec(f);
                if (r == Exec.BREAK) {
                    return Exec.NORMAL;
                }
                if (r == Exec.RETURN) {
                    return r;
                }
            }
            return orElse == null ? Exec.NORMAL : orElse.exec(f);
        };
    }

    private Exec whileStmt(Node.While w) {
        Code test = exprs.expr(w.test());
        loopDepth++;
        Exec body = block(w.body());
        loopDepth--;
        Exec orElse = w.orElse().isEmpty() ? null : block(w.orElse());
        return f -> {
            while (Py.truthy(test.eval(f))) {
                Budget.tick(f);
                int r = body.exec(f);
                if (r == Exec.BREAK) {
                    return Exec.NORMAL;
                }
                if (r == Exec.RETURN) {
                    return r;
                }
            }
            return orElse == null ? Exec.NORMAL : orElse.exec(f);
        };
    }

    private Exec raise(Node.Raise r) {
        if (r.exc() == null) {
            return f -> {
                throw new PyExc(PyExcType.RUNTIME_ERROR, "No active exception to reraise");
            };
        }
        Code exc = exprs.expr(r.exc());
        Code cause = r.cause() == null ? null : exprs.expr(r.cause());
        return f -> {
            Object e = exc.eval(f);
            if (cause != null) {
                Object c = cause.eval(f);
                if (c != null && !(c instanceof PyExc) && !(c instanceof PyExcType)) {
                    throw PyExc.typeError("exception causes must derive from BaseException");
                }
            }
            if (e instanceof PyExcType t) {
                e = t.call(Calls.NO_ARGS, null);
            }
            if (e instanceof PyExc pe) {
                throw pe;
            }
            throw PyExc.typeError("exceptions must derive from BaseException");
        };
    }

    private Exec delete(Node.Delete d) {
        List<Targets.Delete> deletes = new ArrayList<>();
        for (Expr t : d.targets()) {
            deletes.add(Targets.delete(this, t));
        }
        return f -> {
            for (Targets.Delete del : deletes) {
                del.delete(f);
            }
            return Exec.NORMAL;
        };
    }

    private Exec assertStmt(Node.Assert a) {
        Code test = exprs.expr(a.test());
        Code msg = a.msg() == null ? null : exprs.expr(a.msg());
        return f -> {
            if (!Py.truthy(test.eval(f))) {
                throw msg == null ? new PyExc(PyExcType.ASSERTION_ERROR) : new PyExc(PyExcType.ASSERTION_ERROR, msg.eval(f));
            }
            return Exec.NORMAL;
        };
    }

    private Exec importStmt(Node.Import im) {
        List<Targets.Store> stores = new ArrayList<>();
        List<PyModule> values = new ArrayList<>();
        for (Node.Alias alias : im.names()) {
            PyModule module = Modules.find(alias.name());
            if (module == null) {
                throw new OutsideSubset(im.line(), "import of module '" + alias.name() + "'");
            }
            String bound = alias.asName() != null ? alias.asName() : alias.name().split("\\.")[0];
            PyModule value = alias.asName() != null ? module : Modules.find(alias.name().split("\\.")[0]);
            importedModules.put(bound, value);
            stores.add(Targets.store(this, new Node.Name(im.line(), bound)));
            values.add(value);
        }
        return bindAll(stores, values);
    }

    private Exec importFrom(Node.ImportFrom im) {
        PyModule module = Modules.find(im.module());
        if (module == null) {
            throw new OutsideSubset(im.line(), "import from module '" + im.module() + "'");
        }
        List<Targets.Store> stores = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Node.Alias alias : im.names()) {
            Object value = module.getAttr(alias.name());
            if (value == null) {
                value = Modules.find(im.module() + "." + alias.name());
            }
            if (value == null) {
                throw new OutsideSubset(im.line(), "'" + alias.name() + "' of module '" + im.module() + "'");
            }
            String bound = alias.asName() != null ? alias.asName() : alias.name();
            if (value instanceof PyModule m) {
                importedModules.put(bound, m);
            }
            stores.add(Targets.store(this, new Node.Name(im.line(), bound)));
            values.add(value);
        }
        return bindAll(stores, values);
    }

    /** Stores each value in its target: the names an import binds. */
    private static Exec bindAll(List<Targets.Store> stores, List<?> values) {
        return f -> {
            for (int i = 0; i < stores.size(); i++) {
                stores.get(i).store(f, values.get(i));
            }
            return Exec.NORMAL;
        };
    }

    private Exec functionDef(Node.FunctionDef fd) {
        Code make = function(scope.childPrefix() + fd.name(), fd.params(), fd.body(), null);
        Targets.Store store = Targets.store(this, new Node.Name(fd.line(), fd.name()));
        return f -> {
            store.store(f, make.eval(f));
            return Exec.NORMAL;
        };
    }

    /**
     * Code that makes a function object each time it runs (evaluating its defaults then, as Python does); the body
     * is either statements or, for a lambda, one expression.
     */
    Code function(String qualName, Node.Params params, List<Stmt> body, Expr lambdaBody) {
        List<Code> defaults = new ArrayList<>();
        for (Expr d : params.defaults()) {
            defaults.add(exprs.expr(d));
        }
        List<Code> kwDefaults = new ArrayList<>();
        for (Expr d : params.kwDefaults()) {
            kwDefaults.add(d == null ? null : exprs.expr(d));
        }
        Scope outer = scope;
        int outerLoops = loopDepth;
        Scope inner = new Scope(outer, qualName);
        int[] posSlots = params.positional().stream().mapToInt(inner::declare).toArray();
        int varArgsSlot = params.varArgs() == null ? -1 : inner.declare(params.varArgs());
        int[] kwSlots = params.kwOnly().stream().mapToInt(inner::declare).toArray();
        int varKwSlot = params.varKw() == null ? -1 : inner.declare(params.varKw());
        Exec compiled;
        scope = inner;
        loopDepth = 0;
        java.util.Map<String, PyModule> outerImports = new java.util.HashMap<>(importedModules);
        try {
            if (lambdaBody != null) {
                Code value = exprs.expr(lambdaBody);
                compiled = f -> {
                    f.returnValue = value.eval(f);
                    return Exec.RETURN;
                };
            } else {
                inner.declareBindings(body);
                compiled = block(body);
            }
        } finally {
            scope = outer;
            loopDepth = outerLoops;
            importedModules.clear();
            importedModules.putAll(outerImports);
        }
        PyFunction.Signature sig = new PyFunction.Signature(params.positional(), posSlots, params.varArgs(), varArgsSlot,
                params.kwOnly(), kwSlots, params.varKw(), varKwSlot);
        Exec bodyCode = compiled;
        return f -> {
            Object[] defaultValues = new Object[defaults.size()];
            for (int i = 0; i < defaultValues.length; i++) {
                defaultValues[i] = defaults.get(i).eval(f);
            }
            Object[] kwDefaultValues = new Object[kwDefaults.size()];
            for (int i = 0; i < kwDefaultValues.length; i++) {
                kwDefaultValues[i] = kwDefaults.get(i) == null ? Frame.UNBOUND : kwDefaults.get(i).eval(f);
            }
            return new PyFunction(qualName, sig, defaultValues, kwDefaultValues, f, inner.size(), bodyCode);
        };
    }
}
