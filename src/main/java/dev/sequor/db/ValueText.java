package dev.sequor.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sequor.expr.python.subset.FloatRepr;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/**
 * How a flow value is written into a table column, as text the database converts to the column type. Scalars are
 * written as upstream's Python {@code str(v)} writes them (floats as Python's repr: {@code 15000000000.0},
 * {@code 1e-05}, {@code 1e+16}), so text columns hold the same text as upstream's. Unlike upstream, objects and arrays
 * become JSON, booleans {@code true}/{@code false}, decimals keep every digit, dates ISO-8601.
 */
public final class ValueText {

    /** Module registered explicitly (no ServiceLoader discovery) so it also works in a native image. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ValueText() {
    }

    /** The text for {@code value}, or null for SQL NULL. */
    public static String of(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b ? "true" : "false";
            case BigDecimal d -> d.toPlainString();
            case Double d -> FloatRepr.reprWithJsonNonFinite(d);
            case Float f -> FloatRepr.reprWithJsonNonFinite(Double.parseDouble(f.toString()));
            case Number n -> n.toString();
            case Map<?, ?> m -> json(m);
            case Collection<?> c -> json(c);
            case Object[] a -> json(a);
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case TemporalAccessor t -> t.toString();
            case Date d -> d.toInstant().toString();
            default -> value.toString();
        };
    }

    /**
     * Compact JSON text of a value (used for objects/arrays and in error messages): plain values by {@link JsonText},
     * anything else by Jackson, with the same text either way.
     */
    public static String json(Object value) {
        String text = JsonText.write(value);
        if (text != null) {
            return text;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Values come from JSON or Python; anything Jackson cannot write is shown by its own text instead.
            return String.valueOf(value);
        }
    }
}
