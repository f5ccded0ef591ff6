package dev.sequor.expr.python;

import dev.sequor.expr.python.Typed.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random, type-aware Python expressions over the subset: for a wanted kind it picks an operation that usually
 * makes sense for it (arithmetic on numbers, methods of str/list/dict, builtins, comprehensions...) over operands
 * of the right kinds, and now and then operands of a random kind, so that TypeErrors and friends are compared too.
 * Formatting, modules and deliberate errors have classes of their own.
 */
final class ExpressionGenerator {

    final Random rnd;
    final RandomValues values;
    final GenEnv env;
    private final FormatExpressions formats;
    private final ModuleExpressions modules;
    private final ErrorExpressions errors;
    /** Chance that an operand is of a random kind instead of the sensible one. */
    private final double wrongRate;

    ExpressionGenerator(Random rnd, GenEnv env, double wrongRate) {
        this.rnd = rnd;
        this.values = new RandomValues(rnd);
        this.env = env;
        this.wrongRate = wrongRate;
        this.formats = new FormatExpressions(this);
        this.modules = new ModuleExpressions(this);
        this.errors = new ErrorExpressions(this);
    }

    int pick(int n) {
        return rnd.nextInt(n);
    }

    boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    Kind anyKind() {
        Kind[] kinds = Kind.values();
        return kinds[pick(kinds.length)];
    }

    /** Any expression: a kind is picked, sometimes a deliberate error instead. */
    Typed any(int depth) {
        if (chance(0.06)) {
            return errors.error(depth);
        }
        return expr(anyKind(), depth);
    }

    /** A name bound to this kind (more than half the time when there is one) or a literal. */
    Typed leaf(Kind kind) {
        String name = env.name(kind, rnd);
        if (name != null && chance(0.6)) {
            return Typed.primary(name, kind);
        }
        String[] variables = GeneratedCorpus.SCOPE_VARIABLES.get(kind);
        if (variables != null && chance(0.03)) {
            String variable = variables[pick(variables.length)];
            // a flow variable: values that come from Java (Decimal, big ints, maps) and Sequor's own functions
            return Typed.primary(chance(0.8) ? "var('" + variable + "')" : "context.var('" + variable + "')", kind);
        }
        return values.of(kind, 1);
    }

    /** An operand of this kind, or of a random kind at the wrong-type rate. */
    Typed operand(Kind kind, int depth) {
        return expr(chance(wrongRate) ? anyKind() : kind, depth);
    }

    Typed expr(Kind kind, int depth) {
        if (depth <= 0 || chance(0.15)) {
            return leaf(kind);
        }
        int d = depth - 1;
        if (chance(0.04)) {
            return conditional(kind, d);
        }
        return switch (kind) {
            case NONE -> none(d);
            case BOOL -> bool(d);
            case INT -> integer(d);
            case FLOAT -> floating(d);
            case STR -> string(d);
            case LIST -> list(d);
            case TUPLE -> tuple(d);
            case DICT -> dict(d);
        };
    }

    // ---------------------------------------------------------------- composition helpers

    Typed binary(Typed left, String op, Typed right, int prec, Kind kind) {
        boolean rightAssoc = op.equals("**");
        String l = left.at(rightAssoc ? prec + 1 : prec);
        String r = rightAssoc ? right.at(Typed.UNARY) : right.at(prec + 1);
        return new Typed(l + " " + op + " " + r, kind, prec);
    }

    static Typed call(String function, Kind kind, String... args) {
        return Typed.primary(function + "(" + String.join(", ", args) + ")", kind);
    }

    static Typed method(Typed target, String name, Kind kind, String... args) {
        return Typed.primary(target.asPrimary() + "." + name + "(" + String.join(", ", args) + ")", kind);
    }

    /** An argument: any expression but a bare generator or lambda needs no parentheses here. */
    static String arg(Typed t) {
        return t.at(Typed.OR);
    }

    private Typed conditional(Kind kind, int d) {
        Typed body = expr(kind, d);
        Typed test = expr(Kind.BOOL, d);
        Typed orElse = expr(kind, d);
        return new Typed(body.at(Typed.OR) + " if " + test.at(Typed.OR) + " else " + orElse.at(Typed.IF_EXP), kind,
                Typed.IF_EXP);
    }

