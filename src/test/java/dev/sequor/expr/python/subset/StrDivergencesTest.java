package dev.sequor.expr.python.subset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Where the Java evaluator knowingly does not answer as GraalPy: it raises a clear error instead of a wrong result,
 * or answers as CPython where GraalPy fails internally.
 */
class StrDivergencesTest {

    @Test
    void codecsOtherThanUtf8AsciiLatin1AreRefusedByName() {
        assertEquals("ERR LookupError: encoding 'utf-16' is not available in Sequor's Java evaluation of Python"
                + " (only utf-8, ascii and latin-1)", PyCases.run(() -> Attrs.callMethod("é", "encode", new Object[] {"utf-16"}, null)));
        assertEquals("ERR LookupError: encoding 'cp1252' is not available in Sequor's Java evaluation of Python"
                + " (only utf-8, ascii and latin-1)", PyCases.run(() -> Attrs.callMethod(PyCases.b("e9"), "decode", new Object[] {"cp1252"}, null)));
        assertEquals("ERR LookupError: unknown encoding nope", PyCases.run(() -> Attrs.callMethod("é", "encode", new Object[] {"nope"}, null)));
    }

    /** GraalPy 25.2 divides by zero internally here; CPython drops the tabs, and so does the evaluator. */
    @Test
    void expandtabsWithZeroTabsizeDropsTabsAsCPythonDoes() {
        assertEquals("OK 'ab'", PyCases.run(() -> Attrs.callMethod("a\tb", "expandtabs", new Object[] {0L}, null)));
    }

    /** GraalPy 25.2 fails internally on '%d' % inf; CPython's OverflowError is the evaluator's answer. */
    @Test
    void percentDOfInfinityIsCPythonsOverflowError() {
        assertEquals("ERR OverflowError: cannot convert float infinity to integer",
                PyCases.run(() -> Formats.percent("%d", Double.POSITIVE_INFINITY)));
    }
}
