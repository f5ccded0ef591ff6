package dev.sequor.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sequor.expr.python.subset.FloatRepr;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How values become text where a flow needs text (URLs, query parameters, SQL, messages, conditions): scalars as
 * Python's {@code str()} prints them (floats {@code 3.0}, {@code 1e-05}; booleans {@code True}), mappings and lists
 * as JSON.
 */
public final class Texts {

    /** Made on first use: most runs only turn scalars into text, and a fresh JVM's first mapper costs ~20 ms. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private Texts() {
    }

    public static String str(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double d) {
            return FloatRepr.repr(d);
        }
        if (v instanceof Float f) {
            return FloatRepr.repr(Double.parseDouble(f.toString()));
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            return json(v);
        }
        return String.valueOf(v);
    }

    public static String json(Object v) {
        try {
            return Json.MAPPER.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            return String.valueOf(v);
        }
    }

    /** Upstream's condition truth: {@code str(value).strip().lower() == "true"}. */
    public static boolean isTrue(Object v) {
        return v != null && str(v).strip().equalsIgnoreCase("true");
    }

    /** A short form of a value for error messages (never more than 200 characters). */
    public static String shortRepr(Object v) {
        String s = v instanceof String str ? "'" + str + "'" : str(v);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** Python's type name of a plain value, for messages in upstream's wording. */
    public static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Long || v instanceof Integer || v instanceof java.math.BigInteger) {
            return "int";
        }
        if (v instanceof Number) {
            return "float";
        }
        if (v instanceof Map<?, ?>) {
            return "dict";
        }
        if (v instanceof List<?>) {
            return "list";
        }
        return v.getClass().getSimpleName();
    }
}
