package dev.sequor.expr.python;

import dev.sequor.expr.python.Typed.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * Random JSON-like Python values written as literals: the edge values where a Java evaluator is most likely to
 * differ from Python (zero and negative zero, ints past 2**63, floats whose repr switches to exponent notation,
 * non-BMP characters, quotes and backslashes, numeric strings, int keys that equal bool keys...).
 */
final class RandomValues {

    static final String[] INTS = {"0", "1", "-1", "2", "3", "5", "7", "10", "42", "-5", "-12", "100", "255", "1000",
            "123456", "-7", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "-9223372036854775809", "18446744073709551616", "123456789012345678901234567890", "-99999999999999999999",
            "True", "False"};
    /** Ints that are safe as repeat counts, shifts, exponents and indexes. */
    static final String[] SMALL_INTS = {"0", "1", "2", "3", "-1", "-2", "4", "5"};
    static final String[] FLOATS = {"0.0", "0.1", "0.5", "1.0", "1.5", "-2.5", "2.675", "3.14159", "1e16", "1e-05",
            "-0.0", "15000000000.0", "float('inf')", "float('-inf')", "1e22", "123456.789", "0.30000000000000004",
            "-1.25", "2.5", "1e+300", "5e-324", "9007199254740993.0", "100.0", "0.125", "1234.5678", "1e-07",
            "12345678.9", "0.0001", "-3.0", "4.35"};
    static final String[] STRS = {"''", "'a'", "'abc'", "'Hello World'", "'  padded  '", "'42'", "'-7'", "'3.14'",
            "'1e3'", "'héllo'", "'naïve café'", "'日本語'", "'😀 smile'", "\"it's\"", "'say \"hi\"'", "'a,b,c'",
            "'line1\\nline2'", "'tab\\there'", "'back\\\\slash'", "'UPPER'", "'MiXeD cAsE'", "'x y  z'", "'a-b_c'",
            "'0'", "'True'", "'None'", "'foo@example.com'", "'100%'", "'{}'", "' '", "'ß'", "'İstanbul'",
            "'ﬁne'", "'١٢٣'", "'0x1F'", "'  42  '", "'1_000'", "'ABC def'", "'title case words'", "'e\\u0301'"};
    static final String[] KEYS = {"'a'", "'b'", "'id'", "'name'", "'x'", "'count'", "'price'", "'tags'", "''", "'é'"};
    static final String[] ODD_KEYS = {"1", "0", "True", "False", "1.0", "-1", "None", "(1, 2)"};
    /** Homogeneous element pools for sets (sorting a mixed set would depend on its iteration order). */
    static final String[] SET_INTS = {"0", "1", "2", "3", "5", "8", "13", "-1", "-4", "100", "9223372036854775808"};
    static final String[] SET_STRS = {"'a'", "'b'", "'c'", "'ab'", "'B'", "''", "'é'", "'z'", "'10'", "'9'"};

    private final Random rnd;

    RandomValues(Random rnd) {
        this.rnd = rnd;
    }

    String pick(String[] pool) {
        return pool[rnd.nextInt(pool.length)];
    }

    Typed any(int depth) {
        Kind[] kinds = Kind.values();
        return of(kinds[rnd.nextInt(kinds.length)], depth);
    }

    /** A scalar: None, bool, int, float or str. */
    Typed scalar() {
        return of(new Kind[] {Kind.NONE, Kind.BOOL, Kind.INT, Kind.INT, Kind.FLOAT, Kind.STR, Kind.STR}[rnd.nextInt(7)], 0);
    }

    Typed of(Kind kind, int depth) {
        return switch (kind) {
            case NONE -> Typed.primary("None", Kind.NONE);
            case BOOL -> Typed.primary(rnd.nextBoolean() ? "True" : "False", Kind.BOOL);
            case INT -> number(pick(INTS), Kind.INT);
            case FLOAT -> number(pick(FLOATS), Kind.FLOAT);
            case STR -> Typed.primary(pick(STRS), Kind.STR);
            case LIST -> Typed.primary(elements(depth, "[", "]"), Kind.LIST);
            case TUPLE -> Typed.primary(tuple(depth), Kind.TUPLE);
            case DICT -> Typed.primary(dict(depth), Kind.DICT);
        };
    }

    /** A list literal whose items are all ints, all floats or all strs: what sum(), sorted(), join() take. */
    Typed homogeneousList(Kind element) {
        int n = rnd.nextInt(5);
        StringJoiner items = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < n; i++) {
            items.add(element == Kind.INT ? pick(SMALL_OR_ANY_INTS) : of(element, 0).code());
        }
        return Typed.primary(items.toString(), Kind.LIST);
    }

    private static final String[] SMALL_OR_ANY_INTS = {"0", "1", "2", "3", "-1", "7", "10", "42", "-5", "100", "255",
            "9223372036854775807", "18446744073709551616", "True"};

    /** A set display of ints or of strs only, so that sorted() of it does not depend on iteration order. */
    String homogeneousSet() {
        String[] pool = rnd.nextBoolean() ? SET_INTS : SET_STRS;
        int n = 1 + rnd.nextInt(4);
        StringJoiner items = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < n; i++) {
            items.add(pick(pool));
        }
        return items.toString();
    }

    /** A JSON record like the rows APIs return. */
    Typed record() {
        StringJoiner fields = new StringJoiner(", ", "{", "}");
        fields.add("'id': " + pick(new String[] {"1", "2", "42", "'cus_9'", "None"}));
        fields.add("'name': " + pick(new String[] {"'Ann'", "'Bob'", "''", "None", "'Zoë'"}));
        if (rnd.nextBoolean()) {
            fields.add("'price': " + pick(new String[] {"9.99", "0.1", "10", "'12.50'", "None", "1e16"}));
        }
        if (rnd.nextBoolean()) {
            fields.add("'tags': " + homogeneousList(Kind.STR).code());
        }
        if (rnd.nextBoolean()) {
            fields.add("'active': " + (rnd.nextBoolean() ? "True" : "False"));
        }
        return Typed.primary(fields.toString(), Kind.DICT);
    }

    private String elements(int depth, String open, String close) {
        int n = rnd.nextInt(depth > 0 ? 5 : 3);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(depth > 0 && rnd.nextInt(4) == 0 ? any(depth - 1).code() : scalar().code());
        }
        return open + String.join(", ", items) + close;
    }

    private String tuple(int depth) {
        String t = elements(depth, "(", ")");
        return t.indexOf(',') < 0 && !t.equals("()") ? t.substring(0, t.length() - 1) + ",)" : t;
    }

    private String dict(int depth) {
        if (rnd.nextInt(4) == 0) {
            return record().code();
        }
        int n = rnd.nextInt(4);
        StringJoiner entries = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < n; i++) {
            String key = rnd.nextInt(6) == 0 ? pick(ODD_KEYS) : pick(KEYS);
            String value = depth > 0 && rnd.nextInt(3) == 0 ? any(depth - 1).code() : scalar().code();
            entries.add(key + ": " + value);
        }
        return entries.toString();
    }

    private static Typed number(String literal, Kind kind) {
        if (literal.startsWith("-")) {
            return new Typed(literal, kind, Typed.UNARY);
        }
        return new Typed(literal, kind, literal.startsWith("float(") || literal.equals("True")
                || literal.equals("False") ? Typed.PRIMARY : Typed.NUMBER);
    }
}
