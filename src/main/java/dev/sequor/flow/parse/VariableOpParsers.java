package dev.sequor.flow.parse;

import dev.sequor.flow.Dyn;
import dev.sequor.flow.KeyReader;
import dev.sequor.flow.OpParser.StepsParser;
import dev.sequor.flow.op.Op;
import dev.sequor.flow.op.OpMeta;
import dev.sequor.flow.op.PrintOp;
import dev.sequor.flow.op.SetVariableOp;
import dev.sequor.yaml.YNode.YMap;
import java.util.LinkedHashMap;

/** Parsers of the ops that deal in variables and messages: {@code set_variable}, {@code print}. */
public final class VariableOpParsers {

    private VariableOpParsers() {
    }

    public static Op setVariable(KeyReader keys, OpMeta meta, StepsParser steps) {
        YMap set = keys.mapping("set");
        if (set == null && !keys.has("set")) {
            keys.missing("'set' is required in " + keys.where() + ": a mapping of variable names to values.", "set");
        }
        Dyn.DMap defs = set == null ? new Dyn.DMap(new LinkedHashMap<>(), meta.pos()) : VarDefs.parse(set, keys);
        return new SetVariableOp(meta, defs);
    }

    public static Op print(KeyReader keys, OpMeta meta, StepsParser steps) {
        return new PrintOp(meta, keys.requiredDyn("message"));
    }
}
