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

    /**
     * The rendered value. Templates that only read variables, the way source files almost always give credentials,
     * render without Jinjava ({@link dev.sequor.expr.jinja.VarTemplate}), so gathering secrets at start-up does not
     * start it for flows that never need it.
     */
    private static Object render(RunContext run, Dyn d, FlowScope scope) {
        return run.evaluator().eval(d, scope);
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
            return List.copyOf(HttpSourceConfig.from(name, new LinkedHashMap<>(rendered), file, null).secrets());
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
