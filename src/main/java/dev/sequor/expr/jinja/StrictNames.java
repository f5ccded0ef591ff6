package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.DynamicVariableResolver;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2's StrictUndefined for Jinjava: Jinjava asks this resolver for every name it did not find in the render's
 * context. Python's literal names and the {@code query_value} type names resolve to their values; names a template
 * only tests ({@code x is defined}, {@code x|default(...)}) resolve to None as Jinja2 allows; any other name is an
 * error {@code 'x' is undefined}.
 *
 * <p>Jinjava's own {@code failOnUnknownTokens} is not used: it fails on every expression whose value is null
 * (including {@code none} and NULL columns) and lets {@code foo|upper} through.
 */
final class StrictNames implements DynamicVariableResolver {

    /**
     * A name directly followed by a definedness test or the default filter. Jinjava evaluates the operand before the
     * test or filter runs, so such names are found in the source when the template is compiled.
     */
    private static final Pattern TESTED_NAME = Pattern.compile(
            "(?<![.\\w'\"])([A-Za-z_]\\w*)\\s*(?:is\\s+(?:not\\s+)?(?:defined|undefined)\\b|\\|\\s*(?:default|d)\\b)");

    private final Set<String> testedNames;

    StrictNames(Set<String> testedNames) {
        this.testedNames = testedNames;
    }

    /** Names the template only tests for definedness or defaults; computed once at compile time. */
    static Set<String> testedNames(String source) {
        Set<String> names = new java.util.HashSet<>();
        Matcher m = TESTED_NAME.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return Set.copyOf(names);
    }

    @Override
    public Object apply(String name) {
        switch (name) {
            case "True", "true":
                return Boolean.TRUE;
            case "False", "false":
                return Boolean.FALSE;
            case "None", "none":
                return null;
            default:
                break;
        }
        QueryValueType type = QueryValueType.byName(name);
        if (type != null) {
            return type;
        }
        // Jinjava also asks for names that are bound to None ({% set x = none %}, loop over NULLs): those are defined
        if (testedNames.contains(name) || isBound(name)) {
            return null;
        }
        throw TemplateValueException.undefined(name);
    }

    /** Bound in the innermost scope or any enclosing one ({@code set}, loop variables, macro arguments). */
    static boolean isBound(String name) {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        for (Context c = interpreter == null ? null : interpreter.getContext(); c != null; c = c.getParent()) {
            if (c.getScope().containsKey(name)) {
                return true;
            }
        }
        return false;
    }
}
