package dev.sequor.flow;

import dev.sequor.error.SourcePos;
import dev.sequor.flow.op.Op;
import dev.sequor.flow.op.OpMeta;
import dev.sequor.flow.spec.FlowFileSpec;
import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YNode.YList;
import dev.sequor.yaml.YNode.YMap;
import dev.sequor.yaml.YNode.YScalar;
import dev.sequor.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a flow file into a {@link Flow}: every op of every nesting level is parsed up front, so an unknown op
 * or a malformed key is reported before any step runs. Problems go to {@link Diagnostics}; the parser keeps
 * going so that all of them can be reported at once.
 */
public final class FlowParser {

    /**
     * Step lists without which their op does nothing ({@code steps} of a flow, loop, block or try; {@code then} of
     * a condition): absent they are allowed, but a close misspelling next to them is an error.
     */
    private static final java.util.Set<String> STEP_LISTS_THAT_ARE_THE_POINT = java.util.Set.of("steps", "then");

    private final Diagnostics diag;

    public FlowParser(Diagnostics diag) {
        this.diag = diag;
    }

    /** Parses flow text; {@code file} is how the file is named in messages. YAML syntax errors throw. */
    public Flow parse(String text, String name, String file) {
        Optional<YNode> root = YamlLoader.load(text, file);
        boolean usesPython = text.contains(KeyReader.EXPR);
        if (root.isEmpty() || (root.get() instanceof YScalar s && s.value() == null)) {
            return new Flow(name, file, null, List.of(), false);
        }
        if (!(root.get() instanceof YMap map)) {
            diag.error(root.get().pos(), "A flow file must be a mapping with a 'steps' list, not "
                    + root.get().kindName() + ".");
            return new Flow(name, file, null, List.of(), false);
        }
        KeyReader top = new KeyReader(map, "flow '" + name + "'", diag, FlowFileSpec.FLOW);
        String description = top.has("description") && map.get("description") instanceof YScalar d
                ? String.valueOf(d.value()) : null;
        List<Op> steps = steps(top, "steps");
        top.accept("name", "title", "version");
        top.finish();
        return new Flow(name, file, description, steps, usesPython);
    }

    /** The steps under {@code key} of {@code owner}: each a mapping with an {@code op}. */
    public List<Op> steps(KeyReader owner, String key) {
        if (STEP_LISTS_THAT_ARE_THE_POINT.contains(key)) {
            owner.expect(key);
        }
        YList list = owner.list(key);
        if (list == null) {
            return List.of();
        }
        List<Op> ops = new ArrayList<>(list.items().size());
        for (YNode item : list.items()) {
            Op op = op(item);
            if (op != null) {
                ops.add(op);
            }
        }
        return List.copyOf(ops);
    }

    private Op op(YNode node) {
        if (!(node instanceof YMap map)) {
            diag.error(node.pos(), "A step must be a mapping with an 'op' key, not " + node.kindName() + ".");
            return null;
        }
        YNode opNode = map.get("op");
        if (opNode == null) {
            diag.error(map.pos(), "Unknown operation: None. Each step needs an 'op' key, one of: "
                    + String.join(", ", OpRegistry.names()) + ".");
            return null;
        }
        String opName = opNode instanceof YScalar s && s.value() instanceof String str ? str : null;
        OpRegistry.OpKind kind = opName == null ? null : OpRegistry.get(opName);
        if (kind == null) {
            String shown = opNode instanceof YScalar s ? String.valueOf(s.value()) : opNode.kindName();
            diag.error(opNode.pos(), "Unknown operation: " + shown
                    + DidYouMean.hint(shown, OpRegistry.names()) + ".");
            return null;
        }
        String id = scalarText(map.get("id"));
        String title = scalarText(map.get("title"));
        OpMeta meta = new OpMeta(opName, id, title, label(kind, map), map.pos());
        KeyReader keys = new KeyReader(map, meta.where(), diag, kind.spec());
        keys.accept("op", "id", "title", "description");
        Op op = kind.parser().parse(keys, meta, this::steps);
        keys.finish();
        return op;
    }

    /** Upstream's op title: {@code "<op>: <first set label key>"}, or just the op name. */
    private static String label(OpRegistry.OpKind kind, YMap map) {
        for (String k : kind.labelKeys()) {
            YNode n = "url".equals(k) && map.get("request") instanceof YMap req ? req.get("url") : map.get(k);
            String text = scalarText(n);
            if (text != null && !text.isBlank()) {
                if ("message".equals(k) && text.length() > 50) {
                    text = text.substring(0, 50) + "...";
                }
                return kind.name() + ": " + text;
            }
        }
        return kind.name();
    }

    private static String scalarText(YNode n) {
        return n instanceof YScalar s && s.value() != null ? String.valueOf(s.value()) : null;
    }

    /** Position helper for parsers that report on a missing key of a section. */
    public static SourcePos at(KeyReader r) {
        return r.pos();
    }
}
