package dev.sequor.flow.parse;

import dev.sequor.flow.Dyn;
import dev.sequor.flow.Dyns;
import dev.sequor.flow.KeyReader;
import dev.sequor.flow.LiteralRule;
import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YNode.YMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Variable definitions ({@code set_variable.set}, {@code init.variables}, {@code response.variables}):
 * {@code name: value} or {@code name: {value, scope}}, where {@code name_expression} and a nested
 * {@code value_expression} compute the value with Python.
 */
public final class VarDefs {

    private VarDefs() {
    }

    public static Dyn.DMap parse(YMap defs, KeyReader owner) {
        Dyn.DMap top = Dyns.withKeyExpressions(defs, owner);
        LinkedHashMap<String, Dyn> entries = new LinkedHashMap<>();
        top.entries().forEach((name, value) -> {
            YNode written = defs.get(name);
            if (written instanceof YMap nested) {
                Dyn.DMap def = Dyns.withKeyExpressions(nested, owner);
                checkShape(name, def, owner);
                entries.put(name, def);
            } else {
                entries.put(name, value);
            }
        });
        return new Dyn.DMap(entries, defs.pos());
    }

    /** A written {@code {value, scope}} needs both keys and a scope the run knows, as setting the variable does. */
    private static void checkShape(String name, Dyn.DMap def, KeyReader owner) {
        for (String key : List.of("value", "scope")) {
            if (!def.entries().containsKey(key)) {
                owner.diagnostics().invalidValue(def.pos(), "Variable '" + name + "' in " + owner.where() + " is a mapping"
                        + " without '" + key + "'; write {value: ..., scope: local|project}.");
            }
        }
        if (def.entries().get("scope") instanceof Dyn.Const c) {
            String problem = SCOPE.problem(c.value());
            if (problem != null) {
                owner.diagnostics().invalidValue(c.pos(), "'scope' of variable '" + name + "' in " + owner.where() + " "
                        + problem + ".");
            }
        }
    }

    private static final LiteralRule SCOPE = new LiteralRule("one of local, project",
            v -> "local".equals(v) || "project".equals(v));
}
