package dev.sequor.expr.python;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plain Java results (what flows get from a snippet) as text that shows the Java types too: {@code 1L}, {@code 1N}
 * (BigInteger), {@code 1.0d}, {@code 1.00m} (BigDecimal), {@code "s"}, so that two results that are equal() but of
 * different types (or types that print alike) still differ.
 */
final class PlainValues {

    private PlainValues() {
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        }
        if (v instanceof Long l) {
            return l + "L";
        }
        if (v instanceof BigInteger b) {
            return b + "N";
        }
        if (v instanceof Double d) {
            return d + "d";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString() + "m";
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> describe(e.getKey()) + ": " + describe(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof List<?> list) {
            return list.stream().map(PlainValues::describe).collect(Collectors.joining(", ", "[", "]"));
        }
        return v.getClass().getName() + "(" + v + ")";
    }
}
