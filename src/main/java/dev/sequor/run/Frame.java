package dev.sequor.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local variables of one flow invocation. As upstream, every op of a flow shares them (a for_each row
 * or a variable set with {@code scope: local} stays visible to later steps); only {@code run_flow} starts a
 * new frame, holding just its parameters.
 */
public final class Frame {

    private final String flowName;
    private final Map<String, Object> locals = new LinkedHashMap<>();
    private final int depth;

    public Frame(String flowName, Map<String, Object> parameters, int depth) {
        this.flowName = flowName;
        this.depth = depth;
        if (parameters != null) {
            locals.putAll(parameters);
        }
    }

    public String flowName() {
        return flowName;
    }

    public int depth() {
        return depth;
    }

    public Object get(String name) {
        return locals.get(name);
    }

    public void set(String name, Object value) {
        locals.put(name, value);
    }

    public void remove(String name) {
        locals.remove(name);
    }
}
