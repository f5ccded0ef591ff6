package dev.sequor.expr.python;

import static dev.sequor.expr.python.ExpressionGenerator.arg;

import dev.sequor.expr.python.Typed.Kind;
import java.util.Random;

/**
 * Random function bodies over the statements of the subset: assignments (tuple, starred and subscript targets),
 * augmented assignments, if/elif/else, for (over range, enumerate, zip, items) and while loops with break, continue
 * and else, nested functions and lambdas, del, raise, assert, and mutating method calls. Every return returns a
 * repr, and the body always ends with one.
 *
 * <p>Loops always end: a for loop never mutates what it iterates (its body only touches an accumulator made for
 * it) and a while loop counts up to a small bound.
 */
final class BodyGenerator {

    private final Random rnd;
    private final double wrongRate;
    private GenEnv env;
    private ExpressionGenerator g;
    private StringBuilder out;
    private int loopDepth;

    BodyGenerator(Random rnd, double wrongRate) {
        this.rnd = rnd;
        this.wrongRate = wrongRate;
    }

    String body() {
        env = new GenEnv();
        g = new ExpressionGenerator(rnd, env, wrongRate);
        out = new StringBuilder();
        loopDepth = 0;
        int statements = 2 + rnd.nextInt(5);
        for (int i = 0; i < statements; i++) {
            statement(0, 2);
        }
        line(0, "return repr(" + finalValue() + ")");
        return env.importLines() + out;
    }

    private String finalValue() {
        if (!env.bound().isEmpty() && g.chance(0.6)) {
            StringBuilder names = new StringBuilder();
            env.bound().keySet().stream().filter(n -> g.chance(0.7)).limit(4).forEach(n -> names.append(n).append(", "));
            if (names.length() > 0) {
                return "(" + names + ")";
            }
        }
        return arg(g.any(2));
    }

    private void line(int indent, String text) {
        out.append("    ".repeat(indent)).append(text).append('\n');
    }

    private String expr(Kind kind, int depth) {
        return arg(g.expr(kind, depth));
    }

    private void statement(int indent, int depth) {
        int choice = rnd.nextInt(depth > 0 ? 20 : 9);
        switch (choice) {
            case 0, 1, 2 -> assign(indent);
            case 3 -> tupleAssign(indent);
            case 4 -> augmented(indent);
            case 5 -> subscriptAssign(indent);
            case 6 -> mutation(indent);
            case 7 -> delete(indent);
            case 8 -> check(indent);
            case 9, 10 -> ifStatement(indent, depth - 1);
            case 11, 12, 13 -> forLoop(indent, depth - 1);
            case 14 -> whileLoop(indent, depth - 1);
            case 15, 16 -> function(indent);
            case 17 -> lambda(indent);
            case 18 -> earlyReturn(indent);
            default -> assign(indent);
        }
    }

    private void assign(int indent) {
        Kind kind = g.anyKind();
        Typed value = g.chance(0.4) ? g.values.of(kind, 1) : g.expr(kind, 2);
        String name = env.freshName(value.kind(), rnd);
        line(indent, name + " = " + arg(value));
        env.bind(name, value.kind());
    }

    private void tupleAssign(int indent) {
        switch (rnd.nextInt(4)) {
            case 0 -> {
                String a = env.freshName(Kind.INT, rnd);
                String b = a.equals("n") ? "m" : "n";
                line(indent, a + ", " + b + " = " + expr(Kind.INT, 1) + ", " + expr(Kind.INT, 1));
                env.bind(a, Kind.INT);
                env.bind(b, Kind.INT);
            }
            case 1 -> {
                String a = env.name(Kind.INT, rnd);
                if (a != null && env.isBound("n") && env.isBound("m")) {
                    line(indent, "n, m = m, n");
                } else {
                    line(indent, "s, t = " + g.values.pick(new String[] {"'ab'", "['x', 'y']", "('p', 'q')", "'abc'"}));
                    env.bind("s", Kind.STR);
                    env.bind("t", Kind.STR);
                }
            }
            case 2 -> {
                line(indent, "first, *rest = " + arg(g.sequence(1)));
                env.bind("first", g.anyKind());
                env.bind("rest", Kind.LIST);
            }
            default -> {
                line(indent, "(a1, b1), c1 = " + g.values.pick(new String[] {"(1, 2), 3", "[[1, 2], 3]", "'ab', 'c'",
                        "(1, 2, 3), 4", "{'k': 1, 'j': 2}, None"}));
                env.bind("a1", Kind.INT);
                env.bind("b1", Kind.INT);
                env.bind("c1", Kind.INT);
            }
        }
    }