    private Typed number(int d) {
        return operand(chance(0.6) ? Kind.INT : chance(0.8) ? Kind.FLOAT : Kind.BOOL, d);
    }

    /** A small int literal: safe as a repeat count, shift, exponent or index. */
    Typed smallInt() {
        return number(values.pick(RandomValues.SMALL_INTS));
    }

    String smallIntCode() {
        return values.pick(RandomValues.SMALL_INTS);
    }

    /** An int literal with the precedence its sign gives it. */
    static Typed number(String literal) {
        return new Typed(literal, Kind.INT, literal.startsWith("-") ? Typed.UNARY : Typed.NUMBER);
    }

    /** A str, list or tuple (what slicing, len(), in and iteration take). */
    Typed sequence(int d) {
        return operand(new Kind[] {Kind.STR, Kind.LIST, Kind.TUPLE}[pick(3)], d);
    }

    // ---------------------------------------------------------------- per kind

    private Typed none(int d) {
        return switch (pick(4)) {
            case 0 -> method(leaf(Kind.DICT), "get", Kind.NONE, values.pick(RandomValues.KEYS));
            case 1 -> method(expr(Kind.LIST, d), "append", Kind.NONE, arg(any(d)));
            case 2 -> method(expr(Kind.LIST, d), "sort", Kind.NONE);
            default -> Typed.primary("None", Kind.NONE);
        };
    }

    private Typed integer(int d) {
        return switch (pick(24)) {
            case 0, 1 -> binary(operand(Kind.INT, d), new String[] {"+", "-", "*"}[pick(3)], operand(Kind.INT, d),
                    Typed.SUM, Kind.INT);
            case 2 -> binary(operand(Kind.INT, d), "*", operand(Kind.INT, d), Typed.PRODUCT, Kind.INT);
            case 3 -> binary(operand(Kind.INT, d), new String[] {"//", "%"}[pick(2)], operand(Kind.INT, d),
                    Typed.PRODUCT, Kind.INT);
            case 4 -> binary(leaf(Kind.INT), "**", chance(0.7) ? smallInt()
                    : number(new String[] {"10", "31", "63", "64", "70", "-3"}[pick(6)]), Typed.POWER, Kind.INT);
            case 5 -> bitwise(d);
            case 6 -> new Typed("-" + operand(Kind.INT, d).at(Typed.UNARY), Kind.INT, Typed.UNARY);
            case 7 -> call("len", Kind.INT, arg(operand(new Kind[] {Kind.STR, Kind.LIST, Kind.TUPLE, Kind.DICT}[pick(4)], d)));
            case 8 -> call("int", Kind.INT, arg(operand(new Kind[] {Kind.STR, Kind.FLOAT, Kind.BOOL, Kind.INT}[pick(4)], d)));
            case 9 -> call("int", Kind.INT, new String[] {"'ff'", "'FF'", "'0x1f'", "'777'", "'z'", "' 12 '"}[pick(6)],
                    new String[] {"16", "8", "36", "0"}[pick(4)]);
            case 10 -> chance(0.5) ? call("round", Kind.INT, arg(operand(Kind.FLOAT, d)))
                    : call("round", Kind.INT, arg(operand(Kind.INT, d)), new String[] {"-1", "-2", "0", "1"}[pick(4)]);
            case 11 -> call("sum", Kind.INT, arg(chance(0.7) ? values.homogeneousList(Kind.INT) : operand(Kind.LIST, d)));
            case 12 -> call(chance(0.5) ? "min" : "max", Kind.INT, arg(operand(Kind.INT, d)), arg(operand(Kind.INT, d)));
            case 13 -> call(chance(0.5) ? "min" : "max", Kind.INT, arg(chance(0.8) ? values.homogeneousList(Kind.INT)
                    : operand(Kind.LIST, d)));
            case 14 -> method(operand(Kind.STR, d), new String[] {"count", "find", "rfind", "index"}[pick(4)], Kind.INT,
                    arg(operand(Kind.STR, d)));
            case 15 -> method(operand(Kind.LIST, d), chance(0.5) ? "count" : "index", Kind.INT, arg(values.scalar()));
            case 16 -> call("abs", Kind.INT, arg(number(d)));
            case 17 -> call("ord", Kind.INT, arg(chance(0.8) ? Typed.primary(values.pick(new String[] {"'a'", "'é'",
                    "'😀'", "'Z'", "'€'"}), Kind.STR) : operand(Kind.STR, d)));
            case 18 -> method(operand(Kind.INT, d), "bit_length", Kind.INT);
            case 19 -> Typed.primary(call("divmod", Kind.TUPLE, arg(number(d)), arg(number(d))).code()
                    + "[" + pick(2) + "]", Kind.INT);
            case 20 -> modules.integer(d);
            case 21 -> call("sum", Kind.INT, generator("v", Kind.INT, d));
            case 22 -> binary(operand(Kind.BOOL, d), "+", operand(Kind.BOOL, d), Typed.SUM, Kind.INT);
            default -> leaf(Kind.INT);
        };
    }

