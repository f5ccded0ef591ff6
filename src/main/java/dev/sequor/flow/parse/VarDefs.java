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
 * {@code value_expression} compute the value with Python, and (in a response) {@code name_path} and a nested
 * {@code value_path} select it from the response body.
 */
public final class VarDefs {

    private VarDefs() {
    }

    /** Definitions outside a response ({@code set_variable}, {@code init}): there is no body for a path to read. */
    public static Dyn.DMap parse(YMap defs, KeyReader owner) {
        return parse(defs, owner, false);
    }

    /**
     * {@code response.variables}: also {@code name: {value_path: PATH, scope: ...}} and the short form
     * {@code name_path: PATH}, a JMESPath over the response body.
     */
    public static Dyn.DMap parseResponse(YMap defs, KeyReader owner) {
        return parse(defs, owner, true);
    }

    private static Dyn.DMap parse(YMap defs, KeyReader owner, boolean paths) {
        Dyn.DMap top = Dyns.withKeyExpressions(defs, owner);
        LinkedHashMap<String, Dyn> entries = new LinkedHashMap<>();
        top.entries().forEach((name, value) -> {
            YNode written = defs.get(name);
            if (paths && isPathKey(name) && written != null) {
                String base = name.substring(0, name.length() - PATH.length());
                if (top.entries().containsKey(base)) {
                    owner.diagnostics().error(defs.keyPos(name), "Both " + base + " and " + name + " are specified in "
                            + owner.where() + ". Only one of them can be specified.");
                    return;
                }
                // upstream has no short form: its flows may have a variable literally named like this
                entries.put(base, orNull(KeyReader.path(name, written, owner.diagnostics(), owner.where(),
                        "; NAME_path reads a path of the response body, so a variable named '" + name + "' is written "
                        + name + ": {value: ..., scope: project}"), written));
            } else if (written instanceof YMap nested) {
                Dyn.DMap def = Dyns.withKeyExpressions(nested, owner);
                if (nested.get(VALUE_PATH) != null) {
                    def = withValuePath(name, nested, def, owner, paths);
                }
                checkShape(name, def, owner);
                entries.put(name, def);
            } else {
                entries.put(name, value);
            }
        });
        return new Dyn.DMap(entries, defs.pos());
    }

    /** A path that did not compile (already reported) stands as None, so the definitions stay whole. */
    private static Dyn orNull(Dyn.Path path, YNode written) {
        return path != null ? path : Dyn.constant(null, written.pos());
    }

    private static boolean isPathKey(String name) {
        return name.endsWith(PATH) && name.length() > PATH.length();
    }

    /**
     * {@code {value_path, scope}} as {@code {value, scope}} whose value is the path; outside a response the path is
     * reported and stands as None (so the shape is not reported as well).
     */
    private static Dyn.DMap withValuePath(String name, YMap nested, Dyn.DMap def, KeyReader owner, boolean paths) {
        if (!paths) {
            owner.diagnostics().invalidValue(nested.keyPos(VALUE_PATH), "'" + VALUE_PATH + "' of variable '" + name
                    + "' in " + owner.where() + " reads an HTTP response: it is only available in response.variables.");
        } else if (def.entries().containsKey("value")) {
            owner.diagnostics().error(nested.keyPos(VALUE_PATH), "Both value and " + VALUE_PATH + " are specified for"
                    + " variable '" + name + "' in " + owner.where() + ". Only one of them can be specified.");
            return def;
        }
        LinkedHashMap<String, Dyn> entries = new LinkedHashMap<>();
        def.entries().forEach((k, v) -> {
            if (k.equals(VALUE_PATH)) {
                YNode written = nested.get(VALUE_PATH);
                entries.put("value", orNull(paths ? KeyReader.path(VALUE_PATH, written, owner.diagnostics(),
                        owner.where() + " variable '" + name + "'") : null, written));
            } else {
                entries.put(k, v);
            }
        });
        return new Dyn.DMap(entries, def.pos());
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

    private static final String PATH = "_path";
    private static final String VALUE_PATH = "value_path";

    private static final LiteralRule SCOPE = new LiteralRule("one of local, project",
            v -> "local".equals(v) || "project".equals(v));
}
