package dev.sequor.expr.python.subset;

import dev.sequor.expr.python.syntax.Node;
import dev.sequor.expr.python.syntax.Node.Expr;
import dev.sequor.expr.python.syntax.OutsideSubset;
import java.util.ArrayList;
import java.util.List;

/** Compiles expressions into {@link Code} closures; names resolve through the {@link Compiler}'s scope chain. */
final class ExprCompiler {

    private final Compiler c;

    ExprCompiler(Compiler c) {
        this.c = c;
    }

    Code expr(Expr e) {
        return switch (e) {
            case Node.Const k -> constant(k.value());
            case Node.Name n -> name(n);
            case Node.Attribute a -> attribute(a);
            case Node.Subscript s -> {
                Code obj = expr(s.value());
                Code index = expr(s.index());
                yield f -> Items.getItem(obj.eval(f), index.eval(f));
            }
            case Node.Slice s -> {
                Code lower = optional(s.lower());
                Code upper = optional(s.upper());
                Code step = optional(s.step());
                yield f -> new PySlice(lower.eval(f), upper.eval(f), step.eval(f));
            }
            case Node.Call call -> call(call);
            case Node.BinOp b -> binOp(b);
            case Node.UnaryOp u -> unaryOp(u);
            case Node.BoolOp b -> boolOp(b);
            case Node.Compare cmp -> Comparisons.compile(this, cmp);
            case Node.IfExp i -> {
                Code test = expr(i.test());
                Code body = expr(i.body());
                Code orElse = expr(i.orElse());
                yield f -> Py.truthy(test.eval(f)) ? body.eval(f) : orElse.eval(f);
            }
            case Node.ListExpr l -> {
                Sequence items = sequence(l.elts());
                yield f -> new PyList(items.eval(f));
            }
            case Node.TupleExpr t -> {
                Sequence items = sequence(t.elts());
                yield f -> new PyTuple(items.eval(f).toArray());
            }
            case Node.SetExpr s -> {
                Sequence items = sequence(s.elts());
                yield f -> {
                    PySet out = new PySet();
                    items.eval(f).forEach(out::add);
                    return out;
                };
            }
            case Node.DictExpr d -> dict(d);
            case Node.Comp comp -> Comprehensions.compile(c, comp);
            case Node.DictComp comp -> Comprehensions.compile(c, comp);
            case Node.Lambda l -> c.function(c.scope.childPrefix() + "<lambda>", l.params(), null, l.body());
            case Node.JoinedStr j -> joined(j);
            case Node.FormattedValue fv -> formatted(fv);
            case Node.Starred s -> throw new OutsideSubset(s.line(), "a starred expression here");
        };
    }

    private Code optional(Expr e) {
        return e == null ? f -> null : expr(e);
    }

    private static Code constant(Object value) {
        Object v = value instanceof byte[] bytes ? new PyBytes(bytes) : value;
        return f -> v;
    }

    /** A name read: a local slot, an enclosing function's slot, or a builtin. */
    Code name(Node.Name n) {
        String id = n.id();
        int hops = 0;
        for (Scope s = c.scope; s != null; s = s.enclosing, hops++) {
            int slot = s.slot(id);
            if (slot >= 0) {
                return hops == 0 ? local(id, slot) : free(id, hops, slot);
            }
        }
        Object builtin = Builtins.lookup(id);
        if (builtin != null) {
            return f -> builtin;
        }
        if (Builtins.isPythonBuiltin(id)) {
            throw new OutsideSubset(n.line(), "the builtin '" + id + "'");
        }
        return f -> {
            throw PyExc.nameError(id);
        };
    }

    private static Code local(String id, int slot) {
        return f -> {
            Object v = f.locals[slot];
            if (v == Frame.UNBOUND) {
                throw new PyExc(PyExcType.UNBOUND_LOCAL_ERROR,
                        "cannot access local variable '" + id + "' where it is not associated with a value");
            }
            return v;
        };
    }

    private static Code free(String id, int hops, int slot) {
        return f -> {
            Object v = f.up(hops).locals[slot];
            if (v == Frame.UNBOUND) {
                throw new PyExc(PyExcType.NAME_ERROR, "cannot access free variable '" + id
                        + "' where it is not associated with a value in enclosing scope");
            }
            return v;
        };
    }

    private Code attribute(Node.Attribute a) {
        checkModuleAttribute(a);
        Code obj = expr(a.value());
        String name = a.attr();
        return f -> Attrs.get(obj.eval(f), name);
    }

    /**
     * {@code hashlib.blake2b} or {@code urllib.parse.quote_from_bytes} when the evaluator's module lacks that
     * attribute: GraalPy's job, decided here rather than failing at run time.
     */
    private void checkModuleAttribute(Node.Attribute a) {
        staticModule(a);
    }

    /** The module an expression names when it is an imported module or a submodule of one, else null. */
    private PyModule staticModule(Expr e) {
        if (e instanceof Node.Name n) {
            return c.importedModules.get(n.id());
        }
        if (e instanceof Node.Attribute a) {
            PyModule owner = staticModule(a.value());
            if (owner == null) {
                return null;
            }
            Object value = owner.getAttr(a.attr());
            if (value == null) {
                throw new OutsideSubset(a.line(), "'" + a.attr() + "' of module '" + owner.name() + "'");
            }
            return value instanceof PyModule m ? m : null;
        }
        return null;
    }