    private Typed bitwise(int d) {
        return switch (pick(5)) {
            case 0 -> binary(operand(Kind.INT, d), "&", operand(Kind.INT, d), Typed.BIT_AND, Kind.INT);
            case 1 -> binary(operand(Kind.INT, d), "|", operand(Kind.INT, d), Typed.BIT_OR, Kind.INT);
            case 2 -> binary(operand(Kind.INT, d), "^", operand(Kind.INT, d), Typed.BIT_XOR, Kind.INT);
            case 3 -> binary(operand(Kind.INT, d), chance(0.5) ? "<<" : ">>", smallInt(), Typed.SHIFT, Kind.INT);
            default -> new Typed("~" + operand(Kind.INT, d).at(Typed.UNARY), Kind.INT, Typed.UNARY);
        };
    }

    private Typed floating(int d) {
        return switch (pick(16)) {
            case 0, 1 -> binary(number(d), chance(0.5) ? "+" : "-", number(d), Typed.SUM, Kind.FLOAT);
            case 2 -> binary(number(d), "*", number(d), Typed.PRODUCT, Kind.FLOAT);
            case 3, 4 -> binary(number(d), "/", number(d), Typed.PRODUCT, Kind.FLOAT);
            case 5 -> binary(operand(Kind.FLOAT, d), chance(0.5) ? "//" : "%", number(d), Typed.PRODUCT, Kind.FLOAT);
            case 6 -> binary(leaf(Kind.FLOAT), "**", chance(0.5) ? smallInt() : values.of(Kind.FLOAT, 0), Typed.POWER,
                    Kind.FLOAT);
            case 7 -> call("float", Kind.FLOAT, arg(operand(chance(0.6) ? Kind.STR : Kind.INT, d)));
            case 8 -> call("round", Kind.FLOAT, arg(operand(Kind.FLOAT, d)), smallIntCode());
            case 9 -> call("sum", Kind.FLOAT, arg(values.homogeneousList(Kind.FLOAT)));
            case 10 -> call(chance(0.5) ? "min" : "max", Kind.FLOAT, arg(number(d)), arg(number(d)));
            case 11 -> call("abs", Kind.FLOAT, arg(operand(Kind.FLOAT, d)));
            case 12 -> modules.floating(d);
            case 13 -> new Typed("-" + operand(Kind.FLOAT, d).at(Typed.UNARY), Kind.FLOAT, Typed.UNARY);
            case 14 -> binary(operand(Kind.INT, d), "/", operand(Kind.INT, d), Typed.PRODUCT, Kind.FLOAT);
            default -> method(operand(Kind.FLOAT, d), "is_integer", Kind.BOOL);
        };
    }

