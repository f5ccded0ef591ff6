package dev.sequor.flow.spec;

import static dev.sequor.flow.spec.JsonType.BOOLEAN;
import static dev.sequor.flow.spec.JsonType.INTEGER;
import static dev.sequor.flow.spec.JsonType.OBJECT;
import static dev.sequor.flow.spec.JsonType.STRING;
import static dev.sequor.flow.spec.KeySpec.dyn;
import static dev.sequor.flow.spec.KeySpec.literal;
import static dev.sequor.flow.spec.KeySpec.steps;

/** The keys of the control ops, in the order {@code flow.parse.ControlOpParsers} reads them. */
public final class ControlOpSpecs {

    private ControlOpSpecs() {
    }

    public static final SectionSpec RUN_FLOW = SectionSpec.closed("run_flow",
            "Runs another flow of the project.",
            dyn("flow", "The flow to run: its path under flows/ without .yaml.", STRING).mandatory(),
            dyn("start_step", "Skip the called flow's first N steps.", INTEGER).dflt(0),
            dyn("parameters", "The called flow's only local variables; per-key NAME_expression.", OBJECT));

    public static final SectionSpec CONDITION = SectionSpec.closed("if condition",
            "A condition and the steps that run when it is the first true one.",
            dyn("condition", "True when its value, as text, is true in any case.", BOOLEAN, STRING).mandatory(),
            steps("then", "The steps that run when the condition is true."));

    public static final SectionSpec IF = SectionSpec.closed("if",
            "Runs the steps of the first true condition, or else.",
            KeySpec.listOf("conditions", "Conditions tried in order.", CONDITION).mandatory(),
            steps("else", "The steps that run when no condition is true."));

    public static final SectionSpec FOR_EACH = SectionSpec.closed("for_each",
            "Runs steps once per row of a table.",
            dyn("source", "The database source of the table.", STRING).mandatory(),
            dyn("database", "Database of the table (kept for upstream flows; not used in SQL).", STRING),
            dyn("namespace", "Namespace (schema) of the table.", STRING),
            dyn("table", "The table whose rows to iterate over.", STRING).mandatory(),
            literal("as", "The variable the current row is bound to, as var('NAME').", STRING).mandatory(),
            steps("steps", "The steps run per row."));

    public static final SectionSpec BLOCK = SectionSpec.closed("block",
            "Runs steps in the current scope.",
            steps("steps", "The steps."));

    public static final SectionSpec WHILE = SectionSpec.closed("while",
            "Runs steps while a condition is true.",
            dyn("condition", "Checked before each round; true when its value, as text, is true.", BOOLEAN, STRING)
                    .mandatory(),
            steps("steps", "The steps of one round."),
            dyn("max_iterations", "Cap on rounds; exceeding it is an error naming the op.", INTEGER).dflt(10000));

    public static final SectionSpec TRY = SectionSpec.closed("try",
            "Runs steps; on failure runs catch (var('error') holds the failure); finally always runs.",
            steps("steps", "The steps tried."),
            steps("catch", "Run when a step fails."),
            steps("finally", "Always run."))
            .oneOfRequired("catch", "finally");
}
