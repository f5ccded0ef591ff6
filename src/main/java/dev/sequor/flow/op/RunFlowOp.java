package dev.sequor.flow.op;

import dev.sequor.flow.Dyn;

/** {@code run_flow} (alias {@code run_workflow}): runs another flow with only {@code parameters} as its locals. */
public record RunFlowOp(OpMeta meta, Dyn flow, Dyn startStep, Dyn parameters) implements Op {
}
