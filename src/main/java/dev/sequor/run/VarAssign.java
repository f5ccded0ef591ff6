package dev.sequor.run;

import dev.sequor.error.SequorException;
import java.util.Map;

/**
 * Sets variables from definitions as upstream does: a plain value goes to project scope (persisted); a
 * mapping must hold both {@code value} and {@code scope}, scope being {@code local} or {@code project}.
 */
public final class VarAssign {

    private VarAssign() {
    }

    /** Applies every {@code name: definition} entry; returns a short summary for the log. */
    public static String applyAll(Map<String, Object> definitions, FlowScope scope) {
        StringBuilder summary = new StringBuilder();
        definitions.forEach((name, def) -> {
            String where = apply(name, def, scope);
            summary.append(summary.isEmpty() ? "" : ", ").append(name).append(" (").append(where).append(")");
        });
        return summary.toString();
    }

    /** Sets one variable; returns the scope it went to. */
    public static String apply(String name, Object definition, FlowScope scope) {
        if (definition instanceof Map<?, ?> m) {
            if (!m.containsKey("value")) {
                throw SequorException.failed(null, "Setting variable \"" + name + "\" with a dict that has no \"value\" key: "
                        + Texts.shortRepr(m) + " (write {value: ..., scope: local|project}).");
            }
            if (!m.containsKey("scope")) {
                throw SequorException.failed(null, "Setting variable \"" + name + "\" with a dict that has no \"scope\" key: "
                        + Texts.shortRepr(m) + " (write {value: ..., scope: local|project}).");
            }
            String s = String.valueOf(m.get("scope"));
            Object value = m.get("value");
            switch (s) {
                case "local" -> scope.frame().set(name, value);
                case "project" -> scope.setProjectVariable(name, value);
                default -> throw SequorException.failed(null, "Setting variable \"" + name + "\" with invalid scope: " + s
                        + " (expected local or project).");
            }
            return s;
        }
        scope.setProjectVariable(name, definition);
        return "project";
    }
}
