package dev.sequor.flow.parse;

import dev.sequor.flow.Dyn;
import dev.sequor.flow.Dyns;
import dev.sequor.flow.KeyReader;
import dev.sequor.flow.LiteralRule;
import dev.sequor.flow.OpParser.StepsParser;
import dev.sequor.flow.op.BlockOp;
import dev.sequor.flow.op.ForEachOp;
import dev.sequor.flow.op.IfOp;
import dev.sequor.flow.op.Op;
import dev.sequor.flow.op.OpMeta;
import dev.sequor.flow.op.RunFlowOp;
import dev.sequor.flow.op.TryOp;
import dev.sequor.flow.op.WhileOp;
import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YNode.YList;
import dev.sequor.yaml.YNode.YMap;
import dev.sequor.yaml.YNode.YScalar;
import java.util.ArrayList;
import java.util.List;

/** Parsers of the control ops: {@code if}, {@code for_each}, {@code block}, {@code while}, {@code try}, {@code run_flow}. */
public final class ControlOpParsers {

    private ControlOpParsers() {
    }

    public static Op runFlow(KeyReader keys, OpMeta meta, StepsParser steps) {
        Dyn flow = keys.requiredDyn("flow");
        Dyn startStep = keys.checked("start_step", LiteralRule.STEP_INDEX);
        YNode written = keys.node("parameters");
        Dyn parameters;
        if (written instanceof YMap params) {
            parameters = Dyns.withKeyExpressions(params, keys);
        } else {
            // the called flow's locals: even an empty value is refused when the op runs, so it is refused here
            parameters = keys.checked("parameters", new LiteralRule("a mapping of parameter names to values", v -> false));
        }
        return new RunFlowOp(meta, flow, startStep, parameters);
    }

    public static Op ifOp(KeyReader keys, OpMeta meta, StepsParser steps) {
        YList conditions = keys.list("conditions");
        List<IfOp.Branch> branches = new ArrayList<>();
        if (conditions == null && !keys.has("conditions")) { // present but not a list: list() reported it
            keys.missing("'conditions' is required in " + keys.where() + ": a list of {condition, then} entries.",
                    "conditions");
        } else if (conditions != null) {
            for (YNode item : conditions.items()) {
                if (!(item instanceof YMap m)) {
                    keys.diagnostics().error(item.pos(), "Each entry of 'conditions' in " + keys.where()
                            + " must be a mapping with 'condition' (or 'condition_expression') and 'then'.");
                    continue;
                }
                KeyReader branch = keys.nested("conditions", m, keys.where() + " condition");
                Dyn condition = branch.requiredDyn("condition");
                YNode raw = m.get("condition") != null ? m.get("condition") : m.get("condition_expression");
                String text = raw instanceof YScalar s ? String.valueOf(s.value()) : null;
                branches.add(new IfOp.Branch(condition, text, steps.parse(branch, "then"), m.pos()));
                branch.finish();
            }
        }
        return new IfOp(meta, List.copyOf(branches), steps.parse(keys, "else"));
    }

    public static Op forEach(KeyReader keys, OpMeta meta, StepsParser steps) {
        keys.accept("database");
        return new ForEachOp(meta, keys.requiredDyn("source"), keys.dyn("database"), keys.dyn("namespace"),
                keys.requiredDyn("table"), keys.requiredString("as"), steps.parse(keys, "steps"));
    }

    public static Op block(KeyReader keys, OpMeta meta, StepsParser steps) {
        return new BlockOp(meta, steps.parse(keys, "steps"));
    }

    public static Op whileOp(KeyReader keys, OpMeta meta, StepsParser steps) {
        return new WhileOp(meta, keys.requiredDyn("condition"), steps.parse(keys, "steps"),
                keys.countDyn("max_iterations"));
    }

    public static Op tryOp(KeyReader keys, OpMeta meta, StepsParser steps) {
        // a value the op would refuse is the catch steps' business here: a warning, not a refusal of the flow
        List<Op> body = keys.diagnostics().insideTry(() -> steps.parse(keys, "steps"));
        if (!keys.has("catch") && !keys.has("finally")) {
            keys.missing(keys.where() + " needs 'catch' steps, 'finally' steps, or both.", "catch", "finally");
        }
        return new TryOp(meta, body, steps.parse(keys, "catch"), steps.parse(keys, "finally"));
    }
}
