package dev.sequor.flow.op;

import dev.sequor.flow.Dyn;
import java.util.List;

/** {@code while}: runs {@code steps} while the condition is true, at most {@code max_iterations} times. */
public record WhileOp(OpMeta meta, Dyn condition, List<Op> steps, Dyn maxIterations) implements Op {

    public static final long DEFAULT_MAX_ITERATIONS = 10_000;

    @Override
    public List<List<Op>> children() {
        return List.of(steps);
    }
}
