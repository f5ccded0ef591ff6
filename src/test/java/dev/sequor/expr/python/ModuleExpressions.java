package dev.sequor.expr.python;

import static dev.sequor.expr.python.ExpressionGenerator.arg;

import dev.sequor.expr.python.Typed.Kind;

/**
 * Random uses of the modules snippets import: json, hashlib, base64, urllib.parse and math. Each use records its
 * import in the case's {@link GenEnv}, which then becomes a function body that imports first.
 */
final class ModuleExpressions {

    static final String[] JSON_TEXTS = {"'{\"a\": 1, \"b\": [1.5, null, true]}'", "'[1, 2'", "'nope'", "'1e400'",
            "'\"\\\\u00e9\"'", "'12345678901234567890'", "'-0'", "'-0.0'", "'1.0'", "'{\"a\": {\"b\": []}}'", "'[]'",
            "'  3 '", "'{\"k\": 1, \"k\": 2}'", "'\"tab\\\\there\"'", "'[1, 2] x'", "'NaN'", "'{\"id\": 9007199254740993}'",
            "'0.1'", "'1E5'", "''", "'{\"a\" 1}'", "'\"\\\\ud83d\\\\ude00\"'", "'[\"日本\"]'", "'true'", "'null'"};
    static final String[] B64_TEXTS = {"'aGVsbG8='", "'aGVsbG8'", "'w6k='", "''", "'YWJj'", "'4pyTIMOgIGxhIG1vZGU='",
            "'not base64!'", "'YQ=='", "b'YWJj'", "'_-8='"};
    static final String[] HASHES = {"md5", "sha1", "sha256"};

    private final ExpressionGenerator g;

    ModuleExpressions(ExpressionGenerator g) {
        this.g = g;
    }

    private String module(String name) {
        g.env.require("import " + name);
        return name;
    }

    Typed string(int d) {
        return switch (g.pick(12)) {
            case 0, 1 -> jsonDumps(d);
            case 2, 3 -> Typed.primary(module("hashlib") + "." + g.values.pick(HASHES) + "(" + encoded(d)
                    + ").hexdigest()", Kind.STR);
            case 4 -> Typed.primary(module("base64") + "." + g.values.pick(new String[] {"b64encode", "urlsafe_b64encode",
                    "b64encode"}) + "(" + encoded(d) + ").decode()", Kind.STR);
            case 5 -> Typed.primary(module("base64") + ".b64decode(" + g.values.pick(B64_TEXTS) + ").decode()", Kind.STR);
            case 6, 7 -> quote(d);
            case 8 -> Typed.primary(module("urllib.parse") + ".urlencode(" + arg(g.chance(0.5)
                    ? g.expr(Kind.DICT, d) : Typed.primary("{'q': 'a b&c', 'n': 1, 'é': None, 'f': 1.5}", Kind.DICT))
                    + ")", Kind.STR);
            case 9 -> Typed.primary(module("urllib.parse") + ".urlencode({'ids': [1, 2], 'tag': ('a', 'b c')}, doseq="
                    + g.values.pick(new String[] {"True", "False"}) + ")", Kind.STR);
            case 10 -> Typed.primary(module("urllib.parse") + "." + g.values.pick(new String[] {"unquote", "unquote_plus"})
                    + "(" + g.values.pick(new String[] {"'%C3%A9t%C3%A9'", "'a+b%20c'", "'%zz'", "'100%'", "'%E2%82'"})
                    + ")", Kind.STR);
            default -> Typed.primary(module("hashlib") + ".sha256(" + encoded(d) + ").hexdigest()[:" + g.pick(12) + "]",
                    Kind.STR);
        };
    }

    Typed integer(int d) {
        return switch (g.pick(5)) {
            case 0 -> Typed.primary(module("math") + "." + g.values.pick(new String[] {"floor", "ceil", "trunc"}) + "("
                    + arg(g.operand(Kind.FLOAT, d)) + ")", Kind.INT);
            case 1 -> Typed.primary(module("math") + ".gcd(" + arg(g.operand(Kind.INT, d)) + ", "
                    + arg(g.operand(Kind.INT, d)) + ")", Kind.INT);
            case 2 -> Typed.primary(module("json") + ".loads(" + g.values.pick(new String[] {"'12345678901234567890'",
                    "'-0'", "'7'"}) + ")", Kind.INT);
            case 3 -> Typed.primary("len(" + module("hashlib") + ".md5(" + encoded(d) + ").digest())", Kind.INT);
            default -> Typed.primary(module("math") + ".isqrt(" + arg(g.operand(Kind.INT, d)) + ")", Kind.INT);
        };
    }

