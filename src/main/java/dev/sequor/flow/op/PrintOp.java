package dev.sequor.flow.op;

import dev.sequor.flow.Dyn;

/** {@code print}: writes {@code message} to standard output. */
public record PrintOp(OpMeta meta, Dyn message) implements Op {
}
