package dev.sequor.flow.op;

import dev.sequor.flow.Dyn;

/** {@code execute}: a SQL script whose statements are separated by lines holding only {@code go}. */
public record ExecuteOp(OpMeta meta, Dyn source, Dyn statement) implements Op {
}
