package dev.sequor.flow.spec;

import dev.sequor.flow.OpRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's key reference, written from the op specs ({@code sequor schema --markdown}): per op, a table of
 * every key with its value, default and doc, nested sections as dotted paths. {@code OpReferenceTest} fails when the
 * README's copy differs, so the README cannot drift from what the parser reads.
 */
public final class OpReference {

    public static final String START = "<!-- op-reference:start: written by `sequor schema --markdown`, do not edit -->";
    public static final String END = "<!-- op-reference:end -->";

    private static final String TABLE_HEAD = "| key | value | default | what it is |\n|---|---|---|---|\n";

    private OpReference() {
    }

    /** The reference between (and including) the markers, ending in a newline. */
    public static String markdown() {
        StringBuilder md = new StringBuilder(START).append("\n\n");
        md.append("`K_expression` is Python computing `K` instead of it; a template is a string with Jinja markup,")
                .append(" rendered when the op runs. Every op has these keys, and its own below:\n\n");
        md.append(TABLE_HEAD);
        FlowFileSpec.COMMON_OP_KEYS.forEach(k -> row(md, "", k, ""));
        for (String name : OpRegistry.names()) {
            OpRegistry.OpKind kind = OpRegistry.get(name);
            if (!kind.spec().title().equals(name)) {
                continue; // an alias, named with the op it stands for
            }
            md.append("\n#### ").append(name).append("\n\n").append(kind.spec().doc());
            List<String> aliases = aliases(name);
            if (!aliases.isEmpty()) {
                md.append(" Also written `op: ").append(String.join("`, `op: ", aliases)).append("`.");
            }
            md.append("\n\n").append(TABLE_HEAD);
            rows(md, "", kind.spec(), FlowFileSpec.COMMON_OP_KEYS.size());
            groups(md, "", kind.spec());
        }
        return md.append("\n").append(END).append("\n").toString();
    }

    private static List<String> aliases(String name) {
        List<String> out = new ArrayList<>();
        for (String other : OpRegistry.names()) {
            if (!other.equals(name) && OpRegistry.get(other).spec().title().equals(name)) {
                out.add(other);
            }
        }
        return out;
    }

    private static void rows(StringBuilder md, String prefix, SectionSpec spec, int skip) {
        List<KeySpec> keys = spec.keys();
        for (int i = skip; i < keys.size(); i++) {
            row(md, prefix, keys.get(i), "");
        }
        spec.variants().forEach((value, variantKeys) -> variantKeys.forEach(k ->
                row(md, prefix, k, " (" + spec.discriminator() + " " + value + ")")));
    }

    /** "At least one of ... is required." under the table, for each such group of the op and its sections. */
    private static void groups(StringBuilder md, String prefix, SectionSpec spec) {
        for (List<String> group : spec.oneRequired()) {
            md.append("\nAt least one of `").append(prefix).append(String.join("`, `" + prefix, group))
                    .append("` is required.\n");
        }
        for (KeySpec k : spec.keys()) {
            if (k.section() != null) {
                groups(md, prefix + k.name() + ".", k.section());
            } else if (k.items() != null) {
                groups(md, prefix + k.name() + "[].", k.items());
            }
        }
    }

    private static void row(StringBuilder md, String prefix, KeySpec k, String note) {
        String name = "`" + prefix + k.name() + "`" + (k.expression() ? " / `" + prefix + k.name() + KeySpec.EXPR
                + "`" : "");
        md.append("| ").append(name).append(" | ").append(value(k)).append(" | ")
                .append(k.dflt() == null ? "" : "`" + k.dflt() + "`").append(" | ")
                .append(k.required() ? "**Required.** " : "").append(k.doc().replace("|", "\\|")).append(note)
                .append(" |\n");
        if (k.section() != null) {
            rows(md, prefix + k.name() + ".", k.section(), 0);
        } else if (k.items() != null) {
            rows(md, prefix + k.name() + "[].", k.items(), 0);
        }
    }

    private static String value(KeySpec k) {
        if (k.steps()) {
            return "steps";
        }
        if (k.section() != null) {
            return "mapping";
        }
        if (k.items() != null) {
            return "list of mappings";
        }
        List<String> parts = new ArrayList<>();
        if (!k.values().isEmpty()) {
            parts.add("`" + String.join("`, `", k.values()) + "`");
        } else if (k.types().isEmpty()) {
            parts.add("any");
        } else {
            for (JsonType t : JsonType.values()) {
                if (k.types().contains(t)) {
                    parts.add(t == JsonType.OBJECT ? "mapping" : t == JsonType.ARRAY ? "list" : t.schemaName());
                }
            }
        }
        if (k.templated() && !parts.contains("string") && !parts.contains("any")) {
            parts.add("template");
        }
        return String.join(" or ", parts);
    }
}
