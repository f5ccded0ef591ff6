package dev.sequor.expr.python.subset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Where GraalPy 25.2 departs from CPython 3.12 and the Java evaluator answers as CPython: each expected text is
 * what python3 prints; the comment says what GraalPy answers instead (see GraalPyDeviations, docs/python-subset.md).
 */
class CPythonDivergencesTest {

    private static String run(String code) {
        return SnippetRunner.outcome(code);
    }

    /** GraalPy: 1180591620717411300000 and 10**25, the shortest decimal padded with zeros; round(2.0**63) saturated. */
    @Test
    void roundOfALargeFloatIsTheFloatsExactValue() {
        assertEquals("OK (1180591620717411303424, 10000000000000000905969664, 9223372036854775808, True)",
                run("round(2**70 + 0.0), round(float(10**25)), round(2.0**63), round(-1.5e300) == int(-1.5e300)"));
    }

    /** GraalPy subtracts the date parts and answers a timedelta. */
    @Test
    void aDatetimeAndADateDoNotSubtract() {
        assertEquals("ERR TypeError: unsupported operand type(s) for -: 'datetime.datetime' and 'datetime.date'",
                run("import datetime\nreturn datetime.datetime(2024, 1, 1) - datetime.date(2024, 1, 1)"));
        assertEquals("ERR TypeError: unsupported operand type(s) for -: 'datetime.date' and 'datetime.datetime'",
                run("import datetime\nreturn datetime.date(2024, 1, 1) - datetime.datetime(2024, 1, 1)"));
    }

    /** GraalPy copies these glibc directives as written ('%-m/%-d/2024'). */
    @Test
    void strftimeHasGlibcsDirectivesAndItsNoPaddingFlag() {
        assertEquals("OK '3/5/2024'", run("import datetime\nreturn datetime.date(2024, 3, 5).strftime('%-m/%-d/%Y')"));
        assertEquals("OK '7 AM 03/05/24| 5|07:04:09|07:04|07:04:09 AM|Mar|\\n|\\t|20|24| 7| 7|am|7 4 9 24 65|2024-03-05'",
                run("import datetime\nreturn datetime.datetime(2024, 3, 5, 7, 4, 9).strftime("
                        + "'%-I %p %D|%e|%T|%R|%r|%h|%n|%t|%C|%g|%k|%l|%P|%-H %-M %-S %-y %-j|%F')"));
        assertEquals("OK '12 0 0|30|0|12|25 2025 1 Mon %|%-Q|%Q|%-'",
                run("import datetime\nreturn datetime.datetime(2024, 12, 30).strftime("
                        + "'%-I %-H %-M|%-e|%-k|%-l|%g %G %-V %-a %-%|%-Q|%Q|%-')"));
        // %s: the wall time read in the process's time zone, as CPython's mktime does
        long epoch = LocalDateTime.of(2024, 1, 2, 15, 4, 5).atZone(ZoneId.systemDefault()).toEpochSecond();
        assertEquals("OK '" + epoch + "'", run("import datetime\nreturn datetime.datetime(2024, 1, 2, 15, 4, 5).strftime('%s')"));
    }

    /** GraalPy prints 'None' for an attribute a field names that the value does not have. */
    @Test
    void aFormatFieldsMissingAttributeIsAnAttributeError() {
        assertEquals("ERR AttributeError: 'int' object has no attribute 'x'", run("'{0.x}'.format(1)"));
        assertEquals("ERR AttributeError: 'dict' object has no attribute 'name'", run("'{r.name}'.format(r={'name': 'a'})"));
        assertEquals("OK '3 2024'", run("import datetime\nreturn '{0.real} {1.year}'.format(3, datetime.date(2024, 1, 2))"));
    }

    /** GraalPy keeps the file, group and record separators inside a line. */
    @Test
    void splitlinesBreaksAtTheSeparatorCharactersToo() {
        assertEquals("OK ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']",
                run("'a\\x1cb\\x1dc\\x1ed\\x0be\\x0cf\\x85g\\u2028h\\u2029i'.splitlines()"));
    }

