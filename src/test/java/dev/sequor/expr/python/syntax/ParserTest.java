package dev.sequor.expr.python.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequor.expr.python.syntax.Node.*;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trees for accepted snippets, in {@link NodePrinter}'s notation: an expression snippet prints as its expression,
 * a function body as {@code [statements]}. The expected trees were checked against CPython's {@code ast} for the
 * same code, wrapped the way Sequor wraps snippets.
 */
class ParserTest {

    private static void check(String code, String expected) {
        assertEquals(expected, NodePrinter.print(Parser.parseSnippet(code)), code);
    }

    @Test
    void snippetsSequorUsersWrite() {
        check("pagination = response.json()[\"meta\"][\"pagination\"]\ncurrent_page = pagination[\"current_page\"];\ntotal_pages = pagination[\"total_pages\"];\nreturn current_page < total_pages",
                "[Assign([pagination], Subscript(Subscript(Call(Attribute(response, json), [], []), 'meta'), 'pagination')), Assign([current_page], Subscript(pagination, 'current_page')), Assign([total_pages], Subscript(pagination, 'total_pages')), Return(Compare(current_page < total_pages))]");
        check("email = var('customer')['email']\nimport hashlib\nsubscriber_hash = hashlib.md5(email.lower().encode()).hexdigest()\nreturn \"https://x.api.mailchimp.com/3.0/lists/abc/members/\" + subscriber_hash",
                "[Assign([email], Subscript(Call(var, ['customer'], []), 'email')), Import(hashlib), Assign([subscriber_hash], Call(Attribute(Call(Attribute(hashlib, md5), [Call(Attribute(Call(Attribute(email, lower), [], []), encode), [], [])], []), hexdigest), [], [])), Return(BinOp('https://x.api.mailchimp.com/3.0/lists/abc/members/' + subscriber_hash))]");
        check("response.json().get('has_more')  # trailing comment",
                "Call(Attribute(Call(Attribute(response, json), [], []), get), ['has_more'], [])");
        check("[{\"id\": r[\"id\"], **r} for r in response.json()[\"data\"] if r.get(\"active\")]",
                "ListComp(Dict{'id': Subscript(r, 'id'), **r} for r in Subscript(Call(Attribute(response, json), [], []), 'data') if Call(Attribute(r, get), ['active'], []))");
        check("f\"{a!r:>10} {b:.2f} {{x}}\"",
                "JoinedStr(FormattedValue(a, !r, JoinedStr('>10')), ' ', FormattedValue(b, JoinedStr('.2f')), ' {x}')");
        check("sorted(rows, key=lambda r: (r[\"a\"], -r[\"b\"]))",
                "Call(sorted, [rows], [key=Lambda((r), Tuple(Subscript(r, 'a'), UnaryOp(- Subscript(r, 'b'))))])");
        check("lambda r: r[\"id\"]",
                "Lambda((r), Subscript(r, 'id'))");
        check("\n  var('base_url') + '/items'\n",
                "BinOp(Call(var, ['base_url'], []) + '/items')");
        check("x = a[\"b\"];",
                "[Assign([x], Subscript(a, 'b'))]");
        check("data = response.json()\nif not data[\"items\"]:\n    return None\nreturn [\n    {\"id\": i[\"id\"], \"name\": i.get(\"name\", \"\")}\n    for i in data[\"items\"]\n]",
                "[Assign([data], Call(Attribute(response, json), [], [])), If(UnaryOp(not Subscript(data, 'items')), [Return(None)], []), Return(ListComp(Dict{'id': Subscript(i, 'id'), 'name': Call(Attribute(i, get), ['name', ''], [])} for i in Subscript(data, 'items')))]");
    }

