package dev.sequor.expr.python.subset;

import dev.sequor.expr.python.syntax.Node;
import dev.sequor.expr.python.syntax.Node.Expr;
import java.util.List;

/** The compiled arguments of a call: positional (with {@code *it} spliced) and keywords (with {@code **m} merged). */
final class Arguments {

    private final Code[] positional;
    private final boolean[] starred;
    private final boolean anyStarred;
    private final String[] names;
    private final Code[] keywordValues;

    private Arguments(Code[] positional, boolean[] starred, String[] names, Code[] keywordValues) {
        this.positional = positional;
        this.starred = starred;
        boolean any = false;
        for (boolean s : starred) {
            any |= s;
        }
        this.anyStarred = any;
        this.names = names;
        this.keywordValues = keywordValues;
    }

    static Arguments compile(ExprCompiler ec, List<Expr> args, List<Node.Keyword> keywords) {
        Code[] pos = new Code[args.size()];
        boolean[] star = new boolean[args.size()];
        for (int i = 0; i < pos.length; i++) {
            Expr a = args.get(i);
            star[i] = a instanceof Node.Starred;
            pos[i] = ec.expr(a instanceof Node.Starred s ? s.value() : a);
        }
        String[] names = new String[keywords.size()];
        Code[] values = new Code[keywords.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = keywords.get(i).name();
            values[i] = ec.expr(keywords.get(i).value());
        }
        return new Arguments(pos, star, names, values);
    }

    Object[] positional(Frame f) {
        if (!anyStarred) {
            Object[] out = new Object[positional.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = positional[i].eval(f);
            }
            return out;
        }
        java.util.ArrayList<Object> out = new java.util.ArrayList<>();
        for (int i = 0; i < positional.length; i++) {
            Object v = positional[i].eval(f);
            if (starred[i]) {
                Items.splice(out, v);
            } else {
                out.add(v);
            }
        }
        return out.toArray();
    }

    /** As {@link #keywords}, for {@code receiver.method(...)}; names the method only if an error needs it. */
    Kwargs keywordsOfMethod(Frame f, Object receiver, String method) {
        return names.length == 0 ? null : keywords(f, new BoundMethod(receiver, method));
    }

    /**
     * Null when the call has no keyword arguments (the common case). {@code callee} names the function in the
     * error for a keyword given twice.
     */
    Kwargs keywords(Frame f, Object callee) {
        if (names.length == 0) {
            return null;
        }
        Kwargs out = new Kwargs();
        for (int i = 0; i < names.length; i++) {
            Object v = keywordValues[i].eval(f);
            if (names[i] != null) {
                if (out.containsKey(names[i])) {
                    throw PyExc.typeError(Calls.displayName(callee) + "() got multiple values for keyword argument '"
                            + names[i] + "'");
                }
                out.put(names[i], v);
            } else if (v instanceof PyDict d) {
                for (var e : d.entries()) {
                    if (!(e.getKey() instanceof String k)) {
                        throw PyExc.typeError("keywords must be strings");
                    }
                    if (out.containsKey(k)) {
                        throw PyExc.typeError(Calls.displayName(callee) + "() got multiple values for keyword argument '"
                                + k + "'");
                    }
                    out.put(k, e.getValue());
                }
            } else {
                throw PyExc.typeError("argument after ** must be a mapping, not " + Py.typeName(v));
            }
        }
        return out;
    }
}