    private Typed string(int d) {
        return switch (pick(30)) {
            case 0, 1 -> binary(operand(Kind.STR, d), "+", operand(Kind.STR, d), Typed.SUM, Kind.STR);
            case 2 -> binary(operand(Kind.STR, d), "*", smallInt(), Typed.PRODUCT, Kind.STR);
            case 3 -> Typed.primary(operand(Kind.STR, d).asPrimary() + "[" + index() + "]", Kind.STR);
            case 4 -> Typed.primary(operand(Kind.STR, d).asPrimary() + "[" + slice() + "]", Kind.STR);
            case 5, 6 -> method(operand(Kind.STR, d), new String[] {"upper", "lower", "title", "capitalize", "swapcase",
                    "casefold", "strip", "lstrip", "rstrip"}[pick(9)], Kind.STR);
            case 7 -> method(operand(Kind.STR, d), new String[] {"strip", "lstrip", "rstrip"}[pick(3)], Kind.STR,
                    values.pick(new String[] {"' '", "'a'", "'-_'", "'xyz'", "None"}));
            case 8 -> method(operand(Kind.STR, d), "replace", Kind.STR, arg(leaf(Kind.STR)), arg(leaf(Kind.STR)));
            case 9 -> method(operand(Kind.STR, d), "replace", Kind.STR, values.pick(new String[] {"'a'", "'l'", "''", "' '"}),
                    values.pick(new String[] {"'_'", "''", "'AA'"}), smallIntCode());
            case 10 -> method(operand(Kind.STR, d), new String[] {"zfill", "center", "ljust", "rjust"}[pick(4)], Kind.STR,
                    values.pick(new String[] {"0", "5", "8", "12", "-3"}));
            case 11 -> method(operand(Kind.STR, d), new String[] {"center", "ljust", "rjust"}[pick(3)], Kind.STR,
                    values.pick(new String[] {"9", "11"}), values.pick(new String[] {"'*'", "'-'", "'é'"}));
            case 12 -> method(Typed.primary(values.pick(new String[] {"', '", "''", "'-'", "' | '", "'\\n'"}), Kind.STR),
                    "join", Kind.STR, arg(chance(0.8) ? values.homogeneousList(Kind.STR) : operand(Kind.LIST, d)));
            case 13 -> call("str", Kind.STR, arg(any(d)));
            case 14 -> call("repr", Kind.STR, arg(any(d)));
            case 15, 16, 17 -> formats.fString(d);
            case 18, 19 -> formats.percent(d);
            case 20, 21 -> formats.format(d);
            case 22 -> modules.string(d);
            case 23 -> modules.string(d);
            case 24 -> method(operand(Kind.STR, d), new String[] {"removeprefix", "removesuffix"}[pick(2)], Kind.STR,
                    arg(leaf(Kind.STR)));
            case 25 -> Typed.primary(call("type", Kind.NONE, arg(any(d))).code() + ".__name__", Kind.STR);
            case 26 -> method(Typed.primary("''", Kind.STR), "join", Kind.STR, chance(0.5)
                    ? call("reversed", Kind.LIST, arg(operand(Kind.STR, d))).code() : call("sorted", Kind.LIST,
                    arg(operand(Kind.STR, d))).code());
            case 27 -> Typed.primary(method(operand(Kind.STR, d), chance(0.5) ? "partition" : "rpartition", Kind.TUPLE,
                    values.pick(new String[] {"' '", "','", "'l'"})).code() + "[" + pick(3) + "]", Kind.STR);
            case 28 -> call(new String[] {"chr", "hex", "bin", "oct"}[pick(4)], Kind.STR, arg(operand(Kind.INT, d)));
            default -> method(method(operand(Kind.STR, d), "encode", Kind.NONE), "decode", Kind.STR);
        };
    }

