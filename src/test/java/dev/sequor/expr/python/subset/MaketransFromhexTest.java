package dev.sequor.expr.python.subset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * str.maketrans with str.translate, bytes.fromhex, bytes.hex's separator and the class tests of bytes. Each expected
 * text is what python3 prints, and GraalPy 25.2 too but for the argument-count messages, which are GraalPy's as
 * for every method of the evaluator (CPython: "takes exactly one argument (0 given)"); where GraalPy departs
 * otherwise, see CPythonDivergencesTest.
 */
class MaketransFromhexTest {

    private static String run(String code) {
        return SnippetRunner.outcome(code);
    }

    @Test
    void maketransBuildsTablesForTranslate() {
        assertEquals("OK {97: 120, 98: 121}", run("str.maketrans('ab', 'xy')"));
        assertEquals("OK {97: 120, 98: 121, 99: None}", run("str.maketrans('ab', 'xy', 'c')"));
        assertEquals("OK {97: 'b', 98: None, 99: 'xyz'}", run("str.maketrans({'a': 'b', 98: None, 'c': 'xyz'})"));
        assertEquals("OK {97: 121}", run("str.maketrans('aa', 'xy')"));
        assertEquals("OK {97: None}", run("str.maketrans('a', 'b', 'a')"));
        assertEquals("OK {128512: 120}", run("str.maketrans('😀', 'x')"));
        assertEquals("OK {97: 98}", run("'abc'.maketrans('a', 'b')"));
        assertEquals("OK 'xyxy'", run("'abcabc'.translate(str.maketrans('ab', 'xy', 'c'))"));
        assertEquals("OK 'AAc'", run("'abc'.translate(str.maketrans({'a': 'AA', 'b': None}))"));
        assertEquals("OK 'hello'", run("'héllo'.translate(str.maketrans('é', 'e'))"));
        assertEquals("OK 'ax'", run("'a😀'.translate(str.maketrans('😀', 'x'))"));
        assertEquals("OK 'Bbc'", run("'abc'.translate(str.maketrans({'a': 66}))"));
    }

    @Test
    void maketransErrors() {
        assertEquals("ERR ValueError: the first two maketrans arguments must have equal length",
                run("str.maketrans('ab', 'xyz')"));
        assertEquals("ERR ValueError: string keys in translate table must be of length 1",
                run("str.maketrans({'ab': 'b'})"));
        assertEquals("ERR TypeError: keys in translate table must be strings or integers",
                run("str.maketrans({1.5: 'b'})"));
        assertEquals("ERR TypeError: if you give only one argument to maketrans it must be a dict",
                run("str.maketrans('a')"));
        assertEquals("ERR TypeError: first maketrans argument must be a string if there is a second argument",
                run("str.maketrans({}, 'a')"));
        assertEquals("ERR TypeError: maketrans() argument 3 must be str, not int", run("str.maketrans('a', 'b', 1)"));
        assertEquals("ERR TypeError: str.maketrans() missing 1 required positional argument: 'a'",
                run("str.maketrans()"));
    }

    @Test
    void fromhexReadsPairsOfHexDigits() {
        assertEquals("OK b'\\xde\\xad\\xbe\\xef'", run("bytes.fromhex('de ad be ef')"));
        assertEquals("OK b'\\xde\\xad\\xbe\\xef'", run("bytes.fromhex('DEADbeef')"));
        assertEquals("OK b'\\x00\\xff'", run("b''.fromhex('00ff')"));
        assertEquals("OK (b'', b'\\x01', b'\\x01\\x02\\x03')",
                run("bytes.fromhex(''), bytes.fromhex(' 01 '), bytes.fromhex('01\\t02\\n 03\\x0b')"));
        assertEquals("ERR ValueError: non-hexadecimal number found in fromhex() arg at position 1",
                run("bytes.fromhex('0g')"));
        assertEquals("ERR ValueError: non-hexadecimal number found in fromhex() arg at position 1",
                run("bytes.fromhex('0 1')"));
        assertEquals("ERR ValueError: non-hexadecimal number found in fromhex() arg at position 0",
                run("bytes.fromhex('é1')"));
        assertEquals("ERR TypeError: fromhex() argument must be str, not bytes", run("bytes.fromhex(b'01')"));
        assertEquals("ERR TypeError: bytes.fromhex() missing 1 required positional argument: 'string'",
                run("bytes.fromhex()"));
    }

    @Test
    void hexWithASeparator() {
        assertEquals("OK ('01:02:03', '01:0203', '0102:03', '01-02-03', '01_02_03', '010203', '')",
                run("b = b'\\x01\\x02\\x03'\nreturn (b.hex(':'), b.hex(':', 2), b.hex(':', -2), b.hex(b'-'), "
                        + "b.hex(sep='_'), b.hex(':', 5), b''.hex(':'))"));
        assertEquals("ERR ValueError: sep must be length 1.", run("b'\\x01'.hex('ab')"));
        assertEquals("ERR ValueError: sep must be ASCII.", run("b'\\x01\\x02'.hex('é')"));
        assertEquals("ERR ValueError: sep must be ASCII.", run("b'\\x01\\x02'.hex(b'\\xe9')"));
    }

    @Test
    void bytesClassTestsAreAscii() {
        assertEquals("OK (True, False, False, True, False, True, False)", run("(b'123'.isdigit(), b''.isdigit(), "
                + "b'12a'.isdigit(), b'abc'.isalpha(), b'ab1'.isalpha(), b'ab1'.isalnum(), b'ab 1'.isalnum())"));
        assertEquals("OK (True, False, False)",
                run("(b' \\t\\n\\r\\x0b\\x0c'.isspace(), b'\\x1c'.isspace(), b''.isspace())"));
        assertEquals("OK (True, False, True, False, False, False)", run("(b'ABC1'.isupper(), b'1'.isupper(), "
                + "b'abc1'.islower(), b'aBc'.islower(), b'\\xe9'.isalpha(), b'\\xc9'.isupper())"));
        assertEquals("OK (True, True, False, False, False, True)", run("(b'Ab Cd'.istitle(), b'A1 B'.istitle(), "
                + "b'AB'.istitle(), b'aB'.istitle(), b''.istitle(), b''.isascii())"));
        assertEquals("OK (True, False)", run("(b'abc'.isascii(), b'\\x80'.isascii())"));
        assertEquals("OK [True, False]", run("list(map(bytes.isdigit, [b'1', b'x']))"));
        assertEquals("ERR TypeError: bytes.isdigit() takes 1 positional argument but 2 were given",
                run("b'1'.isdigit(1)"));
    }
}