    Typed floating(int d) {
        return switch (g.pick(8)) {
            case 0 -> Typed.primary(module("math") + ".sqrt(" + arg(g.operand(Kind.FLOAT, d)) + ")", Kind.FLOAT);
            case 1 -> Typed.primary(module("math") + "." + g.values.pick(new String[] {"pi", "e", "inf", "tau"}), Kind.FLOAT);
            case 2 -> Typed.primary(module("math") + "." + g.values.pick(new String[] {"log", "log10", "log2", "exp", "fabs"})
                    + "(" + arg(g.operand(Kind.FLOAT, d)) + ")", Kind.FLOAT);
            case 3 -> Typed.primary(module("math") + ".log(" + arg(g.operand(Kind.INT, d)) + ", 2)", Kind.FLOAT);
            case 4 -> Typed.primary(module("math") + ".pow(" + arg(g.operand(Kind.FLOAT, d)) + ", " + g.smallIntCode() + ")",
                    Kind.FLOAT);
            case 5 -> Typed.primary(module("json") + ".loads(" + g.values.pick(new String[] {"'1e400'", "'0.1'", "'-0.0'",
                    "'1E5'", "'2.50'"}) + ")", Kind.FLOAT);
            case 6 -> Typed.primary(module("math") + ".fsum(" + arg(g.values.homogeneousList(Kind.FLOAT)) + ")", Kind.FLOAT);
            default -> Typed.primary(module("math") + ".copysign(1.0, " + arg(g.operand(Kind.FLOAT, d)) + ")", Kind.FLOAT);
        };
    }

    Typed bool(int d) {
        return switch (g.pick(3)) {
            case 0 -> Typed.primary(module("math") + ".isclose(" + arg(g.operand(Kind.FLOAT, d)) + ", "
                    + arg(g.operand(Kind.FLOAT, d)) + ")", Kind.BOOL);
            case 1 -> Typed.primary(module("math") + "." + g.values.pick(new String[] {"isnan", "isinf", "isfinite"}) + "("
                    + arg(g.operand(Kind.FLOAT, d)) + ")", Kind.BOOL);
            default -> Typed.primary(module("json") + ".loads(" + g.values.pick(new String[] {"'true'", "'false'"}) + ")",
                    Kind.BOOL);
        };
    }

    Typed list(int d) {
        return switch (g.pick(3)) {
            case 0 -> Typed.primary(module("json") + ".loads(" + g.values.pick(JSON_TEXTS) + ")", Kind.LIST);
            case 1 -> Typed.primary(module("json") + ".loads(" + module("json") + ".dumps(" + arg(g.any(d)) + "))",
                    Kind.LIST);
            default -> Typed.primary(module("base64") + ".b64decode(" + g.values.pick(B64_TEXTS) + ")", Kind.LIST);
        };
    }

    Typed dict(int d) {
        return Typed.primary(module("json") + ".loads(" + g.values.pick(new String[] {
                "'{\"a\": 1, \"b\": [1.5, null, true]}'", "'{\"a\": {\"b\": []}}'", "'{\"k\": 1, \"k\": 2}'",
                "'{\"id\": 9007199254740993}'", "'{\"a\" 1}'", "'{}'"}) + ")", Kind.DICT);
    }

    private Typed jsonDumps(int d) {
        String value = arg(g.chance(0.3) ? g.values.record() : g.any(d));
        String options = g.values.pick(new String[] {"", "", ", sort_keys=True", ", indent=2", ", separators=(',', ':')",
                ", ensure_ascii=False", ", default=str", ", indent=0", ", sort_keys=True, indent=1"});
        return Typed.primary(module("json") + ".dumps(" + value + options + ")", Kind.STR);
    }

    private Typed quote(int d) {
        String function = g.values.pick(new String[] {"quote", "quote_plus", "quote"});
        String safe = g.values.pick(new String[] {"", "", ", safe=''", ", safe='/:'"});
        String target = g.chance(0.7) ? arg(g.operand(Kind.STR, d))
                : g.values.pick(new String[] {"'a b/c?d=e&f'", "'é ü'", "'~-._'", "'x+y'", "b'a b'"});
        if (g.chance(0.4)) {
            g.env.require("from urllib.parse import " + function);
            return Typed.primary(function + "(" + target + safe + ")", Kind.STR);
        }
        return Typed.primary(module("urllib.parse") + "." + function + "(" + target + safe + ")", Kind.STR);
    }

    /** Bytes to hash or encode: mostly {@code s.encode()}, sometimes a bytes literal or a str (TypeError). */
    private String encoded(int d) {
        return switch (g.pick(6)) {
            case 0 -> g.values.pick(new String[] {"b'abc'", "b''", "b'\\x00\\xff'"});
            case 1 -> arg(g.operand(Kind.STR, d));
            case 2 -> g.operand(Kind.STR, d).asPrimary() + ".encode('utf-8')";
            default -> g.operand(Kind.STR, d).asPrimary() + ".encode()";
        };
    }
}