    private Typed bool(int d) {
        return switch (pick(20)) {
            case 0, 1 -> compare(d);
            case 2 -> chain(d);
            case 3 -> {
                Typed container = operand(new Kind[] {Kind.STR, Kind.LIST, Kind.TUPLE, Kind.DICT}[pick(4)], d);
                Typed item = container.kind() == Kind.STR ? operand(Kind.STR, d) : values.scalar();
                yield binary(item, chance(0.7) ? "in" : "not in", container, Typed.COMPARE, Kind.BOOL);
            }
            case 4 -> binary(any(d), chance(0.5) ? "is" : "is not", Typed.primary("None", Kind.NONE), Typed.COMPARE,
                    Kind.BOOL);
            case 5 -> new Typed("not " + any(d).at(Typed.NOT), Kind.BOOL, Typed.NOT);
            case 6 -> andOr(d);
            case 7 -> call("isinstance", Kind.BOOL, arg(any(d)), values.pick(new String[] {"int", "str", "float", "bool",
                    "list", "dict", "tuple", "(int, float)", "(list, tuple)", "type(None)"}));
            case 8 -> call("bool", Kind.BOOL, arg(any(d)));
            case 9 -> call(chance(0.5) ? "any" : "all", Kind.BOOL, arg(chance(0.5) ? operand(Kind.LIST, d)
                    : Typed.primary(generator("v", Kind.INT, d), Kind.LIST)));
            case 10 -> method(operand(Kind.STR, d), chance(0.5) ? "startswith" : "endswith", Kind.BOOL,
                    arg(chance(0.85) ? leaf(Kind.STR) : Typed.primary("('a', 'H', '4')", Kind.TUPLE)));
            case 11 -> method(operand(Kind.STR, d), new String[] {"isdigit", "isalpha", "isalnum", "isspace", "isupper",
                    "islower", "istitle", "isnumeric", "isdecimal", "isidentifier", "isascii"}[pick(11)], Kind.BOOL);
            case 12 -> binary(call("type", Kind.NONE, arg(any(d))), chance(0.5) ? "==" : "is",
                    Typed.primary(values.pick(new String[] {"int", "str", "float", "bool", "list", "dict"}), Kind.NONE),
                    Typed.COMPARE, Kind.BOOL);
            case 13 -> modules.bool(d);
            case 14 -> setTest(d);
            default -> leaf(Kind.BOOL);
        };
    }

    private static final String[] COMPARISONS = {"==", "!=", "<", "<=", ">", ">="};

    private Typed compare(int d) {
        Kind kind = chance(0.3) ? Kind.INT : anyKind();
        Typed left = operand(kind, d);
        Typed right = chance(0.3) ? operand(left.kind() == Kind.FLOAT ? Kind.INT : left.kind(), d) : operand(kind, d);
        return binary(left, COMPARISONS[pick(COMPARISONS.length)], right, Typed.COMPARE, Kind.BOOL);
    }

    private Typed chain(int d) {
        Kind kind = chance(0.7) ? Kind.INT : Kind.STR;
        String a = operand(kind, d).at(Typed.BIT_OR);
        String b = operand(kind, d).at(Typed.BIT_OR);
        String c = operand(kind, d).at(Typed.BIT_OR);
        return new Typed(a + " " + COMPARISONS[pick(6)] + " " + b + " " + COMPARISONS[pick(6)] + " " + c, Kind.BOOL,
                Typed.COMPARE);
    }

    private Typed andOr(int d) {
        Kind kind = anyKind();
        Typed a = expr(kind, d);
        Typed b = expr(chance(0.5) ? kind : anyKind(), d);
        return chance(0.5) ? new Typed(a.at(Typed.AND) + " and " + b.at(Typed.AND + 1), kind, Typed.AND)
                : new Typed(a.at(Typed.OR) + " or " + b.at(Typed.OR + 1), kind, Typed.OR);
    }

    private Typed setTest(int d) {
        String a = values.homogeneousSet();
        String b = values.homogeneousSet();
        return switch (pick(4)) {
            case 0 -> new Typed(a + " " + new String[] {"<=", "<", ">=", "==", "!="}[pick(5)] + " " + b, Kind.BOOL,
                    Typed.COMPARE);
            case 1 -> new Typed(values.pick(RandomValues.SET_INTS) + " in " + a, Kind.BOOL, Typed.COMPARE);
            case 2 -> method(Typed.primary(a, Kind.NONE), chance(0.5) ? "issubset" : "isdisjoint", Kind.BOOL, b);
            default -> new Typed(call("set", Kind.NONE, arg(operand(Kind.LIST, d))).code() + " == " + a, Kind.BOOL,
                    Typed.COMPARE);
        };
    }