    @Test
    void precedenceAndAssociativity() {
        check("-2**2",
                "UnaryOp(- BinOp(2 ** 2))");
        check("2**-1",
                "BinOp(2 ** UnaryOp(- 1))");
        check("a ** b ** c",
                "BinOp(a ** BinOp(b ** c))");
        check("(-2)**2",
                "BinOp(UnaryOp(- 2) ** 2)");
        check("not a in b",
                "UnaryOp(not Compare(a in b))");
        check("not a == b",
                "UnaryOp(not Compare(a == b))");
        check("a < b < c",
                "Compare(a < b < c)");
        check("a <= b >= c != d",
                "Compare(a <= b >= c != d)");
        check("a is not b",
                "Compare(a is not b)");
        check("a not in b",
                "Compare(a not in b)");
        check("x if y else z",
                "IfExp(y, x, z)");
        check("a if b else c if d else e",
                "IfExp(b, a, IfExp(d, c, e))");
        check("a + b * c",
                "BinOp(a + BinOp(b * c))");
        check("(a + b) * c",
                "BinOp(BinOp(a + b) * c)");
        check("a - b - c",
                "BinOp(BinOp(a - b) - c)");
        check("a // b % c @ d / e",
                "BinOp(BinOp(BinOp(BinOp(a // b) % c) @ d) / e)");
        check("a << b >> c",
                "BinOp(BinOp(a << b) >> c)");
        check("a | b ^ c & d",
                "BinOp(a | BinOp(b ^ BinOp(c & d)))");
        check("a & b << c + d",
                "BinOp(a & BinOp(b << BinOp(c + d)))");
        check("a and b and c",
                "BoolOp(and, [a, b, c])");
        check("a or b or c",
                "BoolOp(or, [a, b, c])");
        check("a and b or c and d",
                "BoolOp(or, [BoolOp(and, [a, b]), BoolOp(and, [c, d])])");
        check("a or b and c",
                "BoolOp(or, [a, BoolOp(and, [b, c])])");
        check("not a and not b",
                "BoolOp(and, [UnaryOp(not a), UnaryOp(not b)])");
        check("not not a",
                "UnaryOp(not UnaryOp(not a))");
        check("-~+a",
                "UnaryOp(- UnaryOp(~ UnaryOp(+ a)))");
        check("a < b and b < c or d",
                "BoolOp(or, [BoolOp(and, [Compare(a < b), Compare(b < c)]), d])");
        check("lambda: a if b else c",
                "Lambda((), IfExp(b, a, c))");
        check("a if b else lambda: c",
                "IfExp(b, a, Lambda((), c))");
        check("-a ** -b",
                "UnaryOp(- BinOp(a ** UnaryOp(- b)))");
        check("a.b(c)[d].e",
                "Attribute(Subscript(Call(Attribute(a, b), [c], []), d), e)");
        check("a + b if c else d + e",
                "IfExp(c, BinOp(a + b), BinOp(d + e))");
        check("(a, b) if c else d",
                "IfExp(c, Tuple(a, b), d)");
    }

    @Test
    void numbersAndConstants() {
        check("0",
                "0");
        check("00",
                "0");
        check("0_0",
                "0");
        check("42",
                "42");
        check("1_000_000",
                "1000000");
        check("0x1F",
                "31");
        check("0XfF",
                "255");
        check("0o17",
                "15");
        check("0b1010",
                "10");
        check("0x_dead_beef",
                "3735928559");
        check("9223372036854775807",
                "9223372036854775807");
        check("9223372036854775808",
                "9223372036854775808(big)");
        check("123456789012345678901234567890",
                "123456789012345678901234567890(big)");
        check("0xffffffffffffffffff",
                "4722366482869645213695(big)");
        check("1.5",
                "1.5");
        check("1e5",
                "100000.0");
        check(".5",
                "0.5");
        check("5.",
                "5.0");
        check("1_0.0_1e1_0",
                "1.001E11");
        check("1.e5",
                "100000.0");
        check("01.5",
                "1.5");
        check("1e-3",
                "0.001");
        check("1E+5",
                "100000.0");
        check("1e400",
                "Infinity");
        check("0.1",
                "0.1");
        check("True",
                "True");
        check("False",
                "False");
        check("None",
                "None");
    }

