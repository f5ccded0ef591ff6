package dev.sequor.expr.python.subset;

import java.util.LinkedHashMap;
import java.util.Map;

/** A module the evaluator provides ({@code hashlib}, {@code json}...): a name and its attributes. */
public final class PyModule implements PyObject, Repr.HasRepr {

    private final String name;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    public PyModule(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Adds an attribute (a function, a constant, a submodule); returns this module for chaining. */
    public PyModule with(String attr, Object value) {
        attributes.put(attr, value);
        return this;
    }

    @Override
    public String typeName() {
        return "module";
    }

    @Override
    public Object getAttr(String attr) {
        if ("__name__".equals(attr)) {
            return name;
        }
        return attributes.get(attr);
    }

    @Override
    public String repr() {
        return "<module '" + name + "'>";
    }
}
