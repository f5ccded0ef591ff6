package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The Java key under which dicts and sets store a Python value, so that values Python calls equal are one key:
 * {@code 1}, {@code 1.0}, {@code True} and {@code Decimal('1.00')} all become {@code Long 1}. Strings, the most
 * common keys by far, are their own key. Unhashable values (list, dict, set) raise Python's TypeError.
 */
final class DictKeys {

    private DictKeys() {
    }

    static Object of(Object key) {
        if (key == null || key instanceof String || key instanceof Long) {
            return key;
        }
        if (key instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (key instanceof Double d) {
            return ofDouble(d);
        }
        if (key instanceof BigInteger) {
            return key; // kept normalised: a BigInteger value never fits in a long
        }
        if (key instanceof BigDecimal dec) {
            return ofDecimal(dec);
        }
        if (key instanceof PyList || key instanceof PyDict || key instanceof PySet) {
            throw PyExc.typeError("unhashable type: '" + Py.typeName(key) + "'");
        }
        if (key instanceof java.time.OffsetDateTime dt) {
            return dt.toInstant(); // aware datetimes are equal at the same instant, whatever their offsets
        }
        if (key instanceof PyTuple t) {
            for (Object item : t.items) {
                of(item); // a tuple holding a list is unhashable too
            }
        }
        return key;
    }

    private static Object ofDouble(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d)) {
            if (Math.abs(d) < 0x1p62) {
                return (long) d;
            }
            return Ints.normalize(new BigDecimal(d).toBigInteger());
        }
        return d;
    }

    private static Object ofDecimal(BigDecimal dec) {
        if (dec.signum() == 0 || dec.stripTrailingZeros().scale() <= 0) {
            return Ints.normalize(dec.toBigInteger());
        }
        double d = dec.doubleValue();
        return new BigDecimal(d).compareTo(dec) == 0 ? (Object) d : dec.stripTrailingZeros();
    }
}