    @Test
    void stringLiteralsPrefixesAndEscapes() {
        check("\"a\" \"b\"",
                "'ab'");
        check("'a' \"b\" '''c'''",
                "'abc'");
        check("'\\n\\t\\\\\\'\\\"'",
                "'\\n\\t\\\\\\'\"'");
        check("'\\x41\\u00e9\\U0001F600'",
                "'A\u00e9\ud83d\ude00'");
        check("'\\101\\0\\7\\377'",
                "'A\\x00\\x07\u00ff'");
        check("'\\d\\w\\8'",
                "'\\\\d\\\\w\\\\8'");
        check("'\\a\\b\\f\\v\\r'",
                "'\\x07\\x08\\x0c\\x0b\\r'");
        check("'a\\\nb'",
                "'ab'");
        check("r'\\d\\n'",
                "'\\\\d\\\\n'");
        check("R'\\''",
                "'\\\\\\''");
        check("r'a\\\nb'",
                "'a\\\\\\nb'");
        check("b'a' b'\\x00\\xff'",
                "b'a\\x00\u00ff'");
        check("b'\\u1234\\N'",
                "b'\\\\u1234\\\\N'");
        check("rb'\\x'",
                "b'\\\\x'");
        check("BR'x'",
                "b'x'");
        check("Rb'x'",
                "b'x'");
        check("u'x'",
                "'x'");
        check("U'x'",
                "'x'");
        check("\"\"\"a\nb\"\"\"",
                "'a\\nb'");
        check("'''x'''",
                "'x'");
        check("''",
                "''");
        check("b\"\"",
                "b''");
        check("q = \"\"\"\nSELECT *\n  FROM t\n\nWHERE x\n\"\"\"\nreturn q",
                "[Assign([q], '\\n    SELECT *\\n      FROM t\\n\\n    WHERE x\\n    '), Return(q)]");
        check("q = 'a\\\nb'\nreturn q",
                "[Assign([q], 'a    b'), Return(q)]");
        check("  q = \"\"\"a\n  b\"\"\"\n  return q",
                "[Assign([q], 'a\\n      b'), Return(q)]");
    }

    @Test
    void fStrings() {
        check("f\"{x}\"",
                "JoinedStr(FormattedValue(x))");
        check("f\"a{x}b{y}c\"",
                "JoinedStr('a', FormattedValue(x), 'b', FormattedValue(y), 'c')");
        check("f\"{x!r}\"",
                "JoinedStr(FormattedValue(x, !r))");
        check("f\"{x!s:>{w}}\"",
                "JoinedStr(FormattedValue(x, !s, JoinedStr('>', FormattedValue(w))))");
        check("f\"{x!a}\"",
                "JoinedStr(FormattedValue(x, !a))");
        check("f\"{x=}\"",
                "JoinedStr('x=', FormattedValue(x, !r))");
        check("f\"{ x = }\"",
                "JoinedStr(' x = ', FormattedValue(x, !r))");
        check("f\"a{x=}b\"",
                "JoinedStr('ax=', FormattedValue(x, !r), 'b')");
        check("f\"{x=:>5}\"",
                "JoinedStr('x=', FormattedValue(x, JoinedStr('>5')))");
        check("f\"{x=!s}\"",
                "JoinedStr('x=', FormattedValue(x, !s))");
        check("f\"{x:}\"",
                "JoinedStr(FormattedValue(x, JoinedStr()))");
        check("f\"\"",
                "JoinedStr()");
        check("F\"x\"",
                "JoinedStr('x')");
        check("\"a\" f\"b{x}\" \"c\"",
                "JoinedStr('ab', FormattedValue(x), 'c')");
        check("f\"{x}\" \"a\" f\"b\"",
                "JoinedStr(FormattedValue(x), 'ab')");
        check("f\"{a, b}\"",
                "JoinedStr(FormattedValue(Tuple(a, b)))");
        check("f\"{d['k']}\"",
                "JoinedStr(FormattedValue(Subscript(d, 'k')))");
        check("f'{d[\"k\"]}'",
                "JoinedStr(FormattedValue(Subscript(d, 'k')))");
        check("f\"{x:{w}.{p}f}\"",
                "JoinedStr(FormattedValue(x, JoinedStr(FormattedValue(w), '.', FormattedValue(p), 'f')))");
        check("f\"{a != b}\"",
                "JoinedStr(FormattedValue(Compare(a != b)))");
        check("f\"{a <= b}\"",
                "JoinedStr(FormattedValue(Compare(a <= b)))");
        check("f'''{x\n}'''",
                "JoinedStr(FormattedValue(x))");
        check("f\"\\{x}\"",
                "JoinedStr('\\\\', FormattedValue(x))");
        check("f\"\\n{x}\\t\"",
                "JoinedStr('\\n', FormattedValue(x), '\\t')");
        check("f\"{{}}\"",
                "JoinedStr('{}')");
        check("f\"{{{x}}}\"",
                "JoinedStr('{', FormattedValue(x), '}')");
        check("f\"{3.14:.1f}\"",
                "JoinedStr(FormattedValue(3.14, JoinedStr('.1f')))");
        check("f\"{x:%Y-%m-%d}\"",
                "JoinedStr(FormattedValue(x, JoinedStr('%Y-%m-%d')))");
        check("f\"{(lambda: 1)()}\"",
                "JoinedStr(FormattedValue(Call(Lambda((), 1), [], [])))");
        check("f\"{x:=5}\"",
                "JoinedStr(FormattedValue(x, JoinedStr('=5')))");
        check("f\"{ {1: 2}[1] }\"",
                "JoinedStr(FormattedValue(Subscript(Dict{1: 2}, 1)))");
        check("rf'\\{x}\\n'",
                "JoinedStr('\\\\', FormattedValue(x), '\\\\n')");
        check("fR'{x}\\n'",
                "JoinedStr(FormattedValue(x), '\\\\n')");
        check("f\"{f'{x}'}\"",
                "JoinedStr(FormattedValue(JoinedStr(FormattedValue(x))))");
        check("f\"{x:\\n}\"",
                "JoinedStr(FormattedValue(x, JoinedStr('\\n')))");
        check("f\"{*a,}\"",
                "JoinedStr(FormattedValue(Tuple(Starred(a))))");
    }

