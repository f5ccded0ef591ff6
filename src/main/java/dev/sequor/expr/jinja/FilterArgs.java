package dev.sequor.expr.jinja;

import java.util.Map;

/** A Jinja2 filter's arguments, given by position or by name, as Python binds them. */
record FilterArgs(String filter, Object[] positional, Map<String, Object> named) {

    /** The argument at {@code index} (after the filtered value) or named {@code name}, else {@code fallback}. */
    Object get(int index, String name, Object fallback) {
        if (named.containsKey(name)) {
            return named.get(name);
        }
        return index < positional.length ? positional[index] : fallback;
    }

    /** A whole-number argument; Jinjava hands some callers' arguments over as text, so digits in text count too. */
    int integer(int index, String name, int fallback) {
        Object v = get(index, name, fallback);
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
            return n.intValue();
        }
        if (v instanceof String s && s.strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(s.strip());
        }
        throw new TemplateValueException(filter + "'s " + name + " must be a whole number, not " + PythonStr.repr(v));
    }

    /** A flag argument, by Python's truth ({@link PythonTruth}). */
    boolean truthy(int index, String name) {
        return PythonTruth.of(get(index, name, false));
    }

    String text(int index, String name, String fallback) {
        Object v = get(index, name, fallback);
        return v == null ? null : PythonStr.str(v);
    }
}
