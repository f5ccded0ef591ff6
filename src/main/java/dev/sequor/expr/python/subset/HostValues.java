package dev.sequor.expr.python.subset;

import dev.sequor.db.PythonBytes;
import dev.sequor.db.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Crossing between Sequor's plain Java values and the evaluator's Python values, with the same rules as the
 * GraalPy path ({@code ToPython}/{@code FromPython}): Map -> dict, List -> list, Row -> Row, BigDecimal -> Decimal,
 * java.time -> datetime/date/time, byte[] -> bytes; and back: dict -> LinkedHashMap with str keys, list/tuple ->
 * ArrayList, Row -> LinkedHashMap, Decimal -> BigDecimal, anything else -> its {@code str()} (of bytes, text that
 * keeps its bytes for a binary column, {@link PythonBytes}).
 */
public final class HostValues {

    private HostValues() {
    }

    public static Object toPython(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Row row) {
            return row(row);
        }
        if (v instanceof Map<?, ?> map) {
            PyDict d = new PyDict(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                d.put(toPython(e.getKey()), toPython(e.getValue()));
            }
            return d;
        }
        if (v instanceof Collection<?> items) {
            PyList l = new PyList(items.size());
            for (Object item : items) {
                l.add(toPython(item));
            }
            return l;
        }
        if (v instanceof Object[] items) {
            return toPython(List.of(items));
        }
        if (v instanceof BigInteger big) {
            return Ints.normalize(big);
        }
        if (v instanceof BigDecimal || v instanceof LocalDateTime || v instanceof LocalDate || v instanceof LocalTime
                || v instanceof OffsetDateTime) {
            return v;
        }
        if (v instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (v instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (v instanceof java.sql.Time time) {
            return time.toLocalTime();
        }
        if (v instanceof byte[] bytes) {
            return new PyBytes(bytes.clone());
        }
        return String.valueOf(v);
    }

    /** Rows in a Python list, as {@code query()} and {@code table()} return them. */
    static PyList rows(List<Row> rows) {
        PyList out = new PyList(rows.size());
        for (Row r : rows) {
            out.add(row(r));
        }
        return out;
    }

    private static PyRow row(Row row) {
        List<String> columns = new ArrayList<>(row.size());
        Object[] values = new Object[row.size()];
        int i = 0;
        for (Map.Entry<String, Object> e : row.entrySet()) {
            columns.add(e.getKey());
            values[i++] = toPython(e.getValue());
        }
        return new PyRow(columns, values);
    }

    /** What a snippet returned, as the plain Java value the rest of Sequor understands. */
    public static Object toJava(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double
                || v instanceof BigInteger || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof PyDict d) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : d.entries()) {
                out.put(e.getKey() instanceof String s ? s : Py.str(e.getKey()), toJava(e.getValue()));
            }
            return out;
        }
        if (v instanceof PyList l) {
            List<Object> out = new ArrayList<>(l.size());
            l.items.forEach(item -> out.add(toJava(item)));
            return out;
        }
        if (v instanceof PyTuple t) {
            List<Object> out = new ArrayList<>(t.size());
            for (Object item : t.items) {
                out.add(toJava(item));
            }
            return out;
        }
        if (v instanceof PyRow r) {
            return toJava(r.toDict());
        }
        if (v instanceof LocalDateTime || v instanceof LocalDate || v instanceof LocalTime || v instanceof OffsetDateTime) {
            return v;
        }
        if (v instanceof PyBytes b) {
            // its str() as before, which remembers the bytes for a binary column (PythonBytes)
            return PythonBytes.text(Py.str(v), b.bytes);
        }
        return Py.str(v);
    }
}
