package dev.sequor.expr.python.subset;

import java.math.BigDecimal;

/** Small value conversions the formatting code shares, with GraalPy's messages. */
final class Conversions {

    private Conversions() {
    }

    /** PyFloat_AsDouble: float, int, bool and Decimal (through __float__); TypeError for the rest. */
    static double toDouble(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (Ints.isInt(v)) {
            return Ints.toDouble(Ints.of(v));
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        throw PyExc.typeError("must be real number, not " + shortTypeName(v));
    }

    /** The type's __name__, which messages built with %p show: 'Decimal', not 'decimal.Decimal'. */
    static String shortTypeName(Object v) {
        String name = Py.typeName(v);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