    /** GraalPy: 'division by zero' for every float operator, 'integer division or modulo by zero' for int %. */
    @Test
    void zeroDivisionHasCPythonsTextPerOperator() {
        assertEquals("ERR ZeroDivisionError: float division by zero", run("1 / 0.0"));
        assertEquals("ERR ZeroDivisionError: division by zero", run("1 / 0"));
        assertEquals("ERR ZeroDivisionError: float floor division by zero", run("1.0 // 0"));
        assertEquals("ERR ZeroDivisionError: float modulo", run("1.0 % 0"));
        assertEquals("ERR ZeroDivisionError: float divmod()", run("divmod(1.0, 0)"));
        assertEquals("ERR ZeroDivisionError: integer modulo by zero", run("1 % 0"));
        assertEquals("ERR ZeroDivisionError: integer modulo by zero", run("10**30 % 0"));
        assertEquals("ERR ZeroDivisionError: integer division or modulo by zero", run("1 // 0"));
        assertEquals("ERR ZeroDivisionError: integer division or modulo by zero", run("divmod(1, 0)"));
        assertEquals("ERR ZeroDivisionError: integer modulo by zero",
                run("import datetime\nreturn datetime.timedelta(1) % datetime.timedelta(0)"));
    }

    /** GraalPy: Python 3.10's 'local variable 'x' referenced before assignment'. */
    @Test
    void unboundLocalHasPython312sText() {
        assertEquals("ERR UnboundLocalError: cannot access local variable 'x' where it is not associated with a value",
                run("def f():\n    y = x\n    x = 1\nreturn f()"));
    }

    /** GraalPy's texts: 'index out of range', 'list.index(x): ...', 'emtpy', Single '}', quoted twice, "Can't compare". */
    @Test
    void containerFormatAndDatetimeErrorsHaveCPythonsText() {
        assertEquals("ERR IndexError: pop from empty list", run("[].pop()"));
        assertEquals("ERR IndexError: pop index out of range", run("[1].pop(5)"));
        assertEquals("ERR ValueError: list.remove(x): x not in list", run("[1].remove(2)"));
        assertEquals("ERR KeyError: 'pop from an empty set'", run("set().pop()"));
        assertEquals("ERR TypeError: can't concat str to bytes", run("b'abc' + 'd'"));
        assertEquals("ERR TypeError: can't concat int to bytes", run("b'abc' + 1"));
        assertEquals("ERR ValueError: Single '{' encountered in format string", run("'{'.format()"));
        assertEquals("ERR ValueError: Invalid isoformat string: 'bad'",
                run("import datetime\nreturn datetime.datetime.fromisoformat('bad')"));
        assertEquals("ERR ValueError: Invalid isoformat string: 'Tbad'",
                run("import datetime\nreturn datetime.time.fromisoformat('Tbad')"));
        assertEquals("ERR TypeError: can't compare datetime.datetime to datetime.date",
                run("import datetime\nreturn datetime.date(2024, 1, 1) < datetime.datetime(2024, 1, 1)"));
        assertEquals("ERR TypeError: can't compare datetime.datetime to datetime.date",
                run("import datetime\nreturn datetime.datetime(2024, 1, 1) >= datetime.date(2024, 1, 1)"));
    }

    /** GraalPy reads a %(key)'s value, or a mapping, for every later field: '1 1', '[1, 2] [1, 2]' for '%s %s'. */
    @Test
    void aPercentKeysValueIsTheSingleArgumentOfLaterFields() {
        assertEquals("ERR TypeError: not enough arguments for format string", run("'%(a)s %s' % {'a': 1}"));
        assertEquals("ERR TypeError: not enough arguments for format string", run("'%(a)s %*d' % {'a': 1}"));
        assertEquals("ERR TypeError: not enough arguments for format string", run("'%(a)*d' % {'a': 1}"));
        assertEquals("ERR TypeError: not enough arguments for format string", run("'%s %s' % {'a': 1}"));
        assertEquals("ERR TypeError: not enough arguments for format string", run("'%s %s' % [1, 2]"));
        assertEquals("OK \"{'a': 1} 1\"", run("'%s %(a)s' % {'a': 1}"));
        assertEquals("OK '1 2'", run("'%(a)s %(b)s' % {'a': 1, 'b': 2}"));
        assertEquals("OK '[1, 2]'", run("'%s' % [1, 2]"));
        assertEquals("ERR TypeError: format requires a mapping", run("'%s %(a)s' % ({'a': 1},)"));
        assertEquals("ERR TypeError: format requires a mapping", run("'%(a)s' % 5"));
    }

