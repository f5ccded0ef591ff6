package dev.sequor.flow;

import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YNode.YList;
import dev.sequor.yaml.YNode.YMap;
import dev.sequor.yaml.YNode.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Turns YAML nodes into {@link Dyn} values: templates where strings have Jinja syntax, constants elsewhere. */
public final class Dyns {

    private Dyns() {
    }

    /** The node with every string leaf a possible template; keys ending in _expression are plain keys here. */
    public static Dyn of(YNode node, Diagnostics diag) {
        return switch (node) {
            case YScalar s -> Dyn.scalar(s.value(), s.pos());
            case YList l -> {
                List<Dyn> items = new ArrayList<>(l.items().size());
                l.items().forEach(i -> items.add(of(i, diag)));
                yield new Dyn.DList(items, l.pos());
            }
            case YMap m -> {
                LinkedHashMap<String, Dyn> entries = new LinkedHashMap<>();
                m.entries().forEach((k, v) -> entries.put(k, of(v, diag)));
                yield new Dyn.DMap(entries, m.pos());
            }
        };
    }

    /**
     * A mapping where each {@code k_expression: code} entry becomes key {@code k} computed by Python
     * (upstream's per-key expressions in {@code parameters} and {@code variables}).
     */
    public static Dyn.DMap withKeyExpressions(YMap m, KeyReader reader) {
        LinkedHashMap<String, Dyn> entries = new LinkedHashMap<>();
        m.entries().forEach((k, v) -> {
            if (k.endsWith(KeyReader.EXPR) && k.length() > KeyReader.EXPR.length()) {
                String base = k.substring(0, k.length() - KeyReader.EXPR.length());
                if (m.entries().containsKey(base)) {
                    reader.diagnostics().error(m.keyPos(k), "Both " + base + " and " + k
                            + " are specified in the definition. Only one of them can be specified.");
                    return;
                }
                if (v instanceof YScalar s && s.value() instanceof String code) {
                    entries.put(base, new Dyn.Python(code, k, m.keyPos(k)));
                } else {
                    reader.diagnostics().error(v.pos(), "Parameter '" + k + "' must be a string of Python code. Type '"
                            + v.kindName() + "' provided.");
                }
            } else {
                entries.put(k, of(v, reader.diagnostics()));
            }
        });
        return new Dyn.DMap(entries, m.pos());
    }
}
