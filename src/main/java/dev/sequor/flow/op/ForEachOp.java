package dev.sequor.flow.op;

import dev.sequor.flow.Dyn;
import java.util.List;

/** {@code for_each}: runs {@code steps} once per row of a table, the row bound to the variable {@code as}. */
public record ForEachOp(OpMeta meta, Dyn source, Dyn database, Dyn namespace, Dyn table, String as,
                        List<Op> steps) implements Op {
    @Override
    public List<List<Op>> children() {
        return List.of(steps);
    }
}
