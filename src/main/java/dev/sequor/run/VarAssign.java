package dev.sequor.run;

import dev.sequor.error.SequorException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets variables from definitions as upstream does: a plain value goes to project scope (persisted); a
 * mapping must hold both {@code value} and {@code scope}, scope being {@code local} or {@code project}.
 */
public final class VarAssign {

    private VarAssign() {
    }

    /**
     * Applies every {@code name: definition} entry; returns a short summary for the log. Every definition is checked
     * before any is set, so a refused one leaves every variable as it was (upstream had set, and saved, those before
     * it).
     */
    public static String applyAll(Map<String, Object> definitions, FlowScope scope) {
        Map<String, Assignment> checked = new LinkedHashMap<>();
        definitions.forEach((name, def) -> checked.put(name, checked(name, def)));
        StringBuilder summary = new StringBuilder();
        checked.forEach((name, a) -> {
            a.apply(name, scope);
            summary.append(summary.isEmpty() ? "" : ", ").append(name).append(" (").append(a.scope()).append(")");
        });
        return summary.toString();
    }

    /** A value and the scope it goes to: {@code local} or {@code project}. */
    private record Assignment(String scope, Object value) {
        void apply(String name, FlowScope flowScope) {
            if (scope.equals("local")) {
                flowScope.frame().set(name, value);
            } else {
                flowScope.setProjectVariable(name, value);
            }
        }
    }

    private static Assignment checked(String name, Object definition) {
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
            if (!s.equals("local") && !s.equals("project")) {
                throw SequorException.failed(null, "Setting variable \"" + name + "\" with invalid scope: " + s
                        + " (expected local or project).");
            }
            return new Assignment(s, m.get("value"));
        }
        return new Assignment("project", definition);
    }
}
