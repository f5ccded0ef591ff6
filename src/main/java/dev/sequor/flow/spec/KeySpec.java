package dev.sequor.flow.spec;

import java.util.List;
import java.util.Set;

/**
 * One key of a section: its name, the JSON types a literal value may have, whether a Jinja template may stand in
 * for the value ({@code templated}), whether {@code name_expression} (a Python snippet) may stand in for it, whether
 * it is required, its default, its allowed values, its one-line doc, and what it holds when it is a mapping
 * ({@code section}), a list of mappings ({@code items}) or a list of steps ({@code steps}).
 * <p>
 * The parser reads the keys ({@code KeyReader} refuses, in tests, to read a key its section does not declare and
 * reports every other key as unknown); the JSON Schemas and the README's key reference are written from the same
 * records.
 *
 * @param types       empty: any value
 * @param dflt        the value used when the key is absent, as YAML would write it; null when there is none
 * @param values      the literal values allowed (an enum); empty: any of {@code types}
 */
public record KeySpec(String name, Set<JsonType> types, boolean templated, boolean expression, boolean required,
                      Object dflt, List<String> values, String doc, SectionSpec section, SectionSpec items,
                      boolean steps) {

    public static final String EXPR = "_expression";

    /**
     * A key whose value may be written literally, as a template, or computed by {@code name_expression}: what the
     * parser reads with {@code KeyReader.dyn}.
     */
    public static KeySpec dyn(String name, String doc, JsonType... types) {
        return new KeySpec(name, Set.of(types), true, true, false, null, List.of(), doc, null, null, false);
    }

    /** A key read as written (never a template, no {@code _expression}). */
    public static KeySpec literal(String name, String doc, JsonType... types) {
        return new KeySpec(name, Set.of(types), false, false, false, null, List.of(), doc, null, null, false);
    }

    /** A key whose value may be a template (rendered when it is used) but has no {@code _expression} spelling. */
    public static KeySpec templated(String name, String doc, JsonType... types) {
        return new KeySpec(name, Set.of(types), true, false, false, null, List.of(), doc, null, null, false);
    }

    /** A list of steps (ops). */
    public static KeySpec steps(String name, String doc) {
        return new KeySpec(name, Set.of(JsonType.ARRAY), false, false, false, null, List.of(), doc, null, null, true);
    }

    /** A mapping whose keys are {@code section}'s. */
    public static KeySpec section(String name, String doc, SectionSpec section) {
        return new KeySpec(name, Set.of(JsonType.OBJECT), false, false, false, null, List.of(), doc, section, null,
                false);
    }

    /** A list of mappings, each with {@code items}' keys. */
    public static KeySpec listOf(String name, String doc, SectionSpec items) {
        return new KeySpec(name, Set.of(JsonType.ARRAY), false, false, false, null, List.of(), doc, null, items,
                false);
    }

    public KeySpec mandatory() {
        return new KeySpec(name, types, templated, expression, true, dflt, values, doc, section, items, steps);
    }

    /** Also {@code name_expression}: a Python snippet whose result stands in for the value. */
    public KeySpec withExpression() {
        return new KeySpec(name, types, templated, true, required, dflt, values, doc, section, items, steps);
    }

    public KeySpec dflt(Object value) {
        return new KeySpec(name, types, templated, expression, required, value, values, doc, section, items, steps);
    }

    public KeySpec oneOf(List<String> allowed) {
        return new KeySpec(name, types, templated, expression, required, dflt, List.copyOf(allowed), doc, section,
                items, steps);
    }

    public KeySpec withDoc(String text) {
        return new KeySpec(name, types, templated, expression, required, dflt, values, text, section, items, steps);
    }

    /** The spellings a flow may write: {@code name}, and {@code name_expression} when the key has one. */
    public List<String> spellings() {
        return expression ? List.of(name, name + EXPR) : List.of(name);
    }
}
