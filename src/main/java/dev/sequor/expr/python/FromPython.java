package dev.sequor.expr.python;

import dev.sequor.db.PythonBytes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * Turns what a snippet returned into plain Java values the rest of Sequor understands: dict -> LinkedHashMap
 * (keys as text), list/tuple -> ArrayList, Row -> LinkedHashMap, int -> Long (BigInteger when it does not fit),
 * float -> Double, bool -> Boolean, str -> String, None -> null, decimal.Decimal -> BigDecimal, datetime ->
 * LocalDateTime (naive) or OffsetDateTime (aware), date -> LocalDate, time -> LocalTime, anything else (and a
 * Decimal NaN or infinity, an aware time) -> its {@code str()}; of bytes, text that keeps its bytes for a binary
 * column ({@link PythonBytes}).
 */
final class FromPython {

    // Codes returned by the prelude's _kind(); keep in step with sequor_prelude.py.
    private static final int DICT = 1;
    private static final int LIST = 2;
    private static final int ROW = 3;
    private static final int FLOAT = 4;
    private static final int INT = 5;
    private static final int DECIMAL = 6;
    private static final int DATETIME = 7;
    private static final int DATE = 8;
    private static final int TIME = 9;
    /** Not one of the prelude's codes: {@code bytes} is told by its type name only (a subclass is text, as before). */
    private static final int BYTES = -1;

    private final Value kindOf;
    private final Value strOf;

    FromPython(Value prelude) {
        this.kindOf = prelude.getMember("_kind");
        this.strOf = prelude.getMember("_str");
    }

    Object convert(Value v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isString()) {
            return v.asString();
        }
        return switch (kind(v)) {
            case INT -> v.fitsInLong() ? (Object) v.asLong() : v.as(java.math.BigInteger.class);
            case FLOAT -> v.asDouble();
            case DICT -> map(v);
            case LIST -> list(v);
            case ROW -> map(v.invokeMember("to_dict"));
            case DECIMAL -> decimal(strOf.execute(v).asString());
            case DATETIME, DATE, TIME -> temporal(strOf.execute(v).asString());
            case BYTES -> PythonBytes.text(strOf.execute(v).asString(), bytes(v));
            default -> strOf.execute(v).asString();
        };
    }

    /**
     * The prelude's {@code _kind} code of a value. The common exact types are recognised from their type name,
     * which the polyglot layer answers without running Python; on a stock JDK GraalPy interprets Python code,
     * so a Python call per value made big responses slow. Anything else (subclasses, Row) asks Python.
     */
    private int kind(Value v) {
        Value type = v.getMetaObject();
        String name = type == null ? "" : type.getMetaQualifiedName();
        return switch (name) {
            case "int" -> INT;
            case "float" -> FLOAT;
            case "dict" -> DICT;
            case "list", "tuple" -> LIST;
            case "datetime.datetime" -> DATETIME;
            case "datetime.date" -> DATE;
            case "datetime.time" -> TIME;
            case "bytes" -> v.hasBufferElements() ? BYTES : kindOf.execute(v).asInt();
            default -> kindOf.execute(v).asInt();
        };
    }

    /** The bytes of a Python {@code bytes} value (a buffer). */
    private static byte[] bytes(Value v) {
        byte[] bytes = new byte[Math.toIntExact(v.getBufferSize())];
        v.readBuffer(0, bytes, 0, bytes.length);
        return bytes;
    }

    /** str(Decimal) is the decimal text BigDecimal reads; NaN and infinities stay text. */
    private static Object decimal(String text) {
        try {
            return new java.math.BigDecimal(text);
        } catch (NumberFormatException notFinite) {
            return text;
        }
    }

    /**
     * str() of a datetime, date or time: {@code 2024-01-02 03:04:05[.ffffff][+HH:MM[:SS]]}. What java.time cannot
     * hold (an aware time, an offset with microseconds) stays text.
     */
    private static Object temporal(String text) {
        String iso = text.replace(' ', 'T');
        try {
            if (iso.length() == 10) {
                return java.time.LocalDate.parse(iso);
            }
            if (iso.length() > 10 && iso.charAt(10) == 'T') {
                boolean aware = iso.indexOf('+', 11) > 0 || iso.indexOf('-', 11) > 0;
                return aware ? java.time.OffsetDateTime.parse(iso) : java.time.LocalDateTime.parse(iso);
            }
            return java.time.LocalTime.parse(iso);
        } catch (java.time.format.DateTimeParseException notJavaTime) {
            return text;
        }
    }

    private Map<String, Object> map(Value dict) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        Value keys = dict.getHashKeysIterator();
        while (keys.hasIteratorNextElement()) {
            Value key = keys.getIteratorNextElement();
            String name = key.isString() ? key.asString() : strOf.execute(key).asString();
            out.put(name, convert(dict.getHashValue(key)));
        }
        return out;
    }

    private List<Object> list(Value items) {
        long size = items.getArraySize();
        List<Object> out = new ArrayList<>((int) size);
        for (long i = 0; i < size; i++) {
            out.add(convert(items.getArrayElement(i)));
        }
        return out;
    }
}
