package dev.sequor.flow.op;

import dev.sequor.error.SourcePos;
import dev.sequor.flow.Dyn;
import java.util.ArrayList;
import java.util.List;

/** {@code if}: the first branch whose condition is true runs its {@code then}; otherwise {@code else}. */
public record IfOp(OpMeta meta, List<Branch> branches, List<Op> elseSteps) implements Op {

    public record Branch(Dyn condition, String conditionText, List<Op> then, SourcePos pos) {
    }

    @Override
    public List<List<Op>> children() {
        List<List<Op>> c = new ArrayList<>();
        branches.forEach(b -> c.add(b.then()));
        c.add(elseSteps);
        return c;
    }
}
