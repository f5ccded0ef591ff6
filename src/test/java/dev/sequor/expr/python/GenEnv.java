package dev.sequor.expr.python;

import dev.sequor.expr.python.Typed.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * What a generated case has bound so far: local names and the kind of value each holds, and the modules it
 * imports. Names are never builtins, so one case cannot shadow {@code len} for the expressions that follow.
 */
final class GenEnv {

    /** Names per kind, two each, so an expression can combine two values of one kind. */
    private static final Map<Kind, String[]> NAMES = new EnumMap<>(Map.of(
            Kind.NONE, new String[] {"nothing", "missing"},
            Kind.BOOL, new String[] {"flag", "ok"},
            Kind.INT, new String[] {"n", "m"},
            Kind.FLOAT, new String[] {"x", "y"},
            Kind.STR, new String[] {"s", "t"},
            Kind.LIST, new String[] {"xs", "ys"},
            Kind.TUPLE, new String[] {"tp", "pair"},
            Kind.DICT, new String[] {"d", "row"}));

    private final Map<String, Kind> bound = new LinkedHashMap<>();
    private final TreeSet<String> imports = new TreeSet<>();

    /** A name already bound to a value of this kind, or null. */
    String name(Kind kind, Random rnd) {
        List<String> names = new ArrayList<>();
        bound.forEach((n, k) -> {
            if (k == kind) {
                names.add(n);
            }
        });
        return names.isEmpty() ? null : names.get(rnd.nextInt(names.size()));
    }

    /** A name for a new value of this kind (one of the two of the kind). */
    String freshName(Kind kind, Random rnd) {
        String[] names = NAMES.get(kind);
        return names[rnd.nextInt(names.length)];
    }

    void bind(String name, Kind kind) {
        bound.put(name, kind);
    }

    void unbind(String name) {
        bound.remove(name);
    }

    boolean isBound(String name) {
        return bound.containsKey(name);
    }

    Map<String, Kind> bound() {
        return bound;
    }

    /** Records that the case needs {@code line} (e.g. {@code import json}) before its code. */
    void require(String importLine) {
        imports.add(importLine);
    }

    String importLines() {
        StringBuilder b = new StringBuilder();
        imports.forEach(line -> b.append(line).append('\n'));
        return b.toString();
    }
}
