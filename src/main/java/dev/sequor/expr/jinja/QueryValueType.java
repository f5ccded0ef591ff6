package dev.sequor.expr.jinja;

import dev.sequor.error.SequorException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code type} argument of {@code query_value(sql, type)}. Templates may pass the bare names {@code int},
 * {@code float}, {@code str}, {@code bool} (bound to these constants) or the same names as strings.
 */
enum QueryValueType {
    INT("int"),
    FLOAT("float"),
    STR("str"),
    BOOL("bool");

    final String pythonName;

    QueryValueType(String pythonName) {
        this.pythonName = pythonName;
    }

    /** The constant for a bare name, or null when {@code name} is not one of the four. */
    static QueryValueType byName(String name) {
        for (QueryValueType t : values()) {
            if (t.pythonName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Accepts a constant or its name as a string; anything else is an error listing the allowed types. */
    static QueryValueType of(Object spec) {
        if (spec instanceof QueryValueType t) {
            return t;
        }
        QueryValueType t = spec instanceof String s ? byName(s.trim()) : null;
        if (t == null) {
            String allowed = Arrays.stream(values()).map(v -> v.pythonName).collect(Collectors.joining(", "));
            throw SequorException.failed(null, "query_value type must be one of " + allowed + ", got "
                    + PythonStr.repr(spec));
        }
        return t;
    }

    /** Converts a query result; SQL NULL stays None whatever the type. */
    Object convert(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (this) {
                case INT -> toInt(value);
                case FLOAT -> toFloat(value);
                case STR -> PythonStr.str(value);
                case BOOL -> toBool(value);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw cannotConvert(value);
        }
    }

    private Object toInt(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger i) {
            return i.bitLength() < 64 ? (Object) i.longValue() : i;
        }
        BigDecimal d = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().trim());
        // Python's int() truncates towards zero
        BigInteger i = d.toBigInteger();
        return i.bitLength() < 64 ? (Object) i.longValue() : i;
    }

    private Object toFloat(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return Double.parseDouble(value.toString().trim());
    }

    private Object toBool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).signum() != 0;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes" -> true;
            case "false", "f", "0", "no" -> false;
            default -> throw cannotConvert(value);
        };
    }

    private SequorException cannotConvert(Object value) {
        return SequorException.failed(null, "query_value cannot convert " + PythonStr.repr(value) + " to " + pythonName);
    }

    /** Printed like Python prints the type object. */
    @Override
    public String toString() {
        return "<class '" + pythonName + "'>";
    }
}
