package dev.sequor.flow;

import dev.sequor.flow.op.BlockOp;
import dev.sequor.flow.op.ExecuteOp;
import dev.sequor.flow.op.ForEachOp;
import dev.sequor.flow.op.HttpRequestOp;
import dev.sequor.flow.op.Pagination;
import dev.sequor.flow.op.IfOp;
import dev.sequor.flow.op.MigrateSchemaOp;
import dev.sequor.flow.op.Op;
import dev.sequor.flow.op.PrintOp;
import dev.sequor.flow.op.RunFlowOp;
import dev.sequor.flow.op.SetVariableOp;
import dev.sequor.flow.op.TransformOp;
import dev.sequor.flow.op.TryOp;
import dev.sequor.flow.op.WhileOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every computed value an op holds (its own, not its nested steps'), for checks that look at all templates
 * and snippets of a flow without running it.
 */
public final class OpDyns {

    private OpDyns() {
    }

    public static List<Dyn> of(Op op) {
        List<Dyn> d = new ArrayList<>();
        switch (op) {
            case HttpRequestOp h -> {
                d.add(h.init());
                if (h.forEach() != null) {
                    add(d, h.forEach().source(), h.forEach().database(), h.forEach().namespace(), h.forEach().table(),
                            h.forEach().query(), h.forEach().parallel(), h.forEach().errorTable());
                }
                if (h.request() != null) {
                    var r = h.request();
                    add(d, r.url(), r.method(), r.parameters(), r.headers(), r.body(), r.timeoutSeconds());
                }
                if (h.response() != null) {
                    var r = h.response();
                    add(d, r.successStatus(), r.source(), r.database(), r.namespace(), r.table(), r.parser(),
                            r.variables(), r.whileCondition(), r.maxIterations());
                    if (r.pagination() != null) {
                        d.add(r.pagination().maxPages());
                        switch (r.pagination().style()) {
                            case Pagination.PageNumber p -> add(d, p.start(), p.pageSize(), p.totalPagesPath(),
                                    p.hasMorePath());
                            case Pagination.Offset o -> add(d, o.limit(), o.totalPath());
                            case Pagination.Cursor c -> add(d, c.cursorPath(), c.hasMorePath());
                            case Pagination.NextUrl n -> d.add(n.nextUrlPath());
                            case Pagination.LinkHeader l -> { }
                        }
                    }
                    for (var t : r.tables()) {
                        add(d, t.source(), t.database(), t.namespace(), t.table(), t.columns(), t.model(), t.data(),
                                t.write().mode(), t.write().primaryKey(), t.write().mergeStrategy());
                    }
                }
                d.add(h.responseExpression());
            }
            case TransformOp t -> add(d, t.source(), t.query(), t.targetTable(), t.targetNamespace(), t.targetDatabase(),
                    t.write().mode(), t.write().primaryKey(), t.write().mergeStrategy());
            case ExecuteOp e -> add(d, e.source(), e.statement());
            case MigrateSchemaOp m -> add(d, m.targetSource(), m.targetNamespace(), m.targetTable(), m.columnsSource(),
                    m.columnsNamespace(), m.columnsTable());
            case RunFlowOp r -> add(d, r.flow(), r.startStep(), r.parameters());
            case SetVariableOp s -> d.add(s.set());
            case PrintOp p -> d.add(p.message());
            case IfOp i -> i.branches().forEach(b -> d.add(b.condition()));
            case ForEachOp f -> add(d, f.source(), f.database(), f.namespace(), f.table());
            case WhileOp w -> add(d, w.condition(), w.maxIterations());
            case BlockOp b -> { }
            case TryOp t -> { }
        }
        List<Dyn> leaves = new ArrayList<>();
        d.stream().filter(Objects::nonNull).forEach(x -> leaves.addAll(x.leaves()));
        return leaves;
    }

    private static void add(List<Dyn> d, Dyn... values) {
        d.addAll(java.util.Arrays.asList(values));
    }

    /** The op and every op nested in it, depth first. */
    public static List<Op> flatten(List<Op> steps) {
        List<Op> out = new ArrayList<>();
        for (Op op : steps) {
            out.add(op);
            op.children().forEach(c -> out.addAll(flatten(c)));
        }
        return out;
    }
}