    private void augmented(int indent) {
        Kind kind = new Kind[] {Kind.INT, Kind.INT, Kind.FLOAT, Kind.STR, Kind.LIST}[rnd.nextInt(5)];
        String name = env.name(kind, rnd);
        if (name == null) {
            assign(indent);
            return;
        }
        switch (kind) {
            case INT -> line(indent, name + " " + g.values.pick(new String[] {"+=", "-=", "*=", "//=", "%=", "|=", "^=",
                    "&="}) + " " + expr(Kind.INT, 1));
            case FLOAT -> {
                line(indent, name + " " + g.values.pick(new String[] {"+=", "-=", "*=", "/=", "**="}) + " "
                        + g.values.pick(new String[] {"2", "0.5", "-1", "0", "1e-3"}));
                env.bind(name, Kind.FLOAT);
            }
            case STR -> line(indent, name + " += " + expr(g.chance(0.9) ? Kind.STR : Kind.INT, 1));
            default -> line(indent, name + " += " + expr(g.chance(0.8) ? Kind.LIST : Kind.STR, 1));
        }
    }

    private void subscriptAssign(int indent) {
        String d = env.name(Kind.DICT, rnd);
        String xs = env.name(Kind.LIST, rnd);
        if (d != null && (xs == null || g.chance(0.6))) {
            String key = g.values.pick(g.chance(0.8) ? RandomValues.KEYS : RandomValues.ODD_KEYS);
            switch (rnd.nextInt(3)) {
                case 0 -> line(indent, d + "[" + key + "] = " + expr(g.anyKind(), 1));
                case 1 -> line(indent, d + "[" + key + "] += " + expr(Kind.INT, 0));
                default -> line(indent, d + ".setdefault(" + key + ", []).append(" + expr(g.anyKind(), 0) + ")");
            }
        } else if (xs != null) {
            switch (rnd.nextInt(3)) {
                case 0 -> line(indent, xs + "[" + g.index() + "] = " + expr(g.anyKind(), 1));
                case 1 -> line(indent, xs + "[" + g.slice() + "] = " + expr(Kind.LIST, 1));
                default -> line(indent, xs + "[" + g.index() + "] += " + expr(Kind.INT, 0));
            }
        } else {
            line(indent, "d = {}");
            env.bind("d", Kind.DICT);
            line(indent, "d[" + g.values.pick(RandomValues.KEYS) + "] = " + expr(g.anyKind(), 1));
        }
    }

    private void mutation(int indent) {
        String xs = env.name(Kind.LIST, rnd);
        String d = env.name(Kind.DICT, rnd);
        if (xs != null && (d == null || g.chance(0.6))) {
            line(indent, xs + "." + switch (rnd.nextInt(9)) {
                case 0 -> "append(" + expr(g.anyKind(), 1) + ")";
                case 1 -> "extend(" + expr(g.chance(0.8) ? Kind.LIST : Kind.STR, 1) + ")";
                case 2 -> "insert(" + g.index() + ", " + expr(g.anyKind(), 0) + ")";
                case 3 -> "pop()";
                case 4 -> "pop(" + g.index() + ")";
                case 5 -> "remove(" + arg(g.values.scalar()) + ")";
                case 6 -> g.values.pick(new String[] {"sort()", "sort(reverse=True)", "sort(key=str)"});
                case 7 -> "reverse()";
                default -> "clear()";
            });
        } else if (d != null) {
            line(indent, d + "." + switch (rnd.nextInt(6)) {
                case 0 -> "update(" + expr(Kind.DICT, 1) + ")";
                case 1 -> "pop(" + g.values.pick(RandomValues.KEYS) + ", None)";
                case 2 -> "pop(" + g.values.pick(RandomValues.KEYS) + ")";
                case 3 -> "update(extra=" + expr(g.anyKind(), 0) + ")";
                case 4 -> "popitem()";
                default -> "clear()";
            });
        } else {
            assign(indent);
        }
    }

    private void delete(int indent) {
        String d = env.name(Kind.DICT, rnd);
        String xs = env.name(Kind.LIST, rnd);
        if (d != null && g.chance(0.5)) {
            line(indent, "del " + d + "[" + g.values.pick(RandomValues.KEYS) + "]");
        } else if (xs != null && g.chance(0.6)) {
            line(indent, "del " + xs + "[" + (g.chance(0.5) ? g.index() : g.slice()) + "]");
        } else if (!env.bound().isEmpty()) {
            // the name stays "bound" for the generator: a later use is an UnboundLocalError, compared as well
            String name = env.bound().keySet().iterator().next();
            line(indent, "del " + name);
        } else {
            assign(indent);
        }
    }