    private Typed list(int d) {
        return switch (pick(30)) {
            case 0 -> values.of(Kind.LIST, 1);
            case 1 -> display("[", "]", d);
            case 2, 3 -> listComprehension(d);
            case 4 -> call("list", Kind.LIST, range());
            case 5 -> call("list", Kind.LIST, arg(operand(new Kind[] {Kind.TUPLE, Kind.STR, Kind.DICT, Kind.LIST}[pick(4)], d)));
            case 6 -> call("list", Kind.LIST, method(leaf(Kind.DICT), new String[] {"keys", "values", "items"}[pick(3)],
                    Kind.LIST).code());
            case 7 -> call("sorted", Kind.LIST, arg(chance(0.7) ? values.homogeneousList(chance(0.5) ? Kind.INT : Kind.STR)
                    : operand(Kind.LIST, d)));
            case 8 -> call("sorted", Kind.LIST, arg(values.homogeneousList(chance(0.5) ? Kind.INT : Kind.STR)),
                    values.pick(new String[] {"reverse=True", "key=len", "key=str", "key=lambda v: -len(str(v))",
                            "key=abs", "reverse=False"}));
            case 9 -> chance(0.5) ? call("sorted", Kind.LIST, values.homogeneousSet()) : setComprehension(d);
            case 10 -> binary(operand(Kind.LIST, d), "+", operand(Kind.LIST, d), Typed.SUM, Kind.LIST);
            case 11 -> binary(operand(Kind.LIST, d), "*", smallInt(), Typed.PRODUCT, Kind.LIST);
            case 12 -> Typed.primary(operand(Kind.LIST, d).asPrimary() + "[" + slice() + "]", Kind.LIST);
            case 13 -> method(operand(Kind.STR, d), "split", Kind.LIST);
            case 14 -> method(operand(Kind.STR, d), chance(0.5) ? "split" : "rsplit", Kind.LIST,
                    values.pick(new String[] {"','", "' '", "'a'", "', '", "'l'"}), chance(0.5) ? "1" : "-1");
            case 15 -> method(operand(Kind.STR, d), "splitlines", Kind.LIST);
            case 16 -> call("list", Kind.LIST, call("reversed", Kind.LIST, arg(sequence(d))).code());
            case 17 -> call("list", Kind.LIST, call("map", Kind.LIST, values.pick(new String[] {"str", "abs", "len",
                    "lambda v: v * 2", "lambda v: (v, v)", "int", "bool", "repr"}), arg(operand(Kind.LIST, d))).code());
            case 18 -> call("list", Kind.LIST, call("filter", Kind.LIST, values.pick(new String[] {"None", "bool",
                    "lambda v: v", "lambda v: isinstance(v, int)", "str.isdigit"}), arg(operand(Kind.LIST, d))).code());
            case 19 -> call("list", Kind.LIST, call("zip", Kind.LIST, arg(sequence(d)), arg(sequence(d))).code());
            case 20 -> call("list", Kind.LIST, chance(0.5) ? call("enumerate", Kind.LIST, arg(sequence(d))).code()
                    : call("enumerate", Kind.LIST, arg(sequence(d)), smallIntCode()).code());
            case 21 -> binary(Typed.primary("[" + arg(any(d)) + "]", Kind.LIST), "*", smallInt(), Typed.PRODUCT, Kind.LIST);
            case 22 -> modules.list(d);
            case 23 -> method(operand(Kind.LIST, d), "copy", Kind.LIST);
            case 24 -> Typed.primary("[*" + sequence(d).at(Typed.BIT_OR) + ", *" + sequence(d).at(Typed.BIT_OR) + "]",
                    Kind.LIST);
            case 25 -> Typed.primary("[(" + arg(leaf(Kind.LIST)) + ".append(" + arg(values.scalar()) + ")), "
                    + arg(leaf(Kind.LIST)) + "]", Kind.LIST);
            case 26 -> call("sorted", Kind.LIST, arg(operand(Kind.LIST, d)), "key=lambda v: (v is None, str(v))");
            case 27 -> call("list", Kind.LIST, call("zip", Kind.LIST, arg(sequence(d)), arg(sequence(d)),
                    arg(sequence(d))).code());
            case 28 -> call("sorted", Kind.LIST, method(leaf(Kind.DICT), "items", Kind.LIST).code(),
                    "key=lambda kv: str(kv[1])");
            default -> Typed.primary("[" + arg(any(d)) + " for _ in " + range() + "]", Kind.LIST);
        };
    }