    @Test
    void attributesCallsSubscriptsDisplaysAndComprehensions() {
        check("a.b.c",
                "Attribute(Attribute(a, b), c)");
        check("a[1]",
                "Subscript(a, 1)");
        check("a[1:2]",
                "Subscript(a, Slice(1, 2, null))");
        check("a[::-1]",
                "Subscript(a, Slice(null, null, UnaryOp(- 1)))");
        check("a[1,2]",
                "Subscript(a, Tuple(1, 2))");
        check("a[1:2, 3]",
                "Subscript(a, Tuple(Slice(1, 2, null), 3))");
        check("a[:]",
                "Subscript(a, Slice(null, null, null))");
        check("a[1,]",
                "Subscript(a, Tuple(1))");
        check("a[*b]",
                "Subscript(a, Tuple(Starred(b)))");
        check("f(a, *b, c=1, **d)",
                "Call(f, [a, Starred(b)], [c=1, **d])");
        check("f(x for x in y)",
                "Call(f, [GeneratorExp(x for x in y)], [])");
        check("f()",
                "Call(f, [], [])");
        check("f(a,)",
                "Call(f, [a], [])");
        check("f(a=1, *b)",
                "Call(f, [Starred(b)], [a=1])");
        check("f(**a, b=1)",
                "Call(f, [], [**a, b=1])");
        check("f(*a if b else c)",
                "Call(f, [Starred(IfExp(b, a, c))], [])");
        check("f(a)(b)",
                "Call(Call(f, [a], []), [b], [])");
        check("lambda: 0",
                "Lambda((), 0)");
        check("lambda x, y=1, *a, z, w=2, **k: x",
                "Lambda((x, y=1, *a, z, w=2, **k), x)");
        check("lambda *, a: a",
                "Lambda((*, a), a)");
        check("lambda a,: a",
                "Lambda((a), a)");
        check("lambda x: lambda y: x + y",
                "Lambda((x), Lambda((y), BinOp(x + y)))");
        check("[]",
                "List[]");
        check("[1, 2, *a]",
                "List[1, 2, Starred(a)]");
        check("()",
                "Tuple()");
        check("(1,)",
                "Tuple(1)");
        check("(1, 2)",
                "Tuple(1, 2)");
        check("(x)",
                "x");
        check("{}",
                "Dict{}");
        check("{1: 2, **d}",
                "Dict{1: 2, **d}");
        check("{1, 2, *s}",
                "Set{1, 2, Starred(s)}");
        check("{**a, **b}",
                "Dict{**a, **b}");
        check("(*a, b)",
                "Tuple(Starred(a), b)");
        check("a, b",
                "Tuple(a, b)");
        check("a,",
                "Tuple(a)");
        check("[x for x in y]",
                "ListComp(x for x in y)");
        check("[x for x in y if x if z]",
                "ListComp(x for x in y if x if z)");
        check("[x for x in y for z in x]",
                "ListComp(x for x in y for z in x)");
        check("{x for x in y}",
                "SetComp(x for x in y)");
        check("{k: v for k, v in d.items()}",
                "DictComp(k: v for Tuple(k, v) in Call(Attribute(d, items), [], []))");
        check("(x for x in y)",
                "GeneratorExp(x for x in y)");
        check("[x for x, in y]",
                "ListComp(x for Tuple(x) in y)");
        check("[x for *a, b in y]",
                "ListComp(x for Tuple(Starred(a), b) in y)");
        check("[x for x in a or b]",
                "ListComp(x for x in BoolOp(or, [a, b]))");
        check("[x for x in y if (a if b else c)]",
                "ListComp(x for x in y if IfExp(b, a, c))");
        check("x.match",
                "Attribute(x, match)");
        check("match",
                "match");
        check("type(x)",
                "Call(type, [x], [])");
        check("_",
                "_");
        check("case",
                "case");
    }