    private void check(int indent) {
        if (g.chance(0.5)) {
            line(indent, "if " + expr(Kind.BOOL, 1) + ":");
            line(indent + 1, "raise " + g.values.pick(new String[] {"ValueError", "KeyError", "TypeError", "RuntimeError"})
                    + "(" + g.values.pick(new String[] {"'bad value'", "f'bad {" + anyName() + "!r}'", "", "'x', 1"}) + ")");
        } else {
            line(indent, "assert " + expr(Kind.BOOL, 1) + (g.chance(0.5) ? ", 'check failed'" : ""));
        }
    }

    private String anyName() {
        return env.bound().isEmpty() ? "None" : env.bound().keySet().iterator().next();
    }

    private void ifStatement(int indent, int depth) {
        line(indent, "if " + expr(Kind.BOOL, 2) + ":");
        block(indent + 1, depth);
        if (g.chance(0.4)) {
            line(indent, "elif " + expr(Kind.BOOL, 2) + ":");
            block(indent + 1, depth);
        }
        if (g.chance(0.5)) {
            line(indent, "else:");
            block(indent + 1, depth);
        }
    }

    private void block(int indent, int depth) {
        int n = 1 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) {
            if (loopDepth > 0 && g.chance(0.15)) {
                line(indent, g.chance(0.5) ? "break" : "continue");
                return;
            }
            statement(indent, depth);
        }
    }

    /** A for loop over a fresh iterable, whose body only updates an accumulator made for it. */
    private void forLoop(int indent, int depth) {
        String acc = accumulator(indent);
        String header;
        switch (rnd.nextInt(6)) {
            case 0 -> {
                header = "for i, item in enumerate(" + iterableCode() + (g.chance(0.5) ? ", 1" : "") + "):";
                env.bind("i", Kind.INT);
                env.bind("item", g.anyKind());
            }
            case 1 -> {
                header = "for key, value in " + g.expr(Kind.DICT, 1).asPrimary() + ".items():";
                env.bind("key", Kind.STR);
                env.bind("value", g.anyKind());
            }
            case 2 -> {
                header = "for left, right in zip(" + iterableCode() + ", " + iterableCode() + "):";
                env.bind("left", g.anyKind());
                env.bind("right", g.anyKind());
            }
            case 3 -> {
                header = "for i in " + g.range() + ":";
                env.bind("i", Kind.INT);
            }
            default -> {
                ExpressionGenerator.Iterable it = g.iterable(1);
                header = "for item in " + it.code() + ":";
                env.bind("item", it.item());
            }
        }
        line(indent, header);
        loopDepth++;
        loopBody(indent + 1, acc, depth);
        loopDepth--;
        if (g.chance(0.2)) {
            line(indent, "else:");
            line(indent + 1, acc + " = " + acc + " * 2 if " + acc + " else " + acc);
        }
    }

    private String iterableCode() {
        return g.iterable(1).code();
    }

    private String accumulator(int indent) {
        String[] names = {"total", "parts", "text", "seen"};
        Kind[] kinds = {Kind.INT, Kind.LIST, Kind.STR, Kind.DICT};
        String[] inits = {"0", "[]", "''", "{}"};
        int k = rnd.nextInt(4);
        line(indent, names[k] + " = " + inits[k]);
        env.bind(names[k], kinds[k]);
        return names[k];
    }

    private void loopBody(int indent, String acc, int depth) {
        if (g.chance(0.3)) {
            line(indent, "if " + expr(Kind.BOOL, 1) + ":");
            line(indent + 1, g.chance(0.5) ? "continue" : "break");
        }
        switch (acc) {
            case "total" -> line(indent, "total " + g.values.pick(new String[] {"+=", "-=", "+="}) + " "
                    + expr(g.chance(0.8) ? Kind.INT : Kind.FLOAT, 1));
            case "parts" -> line(indent, "parts.append(" + arg(g.any(1)) + ")");
            case "text" -> line(indent, "text += " + expr(Kind.STR, 1));
            default -> line(indent, "seen[" + expr(g.chance(0.7) ? Kind.STR : Kind.INT, 0) + "] = " + arg(g.any(1)));
        }
        if (depth > 0 && g.chance(0.25)) {
            ifStatementInLoop(indent, acc);
        }
        if (depth > 0 && g.chance(0.15)) {
            // a nested loop, with a break that only leaves the inner one
            line(indent, "for j in range(" + rnd.nextInt(4) + "):");
            line(indent + 1, "if j == " + rnd.nextInt(3) + ":");
            line(indent + 2, g.chance(0.5) ? "break" : "continue");
            line(indent + 1, acc + " = " + acc + " or " + acc);
            env.bind("j", Kind.INT);
        }
    }

    private void ifStatementInLoop(int indent, String acc) {
        line(indent, "if " + expr(Kind.BOOL, 1) + ":");
        line(indent + 1, g.chance(0.5) ? "break" : acc + " = " + acc + " or " + acc);
    }

    /** A while loop counting up to a small bound (or draining a copy of a list). */
    private void whileLoop(int indent, int depth) {
        String acc = accumulator(indent);
        if (g.chance(0.3)) {
            line(indent, "queue = " + arg(g.values.homogeneousList(Kind.INT)));
            line(indent, "while queue:");
            line(indent + 1, "item = queue.pop(" + (g.chance(0.5) ? "0" : "") + ")");
            env.bind("item", Kind.INT); // not queue: an expression appending to it would make the loop endless
        } else {
            line(indent, "count = 0");
            String test = g.chance(0.2) ? "True" : "count < " + rnd.nextInt(6);
            line(indent, "while " + test + ":");
            line(indent + 1, "count += " + (1 + rnd.nextInt(2)));
            if (test.equals("True")) {
                line(indent + 1, "if count > " + rnd.nextInt(5) + ":");
                line(indent + 2, "break");
            }
            env.bind("count", Kind.INT);
        }
        loopDepth++;
        loopBody(indent + 1, acc, depth);
        loopDepth--;
        if (g.chance(0.2)) {
            line(indent, "else:");
            line(indent + 1, acc + " = " + acc + " * 2");
        }
    }

    /** A nested function (defaults, *args, **kwargs, a closure over the names bound so far) and a call of it. */
    private void function(int indent) {
        String params = g.values.pick(new String[] {"a", "a, b=2", "a, b=None", "a, *rest", "a, **kw", "*args",
                "a, b=[]", "a, *, sep='-'", "a, b, c=0", "*args, **kw"});
        line(indent, "def helper(" + params + "):");
        // inside, parameters are names like any other; outer names stay readable (a closure)
        env.bind("a", g.anyKind());
        if (params.contains("b")) {
            env.bind("b", g.anyKind());
        }
        if (g.chance(0.4)) {
            line(indent + 1, "if " + expr(Kind.BOOL, 1) + ":");
            line(indent + 2, "return " + expr(g.anyKind(), 1));
        }
        String result = switch (params) {
            case "*args" -> g.values.pick(new String[] {"args", "len(args)", "sum(args)", "args[0]"});
            case "*args, **kw" -> g.values.pick(new String[] {"(args, kw)", "sorted(kw)", "kw.get('x')"});
            case "a, *rest" -> g.values.pick(new String[] {"(a, rest)", "[a, *rest]"});
            case "a, **kw" -> g.values.pick(new String[] {"(a, kw)", "{**kw, 'a': a}"});
            case "a, *, sep='-'" -> "sep.join(map(str, [a, a]))";
            case "a, b=[]" -> "b + [a]";
            default -> expr(g.anyKind(), 1);
        };
        line(indent + 1, "return " + result);
        env.unbind("a");
        env.unbind("b");
        String call = "helper(" + g.values.pick(new String[] {"ARG", "ARG, ARG", "ARG, b=ARG", "*[ARG, ARG]",
                "**{'a': ARG}", "", "ARG, x=ARG", "ARG, ARG, ARG", "ARG, sep='+'", "ARG, c=ARG"}) + ")";
        while (call.contains("ARG")) {
            call = call.replaceFirst("ARG", java.util.regex.Matcher.quoteReplacement(arg(g.any(1))));
        }
        String name = env.freshName(Kind.NONE, rnd);
        line(indent, name + " = " + call);
        env.bind(name, g.anyKind());
    }

    private void lambda(int indent) {
        String lambda = g.values.pick(new String[] {"lambda v: v * 2", "lambda v, w=1: (v, w)", "lambda *a: len(a)",
                "lambda v: v if v else None", "lambda: 42", "lambda v: str(v).upper()", "lambda **k: sorted(k)"});
        line(indent, "fn = " + lambda);
        String arg = arg(g.any(1));
        String result = env.freshName(Kind.NONE, rnd);
        line(indent, result + " = fn(" + (lambda.startsWith("lambda:") ? "" : arg) + ")");
        env.bind(result, g.anyKind());
    }

    private void earlyReturn(int indent) {
        line(indent, "if " + expr(Kind.BOOL, 1) + ":");
        line(indent + 1, "return repr(" + arg(g.any(1)) + ")");
    }
}