    /** GraalPy reads an alignment character first as the alignment: these are "Invalid conversion specification". */
    @Test
    void aFillCanBeAnAlignmentCharacter() {
        assertEquals("OK '====5'", run("format(5, '=>5')"));
        assertEquals("OK '^^x^^'", run("format('x', '^^5')"));
        assertEquals("OK '1<<<'", run("'{:<<4}'.format(1)"));
        assertEquals("OK '>>>>1.50'", run("f'{1.5:>>8.2f}'"));
        assertEquals("OK '====5'", run("format(5, '==5')"));
        assertEquals("ERR ValueError: Unknown format code '<' for object of type 'int'", run("format(1, '<<<')"));
    }

    /** GraalPy has no 'z' option (3.11): "Unknown format code 'z'" or "Invalid conversion specification". */
    @Test
    void theZOptionDropsTheSignOfAFloatRoundedToZero() {
        assertEquals("OK ('0.0', '0.0', '0.0', '-0.1', '+0.00e+00', '0.0%', '-0.001', '00000000.0', 'inf', '-inf')",
                run("format(-0.0, 'z.1f'), format(-0.04, 'z.1f'), format(-0.0, 'z'), format(-0.06, 'z.1f'), "
                        + "format(-0.0, '+z.2e'), format(-0.0001, 'z.1%'), format(-0.001, 'z.1g'), "
                        + "format(-0.0, 'z010.1f'), format(float('inf'), 'z'), format(float('-inf'), 'z')"));
        assertEquals("OK '0.0 0.0'", run("'{:z.1f} {}'.format(-0.0, f'{-0.0:z}')"));
        assertEquals("ERR ValueError: Negative zero coercion (z) not allowed in integer format specifier",
                run("format(1, 'z')"));
        assertEquals("ERR ValueError: Negative zero coercion (z) not allowed in integer format specifier",
                run("format(-1, 'z,d')"));
        assertEquals("ERR ValueError: Negative zero coercion (z) not allowed in string format specifier",
                run("format('x', 'z')"));
        assertEquals("ERR ValueError: Sign not allowed in string format specifier", run("format('x', '+z')"));
        assertEquals("OK 'xzzzz'", run("format('x', 'z<5')"));
    }

    /** GraalPy names the position of a lone last digit, not the missing one after it: '0' is position 0. */
    @Test
    void fromhexNamesThePositionOfTheMissingDigit() {
        assertEquals("ERR ValueError: non-hexadecimal number found in fromhex() arg at position 1",
                run("bytes.fromhex('0')"));
        assertEquals("ERR ValueError: non-hexadecimal number found in fromhex() arg at position 3",
                run("bytes.fromhex('012')"));
        assertEquals("ERR ValueError: non-hexadecimal number found in fromhex() arg at position 4",
                run("bytes.fromhex('01 2')"));
        // a non-ASCII character is reported first, wherever it is (both engines)
        assertEquals("ERR ValueError: non-hexadecimal number found in fromhex() arg at position 3",
                run("bytes.fromhex('0g é')"));
    }

    /** GraalPy: 'argument 2 must be str, not int', without the function's name. */
    @Test
    void maketransNamesItselfInATypeError() {
        assertEquals("ERR TypeError: maketrans() argument 2 must be str, not int", run("str.maketrans('a', 1)"));
        assertEquals("ERR TypeError: maketrans() argument 2 must be str, not int", run("str.maketrans(1, 1)"));
    }

    /** GraalPy names 'str' as the type %b refuses, and zero-fills %a and bytes' %b: "00'x'", b'0\x00\x00\x00ab'. */
    @Test
    void percentBytesConversionsHaveCPythonsTextAndFill() {
        assertEquals("ERR TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'int'",
                run("b'%s' % 1"));
        assertEquals("ERR TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'NoneType'",
                run("b'%b' % None"));
        assertEquals("OK \"  'x'\"", run("'%05a' % 'x'"));
        assertEquals("OK b'   ab'", run("b'%05b' % b'ab'"));
        assertEquals("OK b\"  'x'\"", run("b'%05a' % 'x'"));
        assertEquals("ERR TypeError: not enough arguments for format string", run("b'%(a)s %s' % {b'a': b'x'}"));
    }
}