    @Test
    void statements() {
        check("a = b = 1",
                "[Assign([a, b], 1)]");
        check("a, *b = x",
                "[Assign([Tuple(a, Starred(b))], x)]");
        check("(a, b), c = x",
                "[Assign([Tuple(Tuple(a, b), c)], x)]");
        check("[a, (b, *c)] = x",
                "[Assign([List[a, Tuple(b, Starred(c))]], x)]");
        check("a.b = 1",
                "[Assign([Attribute(a, b)], 1)]");
        check("a[0] = 1",
                "[Assign([Subscript(a, 0)], 1)]");
        check("a, b = 1, 2",
                "[Assign([Tuple(a, b)], Tuple(1, 2))]");
        check("x = *a, b",
                "[Assign([x], Tuple(Starred(a), b))]");
        check("[] = x",
                "[Assign([List[]], x)]");
        check("return a, b",
                "[Return(Tuple(a, b))]");
        check("return",
                "[Return(null)]");
        check("return *a, b",
                "[Return(Tuple(Starred(a), b))]");
        check("a; b",
                "[Expr(a), Expr(b)]");
        check("a += 1",
                "[AugAssign(a += 1)]");
        check("a.b -= 1",
                "[AugAssign(Attribute(a, b) -= 1)]");
        check("a[0] *= 2",
                "[AugAssign(Subscript(a, 0) *= 2)]");
        check("(a) **= 2",
                "[AugAssign(a **= 2)]");
        check("a //= 1; a %= 2; a @= 3; a <<= 4; a >>= 5; a &= 6; a |= 7; a ^= 8; a /= 9",
                "[AugAssign(a //= 1), AugAssign(a %= 2), AugAssign(a @= 3), AugAssign(a <<= 4), AugAssign(a >>= 5), AugAssign(a &= 6), AugAssign(a |= 7), AugAssign(a ^= 8), AugAssign(a /= 9)]");
        check("if x:\n    a = 1\nelif y:\n    a = 2\nelse:\n    a = 3",
                "[If(x, [Assign([a], 1)], [If(y, [Assign([a], 2)], [Assign([a], 3)])])]");
        check("if x: return 1",
                "[If(x, [Return(1)], [])]");
        check("if x: return 1\nelse: return 2",
                "[If(x, [Return(1)], [Return(2)])]");
        check("for x in y: a += x",
                "[For(x, y, [AugAssign(a += x)], [])]");
        check("for x in y:\n    if x: break\n    continue\nelse:\n    pass",
                "[For(x, y, [If(x, [Break], []), Continue], [Pass])]");
        check("while x:\n    x -= 1\nelse:\n    y = 1",
                "[While(x, [AugAssign(x -= 1)], [Assign([y], 1)])]");
        check("for k, v in d.items():\n  print(k)",
                "[For(Tuple(k, v), Call(Attribute(d, items), [], []), [Expr(Call(print, [k], []))], [])]");
        check("for x in *a, b:\n pass",
                "[For(x, Tuple(Starred(a), b), [Pass], [])]");
        check("a = 1; b = 2",
                "[Assign([a], 1), Assign([b], 2)]");
        check("for i in range(3): x = i; y = x",
                "[For(i, Call(range, [3], []), [Assign([x], i), Assign([y], x)], [])]");
        check("raise",
                "[Raise(null, null)]");
        check("raise X",
                "[Raise(X, null)]");
        check("raise X(\"m\") from e",
                "[Raise(Call(X, ['m'], []), e)]");
        check("del a, b.c, d[0]",
                "[Delete(a, Attribute(b, c), Subscript(d, 0))]");
        check("del (a, b), [c]",
                "[Delete(Tuple(a, b), List[c])]");
        check("del a,",
                "[Delete(a)]");
        check("assert x",
                "[Assert(x, null)]");
        check("assert x, \"msg\"",
                "[Assert(x, 'msg')]");
        check("import a",
                "[Import(a)]");
        check("import a.b as c, d",
                "[Import(a.b as c, d)]");
        check("from a.b import c as d, e",
                "[ImportFrom(a.b, c as d, e)]");
        check("from a import (b,\n   c as d,\n)",
                "[ImportFrom(a, b, c as d)]");
        check("def f(a, b=1, *args, c, d=2, **kw):\n    return a\nreturn f(1)",
                "[FunctionDef(f, (a, b=1, *args, c, d=2, **kw), [Return(a)]), Return(Call(f, [1], []))]");
        check("def f(*, a): return a",
                "[FunctionDef(f, (*, a), [Return(a)])]");
        check("def f(a,): pass",
                "[FunctionDef(f, (a), [Pass])]");
        check("def f(**k,): pass",
                "[FunctionDef(f, (**k), [Pass])]");
        check("while 1:\n    def g():\n        for z in q:\n            continue\n    break",
                "[While(1, [FunctionDef(g, (), [For(z, q, [Continue], [])]), Break], [])]");
        check("match = 1",
                "[Assign([match], 1)]");
        check("match(x)",
                "Call(match, [x], [])");
        check("type = 1\nreturn type",
                "[Assign([type], 1), Return(type)]");
        check("_ = 3",
                "[Assign([_], 3)]");
        check("  a = 1\n  return a",
                "[Assign([a], 1), Return(a)]");
        check("a = 1\n\n\n# c\n\nreturn a",
                "[Assign([a], 1), Return(a)]");
        check("if x:\n    # comment\n    a = 1\n# other\n    b = 2",
                "[If(x, [Assign([a], 1), Assign([b], 2)], [])]");
        check("x = (1 +\n  2)\nreturn x",
                "[Assign([x], BinOp(1 + 2)), Return(x)]");
        check("x = 1 + \\\n    2\nreturn x",
                "[Assign([x], BinOp(1 + 2)), Return(x)]");
        check("*a, b",
                "[Expr(Tuple(Starred(a), b))]");
        check("a\nb",
                "[Expr(a), Expr(b)]");
        check("print(x)\nx",
                "[Expr(Call(print, [x], [])), Expr(x)]");
        check("def outer(x):\n    def inner(y):\n        return x + y\n    return inner\nreturn outer(1)(2)",
                "[FunctionDef(outer, (x), [FunctionDef(inner, (y), [Return(BinOp(x + y))]), Return(inner)]), Return(Call(Call(outer, [1], []), [2], []))]");
    }

