package dev.sequor.db;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.duckdb.DuckDBStruct;
import org.postgresql.util.PGobject;

/**
 * Reads result rows as plain Java values (String, Integer, Long, Double, BigDecimal, Boolean, java.time types,
 * byte[]) so no driver type (PGobject, DuckDB structs/arrays, java.sql.Timestamp) leaks to flows. Structured values
 * (JSON, arrays, structs, maps) become JSON text. The reader for each column is chosen once from the metadata.
 */
final class ResultValues {

    @FunctionalInterface
    private interface ColumnReader {
        Object read(ResultSet rs, int index) throws SQLException;
    }

    private final List<String> columns;
    private final ColumnReader[] readers;

    private ResultValues(List<String> columns, ColumnReader[] readers) {
        this.columns = columns;
        this.readers = readers;
    }

    /** The reader of {@code rs}, its columns named as {@code dialect} gives them to flows ({@link Dialect#label}). */
    static ResultValues of(ResultSet rs, Dialect dialect) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> columns = new ArrayList<>(n);
        ColumnReader[] readers = new ColumnReader[n];
        for (int i = 1; i <= n; i++) {
            columns.add(dialect.label(meta.getColumnLabel(i)));
            readers[i - 1] = readerFor(meta.getColumnType(i), meta.getColumnTypeName(i));
        }
        return new ResultValues(List.copyOf(columns), readers);
    }

    Row read(ResultSet rs) throws SQLException {
        LinkedHashMap<String, Object> values = LinkedHashMap.newLinkedHashMap(readers.length);
        for (int i = 0; i < readers.length; i++) {
            values.put(columns.get(i), readers[i].read(rs, i + 1));
        }
        return new Row(values);
    }

    private static ColumnReader readerFor(int sqlType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase();
        if (name.equals("timestamptz")) {
            // pgjdbc reports timestamptz as Types.TIMESTAMP; asking for OffsetDateTime keeps the instant exact.
            return (rs, i) -> rs.getObject(i, OffsetDateTime.class);
        }
        return switch (sqlType) {
            // Asking for java.time directly avoids Timestamp's trip through the JVM time zone (DST gaps).
            case Types.TIMESTAMP -> (rs, i) -> plain(rs.getObject(i, LocalDateTime.class));
            case Types.DATE -> (rs, i) -> plain(rs.getObject(i, LocalDate.class));
            default -> (rs, i) -> {
                Object v = rs.getObject(i);
                // PGobject subclasses render their own text (PGInterval says "1 days"); the server's text is exact.
                return v instanceof PGobject ? rs.getString(i) : plain(v);
            };
        };
    }

    /** Normalises one driver value to a plain Java value. */
    static Object plain(Object v) throws SQLException {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Integer i -> i;
            case Long l -> l;
            case Double d -> d;
            case BigDecimal d -> d;
            case Boolean b -> b;
            case Short s -> s.intValue();
            case Byte b -> b.intValue();
            // Float.toString keeps the short decimal form (1.1 rather than 1.100000023841858).
            case Float f -> Double.parseDouble(f.toString());
            case BigInteger b -> b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
            case Timestamp t -> t.toLocalDateTime();
            case java.sql.Date d -> d.toLocalDate();
            case java.sql.Time t -> t.toLocalTime();
            case UUID u -> u.toString();
            case byte[] bytes -> bytes;
            case Blob b -> b.getBytes(1, (int) b.length());
            case PGobject o -> o.getValue();
            case Array a -> ValueText.json(structured(a));
            case Struct s -> ValueText.json(structured(s));
            case Map<?, ?> m -> ValueText.json(structured(m));
            case java.time.temporal.TemporalAccessor t -> t;
            // DuckDB's JsonNode and anything else: its text form is the database's own rendering.
            default -> v.toString();
        };
    }

    /** Structured driver values as Maps/Lists of plain values, ready for JSON text. */
    private static Object structured(Object v) throws SQLException {
        switch (v) {
            case null -> {
                return null;
            }
            case Array a -> {
                return structured(Arrays.asList((Object[]) a.getArray()));
            }
            case DuckDBStruct s -> {
                return structured(s.getMap());
            }
            case Struct s -> {
                return structured(Arrays.asList(s.getAttributes()));
            }
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.put(String.valueOf(e.getKey()), structured(e.getValue()));
                }
                return out;
            }
            case List<?> l -> {
                List<Object> out = new ArrayList<>(l.size());
                for (Object o : l) {
                    out.add(structured(o));
                }
                return out;
            }
            default -> {
                Object p = plain(v);
                return p instanceof java.time.temporal.TemporalAccessor ? p.toString() : p;
            }
        }
    }
}
