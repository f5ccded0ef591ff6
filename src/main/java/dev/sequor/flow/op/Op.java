package dev.sequor.flow.op;

import java.util.List;

/**
 * One parsed operation of a flow. Ops are pure data (records); all behaviour lives in the interpreter and
 * the executors, so the op tree can be validated, listed and documented without running anything.
 */
public sealed interface Op permits HttpRequestOp, TransformOp, ExecuteOp, RunFlowOp, SetVariableOp, PrintOp,
        IfOp, ForEachOp, BlockOp, MigrateSchemaOp, WhileOp, TryOp {

    OpMeta meta();

    /** The nested step lists of this op (for {@code --op-id} lookup of nested ops and for validation). */
    default List<List<Op>> children() {
        return List.of();
    }
}
