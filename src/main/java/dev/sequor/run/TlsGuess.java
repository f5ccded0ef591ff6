package dev.sequor.run;

import dev.sequor.flow.Dyn;
import dev.sequor.flow.Dyns;
import dev.sequor.flow.op.HttpRequestOp;
import dev.sequor.flow.op.Op;
import dev.sequor.flow.op.RunFlowOp;
import dev.sequor.http.HttpTransport;
import dev.sequor.yaml.YNode;
import java.util.List;
import java.util.Map;

/**
 * Whether a flow's requests may go to an {@code https} URL, guessed from its steps before they run, so that the
 * JVM's default TLS context (its certificate authorities: tens of milliseconds of CPU in a fresh JVM) is made ahead
 * only when a request may need it ({@link HttpTransport#expectTls}). A URL counts as plain {@code http} only where its
 * text is known now: written literally or read from variables, in the op's {@code url} or, for a relative one, in
 * its source's {@code base_url}. Anything else (a computed URL, an http source with its own {@code variables}, an
 * op that runs another flow) may be https. A wrong "no" costs nothing but the head start: the first https connection
 * then makes the context itself, as it does after a redirect or a pagination link to https.
 */
final class TlsGuess {

    private final RunContext run;
    private final FlowScope scope;

    private TlsGuess(RunContext run, FlowScope scope) {
        this.run = run;
        this.scope = scope;
    }

    /** Whether any request of {@code steps}, at any depth, may go to an https URL. */
    static boolean mayUseTls(RunContext run, String flowName, List<Op> steps) {
        if (System.getenv("SEQUOR_AOT_TRAIN") != null) {
            return true; // the AOT cache's training run (plain http to its mock) learns what https flows load too
        }
        try {
            // only var() reads are evaluated, and those see the run's variables, as the flow's first op would
            return new TlsGuess(run, new FlowScope(run, new Frame(flowName, Map.of(), 0), null)).anyMayUseTls(steps);
        } catch (RuntimeException e) {
            return true; // a guess never fails a run: whatever is wrong (a missing source file) is reported where used
        }
    }

    private boolean anyMayUseTls(List<Op> steps) {
        for (Op op : steps) {
            if (op instanceof RunFlowOp || op instanceof HttpRequestOp h && mayUseTls(h)
                    || op.children().stream().anyMatch(this::anyMayUseTls)) {
                return true;
            }
        }
        return false;
    }

    private boolean mayUseTls(HttpRequestOp op) {
        Dyn url = op.request().url();
        String text = run.evaluator().stringIfOnlyReads(url, scope);
        Target target = text != null ? target(text, true)
                : url instanceof Dyn.Template t ? target(literalStart(t.text()), false) : Target.UNKNOWN;
        return switch (target) {
            case PLAIN_HTTP -> false;
            // without a source a relative URL fails before any connection
            case RELATIVE -> op.request().source() != null && mayUseTls(op.request().source());
            case OTHER, UNKNOWN -> true;
        };
    }

    private enum Target { PLAIN_HTTP, OTHER, RELATIVE, UNKNOWN }

    /**
     * Where a URL goes, from its text, or from {@code whole == false} only the start of it: a scheme is the text before
     * the first ':' when no '/', '?' or '#' comes first; such a character first means a relative URL.
     */
    private static Target target(String url, boolean whole) {
        String u = url.strip();
        int colon = u.indexOf(':');
        int path = firstOf(u, "/?#");
        if (colon > 0 && (path < 0 || colon < path)) {
            return u.substring(0, colon).equalsIgnoreCase("http") ? Target.PLAIN_HTTP : Target.OTHER;
        }
        return path >= 0 || whole ? Target.RELATIVE : Target.UNKNOWN;
    }

    /** A template's text before its first tag or expression: what every rendering of it starts with. */
    private static String literalStart(String template) {
        int tag = firstOf(template, "{");
        return tag < 0 ? template : template.substring(0, tag);
    }

    private static int firstOf(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** A missing or broken source file throws: the guess is then "yes", and the op reports the file when it runs. */
    private boolean mayUseTls(String source) {
        YNode.YMap file = run.sources().load(source, null);
        YNode base = file.get("base_url");
        if (file.get("variables") != null || base == null) {
            return true;
        }
        String text = run.evaluator().stringIfOnlyReads(Dyns.of(base, null), scope);
        return text == null || target(text, true) != Target.PLAIN_HTTP;
    }
}
