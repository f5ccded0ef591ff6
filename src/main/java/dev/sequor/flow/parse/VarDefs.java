package dev.sequor.flow.parse;

import dev.sequor.flow.Dyn;
import dev.sequor.flow.Dyns;
import dev.sequor.flow.KeyReader;
import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YNode.YMap;
import java.util.LinkedHashMap;

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
                entries.put(name, Dyns.withKeyExpressions(nested, owner));
            } else {
                entries.put(name, value);
            }
        });
        return new Dyn.DMap(entries, defs.pos());
    }
}
