package dev.sequor.flow.spec;

import static dev.sequor.flow.spec.JsonType.STRING;
import static dev.sequor.flow.spec.KeySpec.literal;

import java.util.List;

/** The keys of a flow file, and the keys every op has besides its own. */
public final class FlowFileSpec {

    private FlowFileSpec() {
    }

    /** Keys of every step: {@code op} chooses the op, whose own keys follow these. */
    public static final List<KeySpec> COMMON_OP_KEYS = List.of(
            literal("op", "The operation.", STRING).mandatory(),
            literal("id", "Names the op for --op-id, messages and var('error').", STRING),
            literal("title", "A title shown in logs and messages.", STRING),
            literal("description", "What the op is for.", STRING));

    public static final SectionSpec FLOW = SectionSpec.closed("flow",
            "A Sequor flow: a list of steps (ops).",
            literal("description", "What the flow does (sequor list shows its first line).", STRING),
            KeySpec.steps("steps", "The ops, run in order."),
            literal("name", "Kept for upstream flows; the file's path names the flow.", STRING),
            literal("title", "Kept for upstream flows.", STRING),
            literal("version", "Kept for upstream flows.", new JsonType[0]));
}
