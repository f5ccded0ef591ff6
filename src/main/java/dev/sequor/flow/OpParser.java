package dev.sequor.flow;

import dev.sequor.flow.op.Op;
import dev.sequor.flow.op.OpMeta;

/** Builds one kind of op from its YAML mapping. Registered by name in {@link OpRegistry}. */
@FunctionalInterface
public interface OpParser {

    /**
     * @param keys   reader over the op's mapping ({@code op}, {@code id}, {@code title} already consumed)
     * @param meta   the op's name, id, title, label and position
     * @param steps  parses nested step lists (for control ops)
     */
    Op parse(KeyReader keys, OpMeta meta, StepsParser steps);

    /** Parses a nested list of steps; an absent or empty list is an empty block. */
    @FunctionalInterface
    interface StepsParser {
        java.util.List<Op> parse(KeyReader owner, String key);
    }
}
