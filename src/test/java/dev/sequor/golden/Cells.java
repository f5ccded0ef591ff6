package dev.sequor.golden;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes one table cell as canonical YAML flow text, from the database's value or from the value a case expects,
 * so that two cells are equal exactly when their texts are. Canonical means equal as the database compares values
 * of that type: a decimal's trailing zeros are dropped (1.50 = 1.5; the declared scale is compared in the column's
 * type), a float is compared as a double (1 = 1.0 in a float column), timestamps with a time zone as instants, JSON
 * as a tree with sorted keys. Text is always double-quoted, so the text "1" and the integer 1 never look alike.
 * <p>
 * A case value whose YAML type does not fit the column (the integer 1 in a text column, "1.5" quoted in a decimal
 * column) is written with a marker saying so, which no database value produces: the comparison fails and says why.
 */
final class Cells {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** ISO date and time with a space between; seconds always, a fraction only when there is one. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();

    private Cells() {
    }

    /** A value as JDBC's {@code getObject} returned it for a column of type {@code t}. */
    static String fromDatabase(CommonType t, Object v) {
        if (v == null) {
            return "null";
        }
        if (!t.known()) {
            throw new AssertionError("the golden harness does not compare columns of type " + t
                    + "; add the type to CommonType and Cells");
        }
        if (t.arrays() > 0) {
            List<String> items = new ArrayList<>();
            for (Object item : arrayItems(v)) {
                items.add(fromDatabase(t.element(), item));
            }
            return "[" + String.join(", ", items) + "]";
        }
        return switch (t.base()) {
            case "integer" -> new BigInteger(v.toString()).toString();
            case "decimal" -> decimal(v instanceof BigDecimal d ? d : new BigDecimal(v.toString()));
            case "float" -> real(((Number) v).doubleValue());
            case "real" -> real(((Number) v).floatValue());
            case "boolean" -> String.valueOf((Boolean) v);
            case "date" -> quoted((v instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(v.toString())).toString());
            case "time" -> quoted((v instanceof java.sql.Time d ? d.toLocalTime() : LocalTime.parse(v.toString())).toString());
            case "timestamp" -> quoted(TIMESTAMP.format(v instanceof Timestamp ts ? ts.toLocalDateTime()
                    : v instanceof LocalDateTime l ? l : LocalDateTime.parse(v.toString().replace(' ', 'T'))));
            case "timestamptz" -> quoted(instant(v).toString());
            case "uuid" -> quoted(v.toString().toLowerCase(java.util.Locale.ROOT));
            case "json" -> json(v.toString());
            case "binary" -> quoted("\\x" + HexFormat.of().formatHex(bytes(v)));
            default -> quoted(v.toString()); // text, timetz, interval: compared as the database writes them
        };
    }

    /** A value from case.yaml (floats arrive as BigDecimal, see {@link GoldenCase}) for a column of type {@code t}. */
    static String fromCase(CommonType t, Object v) {
        if (v == null) {
            return "null";
        }
        if (t.arrays() > 0) {
            if (!(v instanceof List<?> list)) {
                return misfit(v, t);
            }
            List<String> items = new ArrayList<>();
            for (Object item : list) {
                items.add(fromCase(t.element(), item));
            }
            return "[" + String.join(", ", items) + "]";
        }
        boolean whole = v instanceof Integer || v instanceof Long || v instanceof BigInteger;
        boolean number = whole || v instanceof BigDecimal;
        try {
            return switch (t.base()) {
                case "integer" -> whole ? v.toString() : misfit(v, t);
                case "decimal" -> number ? decimal(new BigDecimal(v.toString())) : misfit(v, t);
                case "float" -> number || v instanceof Double ? real(((Number) v).doubleValue()) : misfit(v, t);
                case "real" -> number || v instanceof Double ? real(((Number) v).floatValue()) : misfit(v, t);
                case "boolean" -> v instanceof Boolean ? v.toString() : misfit(v, t);
                case "json" -> json(JSON.writeValueAsString(v));
                // a timestamp column that holds UTC (MySQL's DATETIME for timestamptz) compares with an instant
                // written with Z as its UTC time
                case "timestamp" -> v instanceof String s ? fromDatabase(t, s.endsWith("Z")
                        ? s.substring(0, s.length() - 1) : s) : misfit(v, t);
                case "date", "time", "timestamptz", "uuid" ->
                        v instanceof String s ? fromDatabase(t, s) : misfit(v, t);
                default -> v instanceof String s ? quoted(s) : misfit(v, t);
            };
        } catch (DateTimeParseException | JsonProcessingException | IllegalArgumentException e) {
            return misfit(v, t);
        }
    }

    private static String misfit(Object v, CommonType t) {
        String yamlType = switch (v) {
            case String s -> "text";
            case Integer i -> "integer";
            case Long l -> "integer";
            case BigInteger b -> "integer";
            case BigDecimal d -> "float";
            case Boolean b -> "boolean";
            case List<?> l -> "list";
            case Map<?, ?> m -> "mapping";
            default -> v.getClass().getSimpleName();
        };
        return v + " <case.yaml gives " + yamlType + " " + quoted(String.valueOf(v)) + ", which cannot be a " + t
                + " value>";
    }

    private static String decimal(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private static String real(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        return Double.toString(d);
    }

    private static String real(float f) {
        return Float.isNaN(f) || Float.isInfinite(f) ? real((double) f) : Float.toString(f);
    }

    private static Instant instant(Object v) {
        return switch (v) {
            case OffsetDateTime o -> o.toInstant();
            case ZonedDateTime z -> z.toInstant();
            case Instant i -> i;
            case Timestamp ts -> ts.toInstant();
            default -> OffsetDateTime.parse(v.toString().replace(' ', 'T')).toInstant();
        };
    }

    private static byte[] bytes(Object v) {
        try {
            return v instanceof Blob b ? b.getBytes(1, (int) b.length()) : (byte[]) v;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<?> arrayItems(Object v) {
        try {
            return v instanceof Array a ? List.of((Object[]) a.getArray()) : (List<?>) v;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON text as a canonical tree: keys sorted, numbers as the database compares them (1.0 = 1). */
    private static String json(String text) {
        try {
            JsonNode tree = JSON.readTree(text);
            // a JSON null is not SQL's NULL, which is written null
            return tree.isNull() ? "json-null" : canonical(tree);
        } catch (JsonProcessingException e) {
            return quoted(text) + " <not JSON>";
        }
    }

    private static String canonical(JsonNode n) {
        if (n.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), e.getValue());
            }
            List<String> fields = new ArrayList<>();
            sorted.forEach((k, x) -> fields.add(quoted(k) + ": " + canonical(x)));
            return "{" + String.join(", ", fields) + "}";
        }
        if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(x -> items.add(canonical(x)));
            return "[" + String.join(", ", items) + "]";
        }
        if (n.isNumber()) {
            return decimal(n.decimalValue());
        }
        return n.isTextual() ? quoted(n.textValue()) : n.toString();
    }

    /** A YAML double-quoted scalar (JSON string escapes are valid YAML). */
    static String quoted(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