    private Typed tuple(int d) {
        return switch (pick(10)) {
            case 0 -> values.of(Kind.TUPLE, 1);
            case 1, 2 -> display("(", ")", d);
            case 3 -> call("tuple", Kind.TUPLE, arg(sequence(d)));
            case 4 -> call("divmod", Kind.TUPLE, arg(number(d)), arg(number(d)));
            case 5 -> method(operand(Kind.STR, d), chance(0.5) ? "partition" : "rpartition", Kind.TUPLE,
                    values.pick(new String[] {"' '", "','", "'l'", "''"}));
            case 6 -> binary(operand(Kind.TUPLE, d), "+", operand(Kind.TUPLE, d), Typed.SUM, Kind.TUPLE);
            case 7 -> Typed.primary(operand(Kind.TUPLE, d).asPrimary() + "[" + slice() + "]", Kind.TUPLE);
            case 8 -> method(operand(Kind.FLOAT, d), "as_integer_ratio", Kind.TUPLE);
            default -> Typed.primary("(" + arg(any(d)) + ", " + arg(any(d)) + ")", Kind.TUPLE);
        };
    }

    private Typed dict(int d) {
        return switch (pick(16)) {
            case 0 -> values.of(Kind.DICT, 1);
            case 1 -> values.record();
            case 2, 3 -> dictComprehension(d);
            case 4 -> call("dict", Kind.DICT, call("zip", Kind.LIST, arg(values.homogeneousList(Kind.STR)),
                    arg(operand(Kind.LIST, d))).code());
            case 5 -> call("dict", Kind.DICT, arg(leaf(Kind.DICT)), "extra=" + arg(values.scalar()));
            case 6 -> call("dict", Kind.DICT, "a=" + arg(values.scalar()), "b=" + arg(values.scalar()));
            case 7 -> Typed.primary("{**" + operand(Kind.DICT, d).at(Typed.BIT_OR) + ", **"
                    + operand(Kind.DICT, d).at(Typed.BIT_OR) + "}", Kind.DICT);
            case 8 -> binary(operand(Kind.DICT, d), "|", operand(Kind.DICT, d), Typed.BIT_OR, Kind.DICT);
            case 9 -> call("dict.fromkeys", Kind.DICT, arg(values.homogeneousList(Kind.STR)), arg(values.scalar()));
            case 10 -> modules.dict(d);
            case 11 -> call("dict", Kind.DICT, arg(operand(Kind.LIST, d)));
            case 12 -> call("dict", Kind.DICT, call("enumerate", Kind.LIST, arg(sequence(d))).code());
            case 13 -> method(operand(Kind.DICT, d), "copy", Kind.DICT);
            case 14 -> Typed.primary("{" + values.pick(RandomValues.KEYS) + ": " + arg(any(d)) + ", "
                    + values.pick(RandomValues.ODD_KEYS) + ": " + arg(any(d)) + "}", Kind.DICT);
            default -> Typed.primary(method(leaf(Kind.DICT), "get", Kind.DICT, values.pick(RandomValues.KEYS),
                    "{}").code(), Kind.DICT);
        };
    }

    // ---------------------------------------------------------------- displays and comprehensions