    @Test
    void recordsCompareEqualToTreesBuiltByHand() {
        ParsedSnippet s = Parser.parseSnippet("a.b(1, k=2) + -3 ** 2");
        Expr expected = new BinOp(1,
                new Call(1, new Attribute(1, new Name(1, "a"), "b"), List.of(new Const(1, 1L)),
                        List.of(new Keyword(1, "k", new Const(1, 2L)))),
                BinOperator.ADD,
                new UnaryOp(1, UnaryOperator.NEG, new BinOp(1, new Const(1, 3L), BinOperator.POW, new Const(1, 2L))));
        assertEquals(expected, s.expression());
    }

    @Test
    void aSingleExpressionIsAnExpressionSnippetAnythingElseIsABody() {
        assertTrue(Parser.parseSnippet("  a + 1  \n").isExpression());
        assertTrue(Parser.parseSnippet("a, b").isExpression());
        assertTrue(Parser.parseSnippet("(a\n + b)  # sum").isExpression());
        assertFalse(Parser.parseSnippet("a = 1").isExpression());
        assertFalse(Parser.parseSnippet("a\nb").isExpression());
        assertFalse(Parser.parseSnippet("a;").isExpression());
        // Python's eval mode does not take a starred tuple, so upstream runs it as a body that returns None
        assertFalse(Parser.parseSnippet("*a, b").isExpression());
        // eval mode sees the indent after the comment line; as a body the first line sets the indentation
        assertFalse(Parser.parseSnippet("# c\n  a + b").isExpression());
    }

