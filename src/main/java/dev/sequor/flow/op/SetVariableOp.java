package dev.sequor.flow.op;

import dev.sequor.flow.Dyn;

/** {@code set_variable}: each entry of {@code set} is a value (project scope) or {@code {value, scope}}. */
public record SetVariableOp(OpMeta meta, Dyn.DMap set) implements Op {
}
