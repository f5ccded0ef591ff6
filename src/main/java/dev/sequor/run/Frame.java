package dev.sequor.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local variables of one flow invocation. As upstream, every op of a flow shares them (a for_each row
 * or a variable set with {@code scope: local} stays visible to later steps); only {@code run_flow} starts a
 * new frame, holding just its parameters. A for_each row of an {@code http_request} that runs apart from the others
 * (in parallel, or with on_error) gets a {@linkplain #rowOf row frame}: it reads through to the op's frame and keeps
 * its own writes, which the op copies back ({@link #copyWritesTo}) in row order.
 */
public final class Frame {

    private final String flowName;
    private final Map<String, Object> locals = new LinkedHashMap<>();
    private final int depth;
    /** What a row frame reads through to; null for a flow's own frame. */
    private final Frame under;

    public Frame(String flowName, Map<String, Object> parameters, int depth) {
        this.flowName = flowName;
        this.depth = depth;
        this.under = null;
        if (parameters != null) {
            locals.putAll(parameters);
        }
    }

    private Frame(Frame under, Map<String, Object> locals) {
        this.flowName = under.flowName;
        this.depth = under.depth;
        this.under = under;
        this.locals.putAll(locals);
    }

    /**
     * A frame for one row: reads find its own variables first, then {@code under}'s; writes stay in it. Several row
     * frames may read one {@code under} from several threads as long as nothing writes {@code under} meanwhile.
     */
    public static Frame rowOf(Frame under) {
        return new Frame(under, Map.of());
    }

    /** A frame with the same variables as this one now, which later writes to either do not touch. */
    public Frame snapshot() {
        Frame copy = new Frame(flowName, Map.of(), depth);
        for (Frame f = this; f != null; f = f.under) {
            f.locals.forEach(copy.locals::putIfAbsent);
        }
        return copy;
    }

    /** Sets in {@code target} every variable this row frame set, in the order it set them. */
    public void copyWritesTo(Frame target) {
        locals.forEach(target::set);
    }

    public String flowName() {
        return flowName;
    }

    public int depth() {
        return depth;
    }

    public Object get(String name) {
        Object v = locals.get(name);
        return v == null && under != null && !locals.containsKey(name) ? under.get(name) : v;
    }

    public void set(String name, Object value) {
        locals.put(name, value);
    }

    public void remove(String name) {
        locals.remove(name);
    }
}
