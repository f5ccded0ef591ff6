package dev.sequor.flow.op;

import dev.sequor.flow.Dyn;

/**
 * {@code execute}: a SQL script whose statements are separated by lines holding only {@code go}; with
 * {@code transaction} (the default) they run as one transaction, so a failing statement leaves none applied.
 */
public record ExecuteOp(OpMeta meta, Dyn source, Dyn statement, boolean transaction) implements Op {
}
