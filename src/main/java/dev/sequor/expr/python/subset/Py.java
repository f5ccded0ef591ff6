package dev.sequor.expr.python.subset;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The core object protocol of the Java evaluator: type names, truth, equality, hashing and ordering with Python's
 * rules. Python values are Java values:
 * <table>
 * <caption>Python types and their Java form</caption>
 * <tr><td>None</td><td>null</td></tr>
 * <tr><td>bool</td><td>Boolean</td></tr>
 * <tr><td>int</td><td>Long, or BigInteger only when it does not fit in a long ({@link Ints})</td></tr>
 * <tr><td>float</td><td>Double</td></tr>
 * <tr><td>str</td><td>String (indexed by code point, see {@link Strs})</td></tr>
 * <tr><td>decimal.Decimal</td><td>BigDecimal</td></tr>
 * <tr><td>datetime.datetime / date / time</td><td>LocalDateTime or OffsetDateTime / LocalDate / LocalTime</td></tr>
 * <tr><td>datetime.timedelta / timezone</td><td>{@link PyTimedelta} / {@link PyTimezone}</td></tr>
 * <tr><td>list, tuple, dict, set, bytes</td><td>{@link PyList}, {@link PyTuple}, {@link PyDict}, {@link PySet}, {@link PyBytes}</td></tr>
 * <tr><td>anything else</td><td>a {@link PyObject}</td></tr>
 * </table>
 * {@link Repr} turns values into text, {@link Items} indexes and iterates them, {@link Attrs} reads attributes,
 * {@link Arith} computes operators.
 */
public final class Py {

    private Py() {
    }

    public static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return "int";
        }
        if (v instanceof Double) {
            return "float";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof PyObject o) {
            return o.typeName();
        }
        if (v instanceof BigDecimal) {
            return "Decimal"; // GraalPy's decimal is _pydecimal, whose class shows as plain Decimal in messages
        }
        if (v instanceof LocalDateTime || v instanceof OffsetDateTime) {
            return "datetime.datetime";
        }
        if (v instanceof LocalDate) {
            return "datetime.date";
        }
        if (v instanceof LocalTime) {
            return "datetime.time";
        }
        return v.getClass().getSimpleName();
    }

    public static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof Double d) {
            return d != 0.0;
        }
        if (v instanceof PyList l) {
            return !l.items.isEmpty();
        }
        if (v instanceof PyDict d) {
            return d.size() != 0;
        }
        if (v instanceof PyTuple t) {
            return t.items.length != 0;
        }
        if (v instanceof PySet s) {
            return s.size() != 0;
        }
        if (v instanceof PyBytes b) {
            return b.bytes.length != 0;
        }
        if (v instanceof BigDecimal d) {
            return d.signum() != 0;
        }
        if (v instanceof BigInteger) {
            return true; // normalised: never zero
        }
        if (v instanceof LocalTime) {
            return true;
        }
        if (v instanceof PyTimedelta td) {
            return !td.isZero();
        }
        if (v instanceof Sized s) {
            return s.len() != 0;
        }
        return true;
    }

    /** Python's {@code ==}. */
    public static boolean eq(Object a, Object b) {
        if (a == b) {
            return !(a instanceof Double d && d.isNaN());
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof String s) {
            return s.equals(b);
        }
        if (isNumber(a)) {
            return isNumber(b) && Numbers.compare(a, b) == 0 && !Numbers.isNaN(a) && !Numbers.isNaN(b);
        }
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.isEqual(y); // aware datetimes are equal at the same instant, whatever their offsets
        }
        if (a instanceof PyObject || a instanceof java.time.temporal.Temporal) {
            return a.equals(b);
        }
        return a.equals(b);
    }

    public static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof Boolean || v instanceof BigInteger
                || v instanceof BigDecimal;
    }

    /** A hash consistent with {@link #eq}: equal numbers of any type hash alike. */
    public static int hash(Object v) {
        Object key = DictKeys.of(v);
        return key == null ? 0 : key.hashCode();
    }

    static boolean sequenceEquals(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!eq(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Python's ordering for {@code <, <=, >, >=}, {@code sorted}, {@code min} and {@code max}: numbers with numbers,
     * str with str, lists and tuples item by item, dates with dates; anything else is Python's TypeError naming
     * {@code op}.
     */
    public static int compare(Object a, Object b, String op) {
        if (a instanceof String x && b instanceof String y) {
            return Strs.compare(x, y);
        }
        if (isNumber(a) && isNumber(b)) {
            if (Numbers.isNaN(a) || Numbers.isNaN(b)) {
                return NAN_UNORDERED;
            }
            return Numbers.compare(a, b);
        }
        if (a instanceof PyList x && b instanceof PyList y) {
            return compareSequences(x.items, y.items, op);
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
            return compareSequences(x.asList(), y.asList(), op);
        }
        if (a instanceof PyBytes x && b instanceof PyBytes y) {
            return java.util.Arrays.compareUnsigned(x.bytes, y.bytes);
        }
        Integer temporal = Temporals.compare(a, b);
        if (temporal != null) {
            return temporal;
        }
        throw PyExc.typeError("'" + op + "' not supported between instances of '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    /** What {@link #compare} answers when a NaN is involved: every ordering test is then false. */
    public static final int NAN_UNORDERED = Integer.MIN_VALUE;

    private static int compareSequences(List<Object> a, List<Object> b, String op) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (!eq(x, y)) {
                return compare(x, y, op);
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** {@code a <= b} for two sets: subset; {@code strict}: proper subset. */
    private static boolean subset(PySet a, PySet b, boolean strict) {
        if (a.size() > b.size() || strict && a.size() == b.size()) {
            return false;
        }
        for (Object item : a.items()) {
            if (!b.contains(item)) {
                return false;
            }
        }
        return true;
    }

    /** {@code a < b} etc. with NaN answering false; on sets (and keys and items views), subset and superset tests. */
    public static boolean lt(Object a, Object b) {
        Boolean views = ViewSets.compare("<", a, b);
        if (views != null) {
            return views;
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            return subset(x, y, true);
        }
        int c = compare(a, b, "<");
        return c != NAN_UNORDERED && c < 0;
    }

    public static boolean le(Object a, Object b) {
        Boolean views = ViewSets.compare("<=", a, b);
        if (views != null) {
            return views;
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            return subset(x, y, false);
        }
        int c = compare(a, b, "<=");
        return c != NAN_UNORDERED && c <= 0;
    }

    public static boolean gt(Object a, Object b) {
        Boolean views = ViewSets.compare(">", a, b);
        if (views != null) {
            return views;
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            return subset(y, x, true);
        }
        int c = compare(a, b, ">");
        return c != NAN_UNORDERED && c > 0;
    }

    public static boolean ge(Object a, Object b) {
        Boolean views = ViewSets.compare(">=", a, b);
        if (views != null) {
            return views;
        }
        if (a instanceof PySet x && b instanceof PySet y) {
            return subset(y, x, false);
        }
        int c = compare(a, b, ">=");
        return c != NAN_UNORDERED && c >= 0;
    }

    public static String repr(Object v) {
        return Repr.repr(v);
    }

    public static String str(Object v) {
        return Repr.str(v);
    }

    /** Objects with a Python {@code len()}, for truth testing. */
    public interface Sized {
        int len();
    }
}
