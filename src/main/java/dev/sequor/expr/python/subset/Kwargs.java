package dev.sequor.expr.python.subset;

import java.util.LinkedHashMap;

/** The keyword arguments of one call, in the order written. */
public final class Kwargs extends LinkedHashMap<String, Object> {

    public Kwargs() {
        super(4);
    }
}