    private Code call(Node.Call call) {
        Arguments args = Arguments.compile(this, call.args(), call.keywords());
        if (call.func() instanceof Node.Attribute a) {
            checkModuleAttribute(a);
            Code obj = expr(a.value());
            String name = a.attr();
            return f -> {
                Object o = obj.eval(f);
                // Python looks the method up before it evaluates the arguments: a missing one is the error
                if (Attrs.hasMethodTable(o)) {
                    if (!Attrs.tableHas(o, name)) {
                        throw PyExc.noAttribute(o, name);
                    }
                    Object[] positional = args.positional(f);
                    return Attrs.callMethod(o, name, positional, args.keywordsOfMethod(f, o, name));
                }
                Object method = Attrs.get(o, name);
                Object[] positional = args.positional(f);
                return Calls.call(method, positional, args.keywords(f, method));
            };
        }
        Code fn = expr(call.func());
        return f -> {
            Object callee = fn.eval(f);
            Object[] positional = args.positional(f);
            return Calls.call(callee, positional, args.keywords(f, callee));
        };
    }

    private Code binOp(Node.BinOp b) {
        Code left = expr(b.left());
        Code right = expr(b.right());
        Node.BinOperator op = b.op();
        if (op == Node.BinOperator.ADD) {
            return f -> Arith.add(left.eval(f), right.eval(f));
        }
        return f -> Arith.binary(op, left.eval(f), right.eval(f));
    }

    private Code unaryOp(Node.UnaryOp u) {
        Code operand = expr(u.operand());
        return switch (u.op()) {
            case NOT -> f -> !Py.truthy(operand.eval(f));
            case NEG -> f -> Arith.negate(operand.eval(f));
            case POS -> f -> Arith.plus(operand.eval(f));
            case INVERT -> f -> Arith.invert(operand.eval(f));
        };
    }

    private Code boolOp(Node.BoolOp b) {
        Code[] values = b.values().stream().map(this::expr).toArray(Code[]::new);
        if (b.isAnd()) {
            return f -> {
                Object v = null;
                for (Code c : values) {
                    v = c.eval(f);
                    if (!Py.truthy(v)) {
                        return v;
                    }
                }
                return v;
            };
        }
        return f -> {
            Object v = null;
            for (Code c : values) {
                v = c.eval(f);
                if (Py.truthy(v)) {
                    return v;
                }
            }
            return v;
        };
    }

    private Code dict(Node.DictExpr d) {
        int n = d.keys().size();
        Code[] keys = new Code[n];
        Code[] values = new Code[n];
        for (int i = 0; i < n; i++) {
            keys[i] = d.keys().get(i) == null ? null : expr(d.keys().get(i));
            values[i] = expr(d.values().get(i));
        }
        return f -> {
            PyDict out = new PyDict(n);
            for (int i = 0; i < n; i++) {
                if (keys[i] == null) {
                    spliceMapping(out, values[i].eval(f));
                } else {
                    Object k = keys[i].eval(f);
                    out.put(k, values[i].eval(f));
                }
            }
            return out;
        };
    }

    /** {@code {**m}}: a dict or a Row; anything else is Python's TypeError. */
    private static void spliceMapping(PyDict out, Object m) {
        if (m instanceof PyDict d) {
            for (var e : d.entries()) {
                out.put(e.getKey(), e.getValue());
            }
        } else if (m instanceof Mapping row) {
            for (Object k : row.mappingKeys()) {
                out.put(k, Items.getItem(m, k));
            }
        } else {
            throw PyExc.typeError("'" + Py.typeName(m) + "' object is not a mapping");
        }
    }

    /** Sequor's mapping objects (Row, Headers): {@code **row} and {@code dict(row)} read their keys. */
    interface Mapping {
        List<Object> mappingKeys();
    }

    /** The items of a list/tuple/set display, with {@code *iterable} spliced in. */
    @FunctionalInterface
    interface Sequence {
        List<Object> eval(Frame f);
    }

    Sequence sequence(List<Expr> elts) {
        int n = elts.size();
        Code[] codes = new Code[n];
        boolean[] starred = new boolean[n];
        for (int i = 0; i < n; i++) {
            Expr e = elts.get(i);
            starred[i] = e instanceof Node.Starred;
            codes[i] = expr(e instanceof Node.Starred s ? s.value() : e);
        }
        return f -> {
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Object v = codes[i].eval(f);
                if (starred[i]) {
                    Items.splice(out, v);
                } else {
                    out.add(v);
                }
            }
            return out;
        };
    }

    private Code joined(Node.JoinedStr j) {
        Code[] parts = j.values().stream().map(this::expr).toArray(Code[]::new);
        return f -> {
            StringBuilder sb = new StringBuilder();
            for (Code part : parts) {
                sb.append((String) part.eval(f));
            }
            return sb.toString();
        };
    }

    private Code formatted(Node.FormattedValue fv) {
        Code value = expr(fv.value());
        Code spec = fv.formatSpec() == null ? null : joined(fv.formatSpec());
        int conversion = fv.conversion();
        return f -> {
            Object v = value.eval(f);
            v = switch (conversion) {
                case 'r' -> Py.repr(v);
                case 's' -> Py.str(v);
                case 'a' -> Builtins.ascii(v);
                default -> v;
            };
            return Formats.format(v, spec == null ? "" : (String) spec.eval(f));
        };
    }
}
