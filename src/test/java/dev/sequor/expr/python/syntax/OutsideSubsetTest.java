package dev.sequor.expr.python.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Snippets the parser must hand to Python: forms outside the subset, and code that is not valid Python 3.12
 * (CPython's verdict on each was checked with the same wrapping Sequor uses).
 */
class OutsideSubsetTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // statements and expressions the subset leaves out
            "try:\n    pass\nexcept: pass", "with a: pass", "class A: pass", "global x", "nonlocal x",
            "async def f(): pass", "match x:\n    case 1: pass", "x: int = 1", "x: int", "type X = int",
            "yield x", "x = yield", "x = (yield)", "await x", "(x := 1)", "x[a:=1]", "...", "a[...]", "x = ...",
            "@dec\ndef f(): pass", "def f(a, /): pass", "def f(a: int): pass", "def f() -> int: pass",
            "def f[T](): pass", "from . import x", "from .a import x", "from a import *", "print >> f, x",
            "[x async for x in y]", "lambda: (yield)", "x = __debug__",
            // literals and lexing left to Python
            "1j", "1.5j", "1if x else 2", "0x1for", "1.real", "'\\N{DASH}'", "'\\777'", "\u00e9 = 1", "x = \u00e9",
            "a\rb", "\\\nx", "x = 1\n\tif x:\n\t\treturn 1",
            // f-strings beyond pre-3.12 rules
            "f\"{x[\"a\"]}\"", "f'''{x['''a''']}'''", "f\"{'\\n'}\"", "f\"{x#}\"", "f\"{x:{{}}}\"", "f\"\\N{DASH}\"",
            // not valid Python
            "", "   ", "# only comment", "$", "a ? b", "`x`", "a <> b", "a !b", "x = 1 \\ 2", "a\\", "x\u00a0= 1",
            "\"\\0\" \0", "(", ")", "(]", "[1, 2", "a[]", "f(,)", "f(a b)", "(*a)", "*a", "[*a for a in b]",
            "{**a for a in b}", "{a: *b}", "{*a: b}", "{a: b, c}", "{a, b: c}",
            "01", "0_1", "1__0", "1_", "0x", "0x1_", "0b102", "0o8", "1e", "1_e5", "'abc", "'a\nb'", "\"\"\"abc",
            "'\\x4'", "'\\u12'", "'\\U00110000'", "b'\u00e9'", "ur'x'", "bu'x'", "fb'x'", "'a' b'b'", "b'a' f'b'",
            "r'\\'", "f\"{}\"", "f\"{ }\"", "f\"}\"", "f\"{\"", "f\"{x!z}\"", "f\"{x! r}\"", "f\"{x!r }\"", "f\"{x!}\"",
            "f\"{x:{y:{z}}}\"", "f\"{x:{w}}}\"", "f\"{x:a}}b}\"", "f\"{x for x in y}\"", "f\"{*a}\"", "f\"{a)}\"",
            "f\"{x!r=}\"", "f\"{x=y}\"", "f\"{lambda: 1}\"", "f\"{=x}\"",
            "f(x for x in y, 1)", "f(1, x for x in y)", "f(x for x in y,)", "f(a=1, a=2)", "f(a=1, b)",
            "f(**k, a)", "f(**k, *a)", "f(x=*a)", "f(True=1)", "f(a.b=1)", "f((a)=1)", "f(__debug__=1)",
            "lambda x, x: 1", "lambda *: 1", "lambda *,: 1", "lambda x=1, y: 1", "- not a", "a is not not b",
            "1 < not b", "a not b", "not", "a if b", "a if b else", "x if lambda: 1 else 2", "[x for x in lambda: y]",
            "[x for x in y if a if b else c]", "x.if", "x.True", "import if", "import a.if", "def if(): pass",
            "def f(if): pass", "for if in x: pass", "print \"x\"", "exec \"x\"",
            // statements that are not valid Python
            "(a, b) += 1", "a, b += 1", "a = 1;;", "; a = 1", "del f()", "del *a", "del ()  + 1", "del a if b else c",
            "del a + b", "del (a for a in b)", "from a import b,", "import a,", "def f(a=1, b): pass",
            "def f(a, a): pass", "def f(*a, *b): pass", "def f(*): pass", "def f(**k, a): pass", "def f(*, **k): pass",
            "for x in y:\n    def g():\n        break", "for x in y:\n    pass\nelse:\n    break", "break", "continue",
            "None = 1", "f() = 1", "True += 1", "a + b = 1", "1 = x", "\"a\" = x", "a, *b, *c = d", "*a = 1",
            "[*a, *b] = x", "f\"x\" = 1", "x = 1 = 2", "lambda: 1 = x", "a = b\n= c", "a = (*b)", "x = *a",
            "  a = 1\nreturn a", "a = 1\n  return a", "if x:\n    a = 1\n  b = 2", "if x:\na = 1",
            "if x:\n  pass\n else:\n  pass", "if x: if y: pass", "if x: for y in z: pass", "else: pass",
            "elif x: pass", "for x in y: pass\nelse: pass\nelse: pass", "a +\nb", "a\n  b",
    })
    void isLeftToPython(String code) {
        assertThrows(OutsideSubset.class, () -> Parser.parseSnippet(code));
    }

    @Test
    void deepNestingIsLeftToPythonInsteadOfOverflowingTheStack() {
        for (String code : new String[] {"(".repeat(150) + "1" + ")".repeat(150), "-".repeat(5000) + "1",
                "2**".repeat(3000) + "2", "not ".repeat(3000) + "a", "[".repeat(199) + "]".repeat(199),
                "lambda: ".repeat(500) + "1", "a if b else ".repeat(500) + "c"}) {
            assertEquals("line 1: an expression nested too deeply",
                    assertThrows(OutsideSubset.class, () -> Parser.parseSnippet(code)).describe());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            try:\\n    pass\\nexcept: pass  | line 1: 'try' statements
            x = 1\\nwith a: pass          | line 2: 'with' statements
            x: int = 1                    | line 1: annotated assignments
            @dec\\ndef f(): pass          | line 1: decorators
            x = [y := 1]                  | line 1: the walrus operator ':='
            f"{x["a"]}"                   | line 1: an f-string replacement field not closed within the string (reusing the f-string's own quotes inside a field)
            1j                            | line 1: complex numbers
            x = 1\\n  y = 2               | line 2: invalid syntax: unexpected indent
            a = 1\\nb = a +               | line 2: invalid syntax: invalid syntax near end of line
            for x in y:\\n  pass\\nbreak  | line 3: invalid syntax: 'break' outside loop
            f() = 1                       | line 1: invalid syntax: cannot assign to function call
            x = 01                        | line 1: invalid syntax: leading zeros in decimal integer literals are not permitted
            """)
    void saysWhyAndWhere(String code, String reason) {
        OutsideSubset e = assertThrows(OutsideSubset.class, () -> Parser.parseSnippet(code.replace("\\n", "\n")));
        assertEquals(reason, e.describe());
    }
}
