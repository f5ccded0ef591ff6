package dev.sequor.expr.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * Turns what a snippet returned into plain Java values the rest of Sequor understands: dict -> LinkedHashMap
 * (keys as text), list/tuple -> ArrayList, Row -> LinkedHashMap, int -> Long (BigInteger when it does not fit),
 * float -> Double, bool -> Boolean, str -> String, None -> null, anything else -> its {@code str()}.
 */
final class FromPython {

    // Codes returned by the prelude's _kind(); keep in step with sequor_prelude.py.
    private static final int DICT = 1;
    private static final int LIST = 2;
    private static final int ROW = 3;
    private static final int FLOAT = 4;
    private static final int INT = 5;

    private final Value kindOf;
    private final Value strOf;
    private final Value dictParts;
    private final Value listParts;

    FromPython(Value prelude) {
        this.kindOf = prelude.getMember("_kind");
        this.strOf = prelude.getMember("_str");
        this.dictParts = prelude.getMember("_dict_parts");
        this.listParts = prelude.getMember("_list_parts");
    }

    Object convert(Value v) {
        if (v.isNull() || v.isBoolean() || v.isString()) {
            return convert(v, 0);
        }
        return convert(v, kindOf.execute(v).asInt());
    }

    /**
     * Converts {@code v} whose prelude {@code _kind} is already known: containers ask Python for the kinds of
     * all their items in one call, since a call into Python per value made big responses slow (about 130 µs
     * per row of ten fields, measured with bench/).
     */
    private Object convert(Value v, int kind) {
        if (v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isString()) {
            return v.asString();
        }
        // Python's own type decides int versus float: a float such as 3.0 also "fits in a long".
        return switch (kind) {
            case INT -> v.fitsInLong() ? (Object) v.asLong() : v.as(java.math.BigInteger.class);
            case FLOAT -> v.asDouble();
            case DICT -> map(v);
            case LIST -> list(v);
            case ROW -> map(v.invokeMember("to_dict"));
            default -> strOf.execute(v).asString();
        };
    }

    private Map<String, Object> map(Value dict) {
        Value parts = dictParts.execute(dict);
        Value keys = parts.getArrayElement(0);
        Value values = parts.getArrayElement(1);
        Value kinds = parts.getArrayElement(2);
        long size = keys.getArraySize();
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        for (long i = 0; i < size; i++) {
            Value key = keys.getArrayElement(i);
            String name = key.isString() ? key.asString() : strOf.execute(key).asString();
            out.put(name, convert(values.getArrayElement(i), kinds.getArrayElement(i).asInt()));
        }
        return out;
    }

    private List<Object> list(Value items) {
        Value parts = listParts.execute(items);
        Value elements = parts.getArrayElement(0);
        Value kinds = parts.getArrayElement(1);
        long size = elements.getArraySize();
        List<Object> out = new ArrayList<>((int) size);
        for (long i = 0; i < size; i++) {
            out.add(convert(elements.getArrayElement(i), kinds.getArrayElement(i).asInt()));
        }
        return out;
    }
}
