package dev.sequor.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sequor.expr.python.subset.FloatRepr;
import dev.sequor.expr.python.subset.JsonEncoder;
import dev.sequor.expr.python.subset.Strs;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text Python's {@code json.dumps(value)} writes with its defaults, which is what upstream sends as a
 * {@code body_format: json} body: separators {@code ", "} and {@code ": "}, every character outside printable ASCII
 * escaped as {@code \\uXXXX} (ensure_ascii), floats as Python's repr, {@code NaN}/{@code Infinity} allowed, int, float,
 * bool and None keys turned into strings. APIs that sign the body bytes see the same bytes as from upstream.
 *
 * <p>Two values upstream cannot send at all ({@code json.dumps} raises TypeError) are sent as Sequor always sent them:
 * a decimal as a JSON number with its own digits, and dates, times and other Java values as the JSON Jackson writes
 * for them (ISO-8601 strings for dates and times).
 */
public final class PythonJsonDumps {

    /**
     * Writes the values upstream would reject; the module is registered explicitly so it works in a native image.
     * Made on first use, not with this class: a mapper with its module costs a fresh JVM 30-40 ms, which the first
     * JSON request body of every run paid though bodies of strings, numbers, maps and lists never need it.
     */
    private static final class Jackson {
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private final StringBuilder out = new StringBuilder();
    private final boolean sortKeys;
    /** Null for one line; else json.dumps' indent: each level on its own lines, items separated by "," alone. */
    private final String indent;
    private int level;

    private PythonJsonDumps(boolean sortKeys, String indent) {
        this.sortKeys = sortKeys;
        this.indent = indent;
    }

    /** The JSON text; IllegalArgumentException (with Python's wording) for a key JSON has no form for. */
    public static String dumps(Object value) {
        return dumps(value, false, null);
    }

    /**
     * {@code json.dumps(value, sort_keys=sortKeys, indent=indent)}: keys sorted as Python sorts them (text by code
     * point, numbers by value; IllegalArgumentException for keys of both kinds in one object), and with an indent
     * each item on a line of its own, {@code indent} spaces deeper per level.
     */
    public static String dumps(Object value, boolean sortKeys, Integer indent) {
        PythonJsonDumps w = new PythonJsonDumps(sortKeys, indent == null ? null : " ".repeat(Math.max(0, indent)));
        w.write(value);
        return w.out.toString();
    }

    private void write(Object v) {
        switch (v) {
            case null -> out.append("null");
            case String s -> string(s);
            case Boolean b -> out.append(b ? "true" : "false");
            case Long l -> out.append(l);
            case Integer i -> out.append(i);
            case Short s -> out.append(s);
            case Byte b -> out.append(b);
            case BigInteger i -> out.append(i);
            case Double d -> out.append(FloatRepr.reprWithJsonNonFinite(d));
            case Float f -> out.append(FloatRepr.reprWithJsonNonFinite(Double.parseDouble(f.toString())));
            case BigDecimal d -> out.append(d);
            case Map<?, ?> m -> object(m);
            case Collection<?> c -> array(c.iterator(), c.isEmpty());
            case Object[] a -> array(Arrays.asList(a).iterator(), a.length == 0);
            default -> write(plain(Jackson.MAPPER.valueToTree(v)));
        }
    }

    private void array(Iterator<?> items, boolean empty) {
        if (empty) {
            out.append("[]");
            return;
        }
        out.append('[');
        level++;
        boolean first = true;
        while (items.hasNext()) {
            separate(first);
            first = false;
            write(items.next());
        }
        close(']');
    }

    private void object(Map<?, ?> m) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        level++;
        boolean first = true;
        for (Map.Entry<?, ?> e : sortKeys ? sorted(m) : m.entrySet()) {
            separate(first);
            first = false;
            string(keyText(e.getKey()));
            out.append(": ");
            write(e.getValue());
        }
        close('}');
    }

    /** Before an item: ", " on one line; with an indent, "," (not before the first) and a new indented line. */
    private void separate(boolean first) {
        if (indent == null) {
            out.append(first ? "" : ", ");
        } else {
            out.append(first ? "\n" : ",\n").append(indent.repeat(level));
        }
    }

    private void close(char bracket) {
        level--;
        if (indent != null) {
            out.append('\n').append(indent.repeat(level));
        }
        out.append(bracket);
    }

    /** Python's sorted(d.items()) by key: text by code point, numbers by value; keys of both kinds cannot be sorted. */
    private static List<Map.Entry<?, ?>> sorted(Map<?, ?> m) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
        boolean text = entries.stream().allMatch(e -> e.getKey() instanceof String);
        boolean numbers = entries.stream().allMatch(e -> e.getKey() instanceof Number);
        if (text) {
            entries.sort((a, b) -> Strs.compare((String) a.getKey(), (String) b.getKey()));
        } else if (numbers) {
            entries.sort((a, b) -> new BigDecimal(a.getKey().toString()).compareTo(new BigDecimal(b.getKey().toString())));
        } else {
            throw new IllegalArgumentException("'<' not supported between instances of "
                    + entries.stream().map(e -> "'" + pythonTypeName(e.getKey()) + "'").distinct().limit(2)
                    .reduce((x, y) -> x + " and " + y).orElse(""));
        }
        return entries;
    }

    private static String pythonTypeName(Object key) {
        return switch (key) {
            case null -> "NoneType";
            case String s -> "str";
            case Boolean b -> "bool";
            case Double d -> "float";
            case Float f -> "float";
            case Number n -> "int";
            default -> key.getClass().getSimpleName();
        };
    }

    /** The JSON key Python writes for a dict key. */
    private static String keyText(Object key) {
        return switch (key) {
            case String s -> s;
            case null -> "null";
            case Boolean b -> b ? "true" : "false";
            case Double d -> FloatRepr.reprWithJsonNonFinite(d);
            case Float f -> FloatRepr.reprWithJsonNonFinite(Double.parseDouble(f.toString()));
            case Long l -> l.toString();
            case Integer i -> i.toString();
            case BigInteger i -> i.toString();
            default -> throw new IllegalArgumentException("keys must be str, int, float, bool or None, not "
                    + key.getClass().getSimpleName());
        };
    }

    /** A JSON string as json.dumps writes it with ensure_ascii (the one implementation the Java evaluator uses). */
    private void string(String s) {
        JsonEncoder.appendString(out, s, true);
    }

    /** Jackson's tree of a value as plain Java values, so its text follows the rules above too. */
    private static Object plain(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>(n.size());
            n.forEach(x -> l.add(plain(x)));
            return l;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.isBigDecimal() ? n.decimalValue() : (Object) n.doubleValue();
        }
        if (n.isBinary()) {
            return n.asText(); // base64, as Jackson writes byte arrays
        }
        return null;
    }
}
