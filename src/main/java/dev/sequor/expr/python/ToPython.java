package dev.sequor.expr.python;

import dev.sequor.db.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * Turns Java values into real Python values, so snippets get a {@code dict} they can {@code json.dumps}, mutate,
 * slice and test with {@code isinstance}: Map -> dict, List -> list, Row -> Row, BigDecimal -> decimal.Decimal,
 * BigInteger -> int, LocalDateTime/Timestamp -> naive datetime.datetime, OffsetDateTime/ZonedDateTime/Instant ->
 * aware datetime.datetime, LocalDate -> datetime.date, LocalTime -> datetime.time, byte[] -> bytes (as upstream's
 * psycopg2 hands database values). Strings, integers, doubles, booleans and null cross as they are. Each container
 * is built by one call into Python that reads a proxy array, so a big dict costs linear time. The decimal and
 * datetime modules are imported by the prelude on the first such value only.
 */
final class ToPython {

    private final Value dictFromLists;
    private final Value listFromArray;
    private final Value rowFromLists;
    private final Value intFromText;
    private final Value bytesFromArray;
    private final Value decimalFromText;
    private final Value datetimeFromIso;
    private final Value dateFromIso;
    private final Value timeFromIso;
    private final Value none;

    ToPython(Value prelude) {
        this.dictFromLists = prelude.getMember("_dict");
        this.listFromArray = prelude.getMember("_list");
        this.rowFromLists = prelude.getMember("_row");
        this.intFromText = prelude.getMember("_int");
        this.bytesFromArray = prelude.getMember("_bytes");
        this.decimalFromText = prelude.getMember("_decimal");
        this.datetimeFromIso = prelude.getMember("_datetime");
        this.dateFromIso = prelude.getMember("_date");
        this.timeFromIso = prelude.getMember("_time");
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
            return decimalFromText.execute(decimal.toString());
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
        if (value instanceof TemporalAccessor || value instanceof java.util.Date) {
            return temporal(value);
        }
        return String.valueOf(value);
    }

    /**
     * A date or time as Python's datetime value, through ISO text its fromisoformat reads (microseconds, offsets
     * with seconds). Years Python cannot hold (before 1 or after 9999) and other temporal types (Year, YearMonth...)
     * stay ISO-8601 text, as before.
     */
    private Object temporal(Object value) {
        Object t = switch (value) {
            case java.sql.Timestamp ts -> ts.toLocalDateTime();
            case java.sql.Date d -> d.toLocalDate();
            case java.sql.Time time -> time.toLocalTime();
            case java.util.Date d -> d.toInstant().atOffset(ZoneOffset.UTC);
            case Instant instant -> instant.atOffset(ZoneOffset.UTC);
            case ZonedDateTime zoned -> zoned.toOffsetDateTime();
            default -> value;
        };
        return switch (t) {
            case LocalDateTime dt when inPythonRange(dt.getYear()) ->
                    datetimeFromIso.execute(dt.toLocalDate() + "T" + time(dt.toLocalTime()));
            case OffsetDateTime dt when inPythonRange(dt.getYear()) ->
                    datetimeFromIso.execute(dt.toLocalDate() + "T" + time(dt.toLocalTime()) + offset(dt.getOffset()));
            case LocalDate d when inPythonRange(d.getYear()) -> dateFromIso.execute(d.toString());
            case LocalTime time -> timeFromIso.execute(time(time));
            case OffsetTime time -> timeFromIso.execute(time(time.toLocalTime()) + offset(time.getOffset()));
            default -> t.toString();
        };
    }

    private static boolean inPythonRange(int year) {
        return year >= 1 && year <= 9999;
    }

    /** HH:MM:SS.ffffff: Python keeps microseconds, so finer digits are dropped. */
    private static String time(LocalTime t) {
        return String.format("%02d:%02d:%02d.%06d", t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000);
    }

    /** +HH:MM[:SS] (ZoneOffset's own text says Z for UTC). */
    private static String offset(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
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
