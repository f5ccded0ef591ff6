package dev.sequor.expr.python;

import dev.sequor.expr.python.Typed.Kind;

/**
 * Expressions that raise on purpose, one per common mistake in a snippet: a missing key or index, a bad
 * conversion, a division by zero, a wrong type, a missing attribute, a wrong call. The error type and message must
 * be Python's to the letter, since flows show them to users.
 */
final class ErrorExpressions {

    private static final String[] FIXED = {"{'a': 1}['missing']", "[1, 2, 3][10]", "'abc'[5]", "()[0]", "[][-1]",
            "int('x')", "int('3.5')", "int('')", "float('abc')", "int(None)", "float([])", "int('1e3')",
            "1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "1.5 // 0.0", "2.5 % 0", "0 ** -1", "0.0 ** -1", "divmod(1, 0)",
            "'a' + 1", "1 + 'a'", "[] + ()", "None + 1", "-'a'", "'a' * 'b'", "{} + {}", "len(5)", "sum(['a'])",
            "abs('x')", "sorted([1, 'a'])", "max([])", "min(1)", "[].pop()", "{}.pop('a')", "'abc'.index('z')",
            "[1].index(2)", "[1].remove(5)", "'a'.nope", "None.x", "(1).foo", "None()", "'abc'()", "'abc'[::0]",
            "[1, 2][1.5]", "{[1]: 2}", "{'a': 1}[[1]]", "undefined_name", "'{} {}'.format(1)", "'%d' % 'x'",
            "'%s %s' % (1,)", "'%s' % (1, 2)", "f'{\"x\":d}'", "f'{5:s}'", "f'{1.5:d}'", "f'{[1]:>5}'",
            "chr(-1)", "chr(1114112)", "round(float('inf'))", "int(float('nan'))", "int(float('inf'))",
            "range(0, 10, 0)", "list(5)", "dict([1, 2])", "isinstance(1, 'int')", "tuple(1)", "list(zip(1))",
            "int('10', 1)", "'a' < 1", "None < None", "[1] < ['a']", "{} < {}", "1 in 5", "'a' in ['a', 1] + 'b'",
            "'abc'.split('')", "', '.join([1, 2])", "'x'.center()", "len()", "len(1, 2)", "'a'.upper(1)", "[].append()",
            "{'a': 1}.get()", "{}.popitem()", "float('1e500') * 0", "10 ** 400 / 1.5", "float(10 ** 400)",
            "2.0 ** 10000", "1e308 * 10", "'abc'.encode('nope')", "b'\\xff'.decode()", "'x'.zfill('3')",
            "[1, 2, 3][1:2:0]", "'ab' * 2.0", "[0] * 'x'", "{'a'} + {'b'}", "hash([])", "int([])", "str(1, 2)",
            "sorted([None, 1])", "max(1, 'a')", "min([], default=0)", "list(range(3))[3]", "(1, 2).index(3)",
            "'a'.join('b', 'c')", "{'a': 1}.keys()[0]", "'abc'.count()", "[3, 1].sort(reverse=None)",
            "'%(a)s' % {'b': 1}", "'%z' % 1", "'{0:{1}}'.format(1, 'q')", "'{a}'.format(1)", "'{'.format(1)",
            "'}'.format(1)", "int('0b101', 0)", "int('0b101', 2)", "int(' 0x1F ', 16)", "float('1_000.5')",
            "int('1__0')", "round(1.5, 'x')", "abs(None)", "bool(1, 2)", "enumerate(1)", "reversed(5)", "list(reversed({'a': 1, 'b': 2}))",
            "next(iter([]))", "'a'.replace()", "'x' - 'y'", "[1] - [1]", "~1.5", "1 << -1", "1 >> -1", "1.5 & 1",
            "divmod(1.0, 0.0)", "pow(0, -1)", "pow(2, 3, 0)", "[1][None]", "'s'[None:None:None]", "{}['']",
            "{1: 'a'}['1']", "{True: 'a'}[1]", "{1.0: 'x'}[1]", "(lambda: 1)(2)", "(lambda a, b=1: a)()",
            "(lambda *a, k: k)(1)", "(lambda **kw: kw)(1)", "dict(a=1, **{'a': 2})", "sum([1], start='')",
            "sum([[1], [2]], [])", "sum(['a', 'b'], '')", "max(key=len)", "sorted(1)", "'ab'.startswith(1)",
            "'ab'.split(1)", "'abc'[1:2:'x']", "'x'.ljust(3, 'ab')", "'%c' % 'ab'", "'%c' % 1114112"};

    private final ExpressionGenerator g;

    ErrorExpressions(ExpressionGenerator g) {
        this.g = g;
    }

    /** A fixed error case, or a random value put to a use that fails. */
    Typed error(int d) {
        return switch (g.pick(6)) {
            case 0 -> Typed.primary(g.expr(Kind.DICT, d).asPrimary() + "[" + g.values.pick(new String[] {"'missing'",
                    "'id'", "0", "None", "'é'"}) + "]", Kind.NONE);
            case 1 -> Typed.primary(g.sequence(d).asPrimary() + "[" + g.values.pick(new String[] {"3", "-4", "100",
                    "'a'", "None", "1.0"}) + "]", Kind.NONE);
            case 2 -> Typed.primary(g.any(d).asPrimary() + "." + g.values.pick(new String[] {"nope", "upper()",
                    "append(1)", "keys()", "real", "get('a')", "items()"}), Kind.NONE);
            default -> new Typed(g.values.pick(FIXED), Kind.NONE, Typed.COMPARE);
        };
    }
}
