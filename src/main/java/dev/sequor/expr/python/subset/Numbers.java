package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact comparison of numbers across int, float, bool and Decimal, as Python does it (no rounding through double). */
final class Numbers {

    private Numbers() {
    }

    static boolean isNaN(Object v) {
        return v instanceof Double d && d.isNaN();
    }

    /** Sign of a - b; both are numbers and neither is NaN. */
    static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x < y ? -1 : (x > y ? 1 : 0); // not Double.compare: -0.0 == 0.0 in Python
        }
        if (Ints.isInt(a) && Ints.isInt(b)) {
            return Ints.compare(Ints.of(a), Ints.of(b));
        }
        if (a instanceof Double x && Ints.isInt(b)) {
            return compareDoubleInt(x, Ints.of(b));
        }
        if (b instanceof Double y && Ints.isInt(a)) {
            return -compareDoubleInt(y, Ints.of(a));
        }
        return exact(a).compareTo(exact(b));
    }

    private static int compareDoubleInt(double d, Object i) {
        if (Double.isInfinite(d)) {
            return d > 0 ? 1 : -1;
        }
        if (i instanceof Long l && Math.abs(l) < (1L << 53)) {
            double y = l;
            return d < y ? -1 : (d > y ? 1 : 0);
        }
        return new BigDecimal(d).compareTo(new BigDecimal(Ints.big(i)));
    }

    /** The exact value as a BigDecimal; infinities order beyond every finite value. */
    private static BigDecimal exact(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Double d) {
            if (Double.isInfinite(d)) {
                // larger than any Decimal a row can hold; good enough for ordering
                return new BigDecimal(BigInteger.TEN.pow(400)).multiply(BigDecimal.valueOf(d > 0 ? 1 : -1));
            }
            return new BigDecimal(d);
        }
        return new BigDecimal(Ints.big(Ints.of(v)));
    }
}
