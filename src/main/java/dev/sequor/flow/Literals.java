package dev.sequor.flow;

import java.util.List;
import java.util.Map;

/** How messages about a value written in a flow show that value: short, on one line, its kind visible. */
public final class Literals {

    private Literals() {
    }

    /**
     * {@code 'soon'} for text (quoted, so {@code '200'} reads as text and {@code 200} as a number), {@code -5},
     * {@code true}, {@code an empty value} for YAML null, {@code a mapping} or {@code a list} for structures.
     */
    public static String shown(Object v) {
        return switch (v) {
            case null -> "an empty value";
            case String s -> "'" + oneLine(s) + "'";
            case Map<?, ?> m -> "a mapping";
            case List<?> l -> "a list";
            default -> String.valueOf(v);
        };
    }

    /** A scalar as Python's {@code str()} writes it, which is what a computed value becomes when it is used as text. */
    public static String text(Object v) {
        return switch (v) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            default -> String.valueOf(v);
        };
    }

    private static String oneLine(String s) {
        String line = s.replace("\n", "\\n").replace("\r", "\\r");
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }
}
