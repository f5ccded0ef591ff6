package dev.sequor.expr.python;

import dev.sequor.db.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * Turns Java values into real Python values, so snippets get a {@code dict} they can {@code json.dumps}, mutate,
 * slice and test with {@code isinstance}: Map -> dict, List -> list, Row -> Row, BigDecimal -> float,
 * BigInteger -> int, java.time values -> ISO-8601 str, byte[] -> bytes. Strings, integers, doubles, booleans and
 * null cross as they are. Each container is built by one call into Python that reads a proxy array, so a big
 * dict costs linear time.
 */
final class ToPython {

    private final Value dictFromLists;
    private final Value listFromArray;
    private final Value rowFromLists;
    private final Value intFromText;
    private final Value bytesFromArray;
    private final Value none;

    ToPython(Value prelude) {
        this.dictFromLists = prelude.getMember("_dict");
        this.listFromArray = prelude.getMember("_list");
        this.rowFromLists = prelude.getMember("_row");
        this.intFromText = prelude.getMember("_int");
        this.bytesFromArray = prelude.getMember("_bytes");
        this.none = prelude.getMember("_NONE");
    }

    /** A value Python code can hold: a primitive the polyglot layer passes as is, or a Python object. */
    Object convert(Object value) {
        if (value == null) {
            return none; // a Java null would arrive as a foreign null that json.dumps and `is None` reject
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer || value instanceof Double || value instanceof Value) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return map instanceof Row row ? row(row) : dict(map);
        }
        if (value instanceof Collection<?> items) {
            return list(items);
        }
        if (value instanceof Object[] items) {
            return list(List.of(items));
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : intFromText.execute(big.toString());
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof byte[] bytes) {
            Object[] boxed = new Object[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                boxed[i] = (int) bytes[i];
            }
            return bytesFromArray.execute(ProxyArray.fromArray(boxed));
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof java.sql.Time time) {
            return time.toLocalTime().toString();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof TemporalAccessor) {
            // LocalDate, LocalDateTime, OffsetDateTime, Instant...: their toString() is ISO-8601
            return value.toString();
        }
        return String.valueOf(value);
    }

    /** Python's None. */
    Value none() {
        return none;
    }

    Value list(Collection<?> items) {
        Object[] converted = new Object[items.size()];
        int i = 0;
        for (Object item : items) {
            converted[i++] = convert(item);
        }
        return listFromArray.execute(ProxyArray.fromArray(converted));
    }

    private Value dict(Map<?, ?> map) {
        Object[] keys = new Object[map.size()];
        Object[] values = new Object[map.size()];
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            keys[i] = convert(e.getKey());
            values[i] = convert(e.getValue());
            i++;
        }
        return dictFromLists.execute(ProxyArray.fromArray(keys), ProxyArray.fromArray(values));
    }

    private Value row(Row row) {
        List<Object> columns = new ArrayList<>(row.size());
        List<Object> values = new ArrayList<>(row.size());
        for (Map.Entry<String, Object> e : row.entrySet()) {
            columns.add(e.getKey());
            values.add(convert(e.getValue()));
        }
        return rowFromLists.execute(ProxyArray.fromList(columns), ProxyArray.fromList(values));
    }
}
