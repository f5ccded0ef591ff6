package dev.sequor.flow.op;

import java.util.List;

/**
 * {@code try}: runs {@code steps}; when one fails, runs {@code catch} with the error in {@code var('error')};
 * {@code finally} always runs. A failure inside {@code catch} or {@code finally} propagates.
 */
public record TryOp(OpMeta meta, List<Op> steps, List<Op> catchSteps, List<Op> finallySteps) implements Op {
    @Override
    public List<List<Op>> children() {
        return List.of(steps, catchSteps, finallySteps);
    }
}
