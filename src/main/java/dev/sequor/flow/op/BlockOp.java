package dev.sequor.flow.op;

import java.util.List;

/** {@code block}: a group of steps run in the current scope. */
public record BlockOp(OpMeta meta, List<Op> steps) implements Op {
    @Override
    public List<List<Op>> children() {
        return List.of(steps);
    }
}
