package dev.sequor.expr.python.subset;

import java.util.Map;

/**
 * {@code str.maketrans}, a static method (also read from a str: {@code 'x'.maketrans}), building the table
 * {@code str.translate} takes, as CPython's unicode_maketrans: from a dict (str keys of one character become code
 * points, int keys stay), or from two strings of equal length mapping code point to code point, and a third whose
 * characters map to None. Argument counts bind as GraalPy's do (as every method of the evaluator); the other
 * messages are CPython's.
 */
final class StrMaketrans {

    private static final MethodSig SIG = MethodSig.of("str.maketrans", 1, false, "a", "b", "c");

    private StrMaketrans() {
    }

    static PyDict maketrans(Object[] args, Kwargs kwargs) {
        Object[] a = SIG.bind(args, kwargs);
        PyDict table = new PyDict();
        if (a[1] == MethodSig.MISSING) {
            if (!(a[0] instanceof PyDict d)) {
                throw PyExc.typeError("if you give only one argument to maketrans it must be a dict");
            }
            for (Map.Entry<Object, Object> e : d.entries()) {
                Object key = e.getKey();
                if (key instanceof String s) {
                    if (Strs.len(s) != 1) {
                        throw PyExc.valueError("string keys in translate table must be of length 1");
                    }
                    table.put((long) s.codePointAt(0), e.getValue());
                } else if (Ints.isInt(key)) {
                    table.put(key, e.getValue());
                } else {
                    throw PyExc.typeError("keys in translate table must be strings or integers");
                }
            }
            return table;
        }
        // Argument Clinic checks the types of the second and third arguments before the function looks at the first
        String to = StrArgs.str(a[1], "maketrans() argument 2 must be str, not ");
        String delete = a[2] == MethodSig.MISSING ? null
                : StrArgs.str(a[2], "maketrans() argument 3 must be str, not ");
        if (!(a[0] instanceof String from)) {
            throw PyExc.typeError("first maketrans argument must be a string if there is a second argument");
        }
        int[] fromPoints = from.codePoints().toArray();
        int[] toPoints = to.codePoints().toArray();
        if (fromPoints.length != toPoints.length) {
            throw PyExc.valueError("the first two maketrans arguments must have equal length");
        }
        for (int i = 0; i < fromPoints.length; i++) {
            table.put((long) fromPoints[i], (long) toPoints[i]);
        }
        if (delete != null) {
            delete.codePoints().forEach(cp -> table.put((long) cp, null));
        }
        return table;
    }
}
