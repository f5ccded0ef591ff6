package dev.sequor.run;

import dev.sequor.db.SourceTypes;
import dev.sequor.flow.Dyn;
import dev.sequor.flow.Dyns;
import dev.sequor.http.HttpSourceConfig;
import dev.sequor.yaml.YNode.YMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credentials in the project's source files, gathered before the first op runs: every auth value of
 * every http source and every database {@code password} (and key passphrase), rendered with the environment's variables. A
 * Python or Jinja error that prints a token in the first op must find it already known, not wait until the
 * source is used. A source that does not render here (it needs a variable the flow sets later) is skipped;
 * its values join the set when an op uses it.
 */
final class SourceSecrets {

    private SourceSecrets() {
    }

    static List<String> of(RunContext run) {
        List<String> out = new ArrayList<>();
        for (String name : run.sources().names()) {
            try {
                out.addAll(ofSource(run, name));
            } catch (RuntimeException doesNotRenderYet) {
                // skipped, as documented above; the op that uses the source reports any real problem
            }
        }
        return out;
    }

    /** {@code {{ var('name') }}} alone, the way source files almost always read credentials. */
    private static final Pattern VAR_ONLY = Pattern.compile("\\s*\\{\\{\\s*var\\(\\s*(['\"])([^'\"]+)\\1\\s*\\)\\s*}}\\s*");

    /**
     * The rendered value: templates that only read a variable are resolved directly, so gathering secrets at
     * start-up does not start Jinjava for flows that never use a source; anything else goes to the evaluator.
     */
    private static Object render(RunContext run, Dyn d, FlowScope scope) {
        Object plain = renderVarsOnly(d, scope);
        return plain != NOT_SIMPLE ? plain : run.evaluator().eval(d, scope);
    }

    private static final Object NOT_SIMPLE = new Object();

    private static Object renderVarsOnly(Dyn d, FlowScope scope) {
        return switch (d) {
            case null -> null;
            case Dyn.Const c -> c.value();
            case Dyn.Template t -> {
                Matcher m = VAR_ONLY.matcher(t.text());
                // rendering makes text of the value, as Jinja does
                yield m.matches() ? Texts.str(scope.var(m.group(2))) : NOT_SIMPLE;
            }
            case Dyn.DMap map -> {
                LinkedHashMap<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<String, Dyn> e : map.entries().entrySet()) {
                    Object v = renderVarsOnly(e.getValue(), scope);
                    if (v == NOT_SIMPLE) {
                        yield NOT_SIMPLE;
                    }
                    out.put(e.getKey(), v);
                }
                yield out;
            }
            case Dyn.DList list -> {
                List<Object> out = new ArrayList<>();
                for (Dyn item : list.items()) {
                    Object v = renderVarsOnly(item, scope);
                    if (v == NOT_SIMPLE) {
                        yield NOT_SIMPLE;
                    }
                    out.add(v);
                }
                yield out;
            }
            default -> NOT_SIMPLE;
        };
    }

    private static List<String> ofSource(RunContext run, String name) {
        YMap file = run.sources().load(name, null);
        String type = run.sources().type(name, null);
        FlowScope scope = new FlowScope(run, new Frame("sources", Map.of(), 0), null);
        if (SourceTypes.HTTP.equals(type)) {
            if (file.get("variables") instanceof YMap vars) {
                vars.entries().forEach((k, v) -> scope.frame().set(k, render(run, Dyns.of(v, null), scope)));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> rendered = (Map<String, Object>) render(run, Dyns.of(file, null), scope);
            return List.copyOf(HttpSourceConfig.from(name, new LinkedHashMap<>(rendered), file.pos()).secrets());
        }
        List<String> out = new ArrayList<>();
        if (SourceTypes.isDatabase(type)) {
            for (String key : SourceTypes.SECRET_KEYS) {
                if (file.get(key) != null) {
                    Object secret = render(run, Dyns.of(file.get(key), null), scope);
                    if (secret != null) {
                        out.add(String.valueOf(secret));
                    }
                }
            }
        }
        return out;
    }
}
