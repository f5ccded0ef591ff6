package dev.sequor.flow.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sequor.flow.OpRegistry;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schemas (draft-07, what yaml-language-server and most editors read best) of the files a project holds, written
 * from the specs the parser reads: {@code flow}, {@code source}, {@code project} and {@code env}.
 * <p>
 * A key that may be a template accepts any string with Jinja markup in place of its other types, so a schema never
 * refuses a flow the parser takes; a closed section refuses other keys ({@code additionalProperties: false}), since
 * the parser reports them.
 */
public final class JsonSchemas {

    /** The kinds of file, as {@code sequor schema} names them. */
    public static final List<String> KINDS = List.of("flow", "source", "project", "env");

    /** A string holding Jinja markup, as {@code expr.jinja.JinjaMarkup} tells templates from text. */
    static final String TEMPLATE = "\\{\\{|\\{%|\\{#";
    /** Numbers written as text, which counts and durations accept. */
    private static final String NUMBER_TEXT = "^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JsonSchemas() {
    }

    /** The schema of {@code kind} as indented JSON text ending in a newline. */
    public static String text(String kind) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema(kind))
                    + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema of {@code kind}, one of {@link #KINDS}. */
    public static ObjectNode schema(String kind) {
        return switch (kind) {
            case "flow" -> flow();
            case "source" -> root("Sequor source file", SourceSpecs.SOURCE, false);
            case "project" -> root("Sequor project.yaml", ProjectFileSpecs.PROJECT, false);
            case "env" -> root("Sequor environment file", ProjectFileSpecs.ENVIRONMENT, true);
            default -> throw new IllegalArgumentException("no schema of kind " + kind);
        };
    }

    /** The file name {@code sequor init} and {@code sequor schema --write} give the schema of {@code kind}. */
    public static String fileName(String kind) {
        return kind + ".schema.json";
    }

    /** {@code empty}: an empty file is fine too (a flow with no steps, an environment with no variables). */
    private static ObjectNode root(String title, SectionSpec spec, boolean empty) {
        ObjectNode root = JSON.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("title", title);
        root.put("$comment", "Written by `sequor schema` from the key specs the parser reads; do not edit.");
        root.setAll(section(spec, empty));
        return root;
    }

    private static ObjectNode flow() {
        ObjectNode root = root("Sequor flow file", FlowFileSpec.FLOW, true);
        ObjectNode defs = root.putObject("definitions");
        ObjectNode step = defs.putObject("step");
        step.put("type", "object");
        step.put("description", "One op: `op` says which, and its keys follow.");
        step.putArray("required").add("op");
        Map<String, String> docs = new LinkedHashMap<>();
        OpRegistry.names().forEach(n -> docs.put(n, OpRegistry.get(n).spec().doc()));
        ObjectNode op = step.putObject("properties").putObject("op");
        op.put("description", "The operation.");
        ArrayNode names = op.putArray("enum");
        docs.keySet().forEach(names::add);
        ArrayNode branches = step.putArray("allOf");
        for (String name : OpRegistry.names()) {
            ObjectNode branch = branches.addObject();
            branch.putObject("if").putObject("properties").putObject("op").put("const", name);
            branch.putObject("then").put("$ref", "#/definitions/op_" + name);
            ObjectNode opSchema = section(OpRegistry.get(name).spec(), false);
            ((ObjectNode) opSchema.get("properties")).putObject("op").put("const", name)
                    .put("description", "The operation.");
            defs.set("op_" + name, opSchema);
        }
        return root;
    }

    /** The schema of a mapping of {@code spec}'s keys; {@code nullable}: an empty value is fine too. */
    static ObjectNode section(SectionSpec spec, boolean nullable) {
        ObjectNode o = JSON.objectNode();
        if (nullable) {
            o.putArray("type").add("object").add("null");
        } else {
            o.put("type", "object");
        }
        o.put("description", spec.doc());
        ObjectNode props = o.putObject("properties");
        List<KeySpec> all = new ArrayList<>(spec.keys());
        spec.variants().forEach((value, keys) -> keys.forEach(k -> {
            if (all.stream().noneMatch(a -> a.name().equals(k.name()))) {
                all.add(k);
            }
        }));
        all.forEach(k -> properties(props, k, spec));
        ArrayNode allOf = JSON.arrayNode();
        requirements(spec.keys(), o, allOf);
        for (List<String> group : spec.oneRequired()) {
            ArrayNode anyOf = allOf.addObject().putArray("anyOf");
            group.forEach(name -> spec.key(name).spellings().forEach(s -> anyOf.addObject().putArray("required")
                    .add(s)));
        }
        spec.variants().forEach((value, keys) -> {
            ObjectNode branch = allOf.addObject();
            ObjectNode cond = branch.putObject("if");
            cond.putObject("properties").putObject(spec.discriminator()).put("const", value);
            cond.putArray("required").add(spec.discriminator());
            ObjectNode then = branch.putObject("then");
            ArrayNode thenAllOf = JSON.arrayNode();
            requirements(keys, then, thenAllOf);
            if (!thenAllOf.isEmpty()) {
                then.set("allOf", thenAllOf);
            }
            if (spec.closed()) {
                ArrayNode names = then.putObject("propertyNames").putArray("enum");
                spec.spellings(value).forEach(names::add);
            }
        });
        if (!allOf.isEmpty()) {
            o.set("allOf", allOf);
        }
        if (spec.closed()) {
            o.put("additionalProperties", false);
        }
        return o;
    }

    /** {@code required} for keys with one spelling; "this or its _expression" for the others. */
    private static void requirements(List<KeySpec> keys, ObjectNode o, ArrayNode allOf) {
        ArrayNode required = JSON.arrayNode();
        for (KeySpec k : keys) {
            if (!k.required()) {
                continue;
            }
            if (k.expression()) {
                ArrayNode anyOf = allOf.addObject().putArray("anyOf");
                k.spellings().forEach(s -> anyOf.addObject().putArray("required").add(s));
            } else {
                required.add(k.name());
            }
        }
        if (!required.isEmpty()) {
            o.set("required", required);
        }
    }

    private static void properties(ObjectNode props, KeySpec k, SectionSpec owner) {
        ObjectNode value = value(k);
        String variantNote = owner.keys().contains(k) ? "" : " (" + owner.discriminator() + ": "
                + String.join(", ", variantsOf(k, owner)) + ")";
        value.put("description", description(k) + variantNote);
        props.set(k.name(), value);
        if (k.expression()) {
            ObjectNode expr = props.putObject(k.name() + KeySpec.EXPR);
            expr.put("type", "string");
            expr.put("description", "Python computing " + k.name() + " (instead of it): " + k.doc());
        }
    }

    private static List<String> variantsOf(KeySpec k, SectionSpec owner) {
        List<String> out = new ArrayList<>();
        owner.variants().forEach((v, keys) -> {
            if (keys.stream().anyMatch(x -> x.name().equals(k.name()))) {
                out.add(v);
            }
        });
        return out;
    }

    static String description(KeySpec k) {
        String text = k.doc();
        if (k.required()) {
            text = "Required. " + text;
        }
        if (k.dflt() != null) {
            text = text + " Default: " + k.dflt() + ".";
        }
        return text;
    }

    /** What a value of {@code k} may be. */
    private static ObjectNode value(KeySpec k) {
        boolean nullable = !(k.types().equals(Set.of(JsonType.BOOLEAN)) && !k.templated());
        ObjectNode o;
        if (k.steps()) {
            o = JSON.objectNode();
            o.putArray("type").add("array").add("null");
            o.putObject("items").put("$ref", "#/definitions/step");
        } else if (k.section() != null) {
            o = section(k.section(), true);
        } else if (k.items() != null) {
            o = JSON.objectNode();
            o.putArray("type").add("array").add("null");
            o.set("items", section(k.items(), false));
        } else {
            o = literalValue(k, nullable);
        }
        if (k.dflt() != null) {
            o.set("default", switch (k.dflt()) {
                case Integer i -> JSON.numberNode(i);
                case Double d -> JSON.numberNode(d);
                case Boolean b -> JSON.booleanNode(b);
                default -> JSON.textNode(String.valueOf(k.dflt()));
            });
        }
        return o;
    }

    private static ObjectNode literalValue(KeySpec k, boolean nullable) {
        ObjectNode literal = JSON.objectNode();
        if (!k.values().isEmpty()) {
            ArrayNode e = literal.putArray("enum");
            k.values().forEach(e::add);
        } else if (!k.types().isEmpty()) {
            Set<JsonType> types = EnumSet.copyOf(k.types());
            if (types.contains(JsonType.STRING)) {
                // the parser takes any scalar where it wants text (id: 123 is the id "123")
                types.addAll(List.of(JsonType.NUMBER, JsonType.BOOLEAN));
            }
            ArrayNode t = literal.putArray("type");
            types.forEach(type -> t.add(type.schemaName()));
        }
        boolean anyString = k.values().isEmpty() && (k.types().isEmpty() || k.types().contains(JsonType.STRING));
        if (!k.templated() || anyString) {
            if (nullable && literal.has("type")) {
                ((ArrayNode) literal.get("type")).add("null");
            } else if (nullable && literal.has("enum")) {
                ((ArrayNode) literal.get("enum")).addNull();
            }
            return literal;
        }
        ObjectNode o = JSON.objectNode();
        ArrayNode anyOf = o.putArray("anyOf");
        anyOf.add(literal);
        ObjectNode template = anyOf.addObject();
        template.put("type", "string");
        boolean numeric = k.types().contains(JsonType.INTEGER) || k.types().contains(JsonType.NUMBER);
        template.put("pattern", numeric ? TEMPLATE + "|" + NUMBER_TEXT : TEMPLATE);
        template.put("description", numeric ? "A template, or the number as text." : "A template.");
        if (nullable) {
            anyOf.addObject().put("type", "null");
        }
        return o;
    }
}