    private Typed display(String open, String close, int d) {
        int n = pick(4);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(chance(0.1) ? "*" + sequence(d).at(Typed.BIT_OR) : arg(any(d)));
        }
        String body = String.join(", ", items);
        if (open.equals("(") && n == 1) {
            body += ",";
        }
        return Typed.primary(open + body + close, open.equals("[") ? Kind.LIST : Kind.TUPLE);
    }

    /** Something to iterate over and the kind of its items. */
    record Iterable(String code, Kind item) {
    }

    Iterable iterable(int d) {
        Iterable it = anyIterable(d);
        // a bare name is iterated through a copy: an element expression that appends to it cannot make it endless
        return it.code().matches("[A-Za-z_]\\w*") ? new Iterable("list(" + it.code() + ")", it.item()) : it;
    }

    private Iterable anyIterable(int d) {
        return switch (pick(7)) {
            case 0 -> new Iterable(range(), Kind.INT);
            case 1 -> new Iterable(values.homogeneousList(Kind.INT).code(), Kind.INT);
            case 2 -> new Iterable(values.homogeneousList(Kind.STR).code(), Kind.STR);
            case 3 -> new Iterable(operand(Kind.STR, d).at(Typed.OR), Kind.STR);
            case 4 -> new Iterable(operand(Kind.DICT, d).at(Typed.OR), Kind.STR);
            case 5 -> new Iterable(values.homogeneousList(Kind.FLOAT).code(), Kind.FLOAT);
            default -> new Iterable(operand(Kind.LIST, d).at(Typed.OR), anyKind());
        };
    }

    String range() {
        return switch (pick(4)) {
            case 0 -> "range(" + pick(6) + ")";
            case 1 -> "range(" + (pick(5) - 2) + ", " + pick(8) + ")";
            case 2 -> "range(" + pick(10) + ", " + (pick(8) - 3) + ", " + values.pick(new String[] {"-1", "-2", "3", "2"}) + ")";
            default -> "range(" + values.pick(RandomValues.SMALL_INTS) + ")";
        };
    }

    /** {@code for name in <iterable> [if cond]}, with {@code name} bound while the rest is generated. */
    private String clause(String name, Iterable it, int d) {
        env.bind(name, it.item());
        String cond = chance(0.35) ? " if " + expr(Kind.BOOL, d).at(Typed.OR) : "";
        return "for " + name + " in " + it.code() + cond;
    }

    /** A generator expression, parenthesized (valid as the only argument of a call). */
    String generator(String name, Kind wanted, int d) {
        Iterable it = iterable(d);
        String clause = clause(name, it, d);
        String elt = expr(wanted, d).at(Typed.OR);
        env.unbind(name);
        return "(" + elt + " " + clause + ")";
    }

    private Typed listComprehension(int d) {
        Iterable it = iterable(d);
        String clause = clause("v", it, d);
        String second = "";
        if (chance(0.2)) {
            second = " " + clause("w", iterable(d), d);
        }
        String elt = any(d).at(Typed.OR);
        env.unbind("v");
        env.unbind("w");
        return Typed.primary("[" + elt + " " + clause + second + "]", Kind.LIST);
    }

    /** A set comprehension, sorted: its items are all numbers or all strs, so the order is Python's own. */
    private Typed setComprehension(int d) {
        boolean numbers = chance(0.6);
        Iterable it = numbers ? new Iterable(chance(0.5) ? range() : values.homogeneousList(Kind.INT).code(), Kind.INT)
                : new Iterable(values.homogeneousList(Kind.STR).code(), Kind.STR);
        String clause = clause("v", it, d);
        String elt = numbers ? binary(Typed.primary("v", Kind.INT), values.pick(new String[] {"%", "//", "*", "+"}),
                number(values.pick(new String[] {"2", "3", "-2"})), Typed.PRODUCT, Kind.INT).code()
                : values.pick(new String[] {"v.lower()", "v[:1]", "v.strip()", "v * 2", "len(v)"});
        env.unbind("v");
        return call("sorted", Kind.LIST, "{" + elt + " " + clause + "}");
    }

    private Typed dictComprehension(int d) {
        if (chance(0.5)) {
            Typed source = operand(Kind.DICT, d);
            env.bind("k", Kind.STR);
            env.bind("v", anyKind());
            String cond = chance(0.4) ? " if " + expr(Kind.BOOL, d).at(Typed.OR) : "";
            String key = chance(0.7) ? "k" : expr(Kind.STR, d).at(Typed.OR);
            String value = any(d).at(Typed.OR);
            env.unbind("k");
            env.unbind("v");
            return Typed.primary("{" + key + ": " + value + " for k, v in " + source.asPrimary() + ".items()" + cond + "}",
                    Kind.DICT);
        }
        Iterable it = iterable(d);
        String clause = clause("v", it, d);
        String key = expr(it.item() == Kind.FLOAT ? Kind.STR : it.item(), d).at(Typed.OR);
        String value = any(d).at(Typed.OR);
        env.unbind("v");
        return Typed.primary("{" + key + ": " + value + " " + clause + "}", Kind.DICT);
    }

    /** A subscript index: mostly small, sometimes negative or out of range. */
    String index() {
        return values.pick(new String[] {"0", "1", "-1", "2", "-2", "5", "-10", "True"});
    }

    String slice() {
        String[] bounds = {"", "", "1", "-1", "2", "-3", "10", "0", "None"};
        String s = values.pick(bounds) + ":" + values.pick(bounds);
        if (chance(0.35)) {
            s += ":" + values.pick(new String[] {"2", "-1", "-2", "3", "", "None"});
        }
        return s;
    }
}