    @Test
    void numberValuesAreLongBigIntegerOrDouble() {
        assertEquals(Long.MAX_VALUE, constant("9223372036854775807"));
        assertEquals(new BigInteger("9223372036854775808"), constant("9223372036854775808"));
        assertEquals(new BigInteger("ffffffffffffffffffff", 16), constant("0xffff_ffff_ffff_ffff_ffff"));
        assertEquals(255L, constant("0b1111_1111"));
        assertEquals(1e5, constant("1e5"));
        assertEquals(Double.POSITIVE_INFINITY, constant("1e400"));
        assertEquals(0.5, constant(".5"));
    }

    @Test
    void bytesLiteralsAreByteArrays() {
        byte[] value = (byte[]) constant("b'a\\xff' rb'\\n'");
        assertEquals(List.of((byte) 'a', (byte) 0xff, (byte) '\\', (byte) 'n'), boxed(value));
    }

    @Test
    void linesOfABodyCountFromTheFirstLineOfTheCode() {
        ParsedSnippet s = Parser.parseSnippet("\n\n# set up\nx = 1\nif x:\n    y = [\n        x]\nreturn y\n");
        List<Stmt> body = s.body();
        assertEquals(4, body.get(0).line());
        If ifStmt = (If) body.get(1);
        assertEquals(5, ifStmt.line());
        Assign assign = (Assign) ifStmt.body().get(0);
        assertEquals(6, assign.line());
        assertEquals(7, ((ListExpr) assign.value()).elts().get(0).line());
        assertEquals(8, body.get(2).line());
    }

    @Test
    void linesOfAnExpressionCountFromItsFirstNonBlankLine() {
        Expr e = Parser.parseSnippet("\n\n  f(a,\n    b)\n").expression();
        assertEquals(1, e.line());
        assertEquals(2, ((Call) e).args().get(1).line());
    }

    @Test
    void fieldsOfAMultiLineFStringKeepTheirLines() {
        Assign a = (Assign) Parser.parseSnippet("x = 1\ns = f'''a\n{x}\n  {y +\n z}'''").body().get(1);
        List<Expr> parts = ((JoinedStr) a.value()).values();
        assertEquals(3, parts.get(1).line());
        assertEquals(4, parts.get(3).line());
        assertEquals(5, ((BinOp) ((FormattedValue) parts.get(3)).value()).right().line());
    }

    @Test
    void aBodysMultiLineStringGainsTheIndentationUpstreamAddsToEachLine() {
        // upstream indents every non-blank line of a body by four spaces, the lines inside a string too
        check("s = '''a\n b\n\n c'''\nreturn s", "[Assign([s], 'a\\n     b\\n\\n     c'), Return(s)]");
        // an expression snippet is not indented
        check("'''a\n b'''", "'a\\n b'");
    }

    private static Object constant(String code) {
        return ((Const) Parser.parseSnippet(code).expression()).value();
    }

    private static List<Byte> boxed(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return List.of(boxed);
    }
}
