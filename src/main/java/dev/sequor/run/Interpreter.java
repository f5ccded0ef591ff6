package dev.sequor.run;

import dev.sequor.db.Database;
import dev.sequor.db.Row;
import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.flow.Flow;
import dev.sequor.flow.op.BlockOp;
import dev.sequor.flow.op.ExecuteOp;
import dev.sequor.flow.op.ForEachOp;
import dev.sequor.flow.op.HttpRequestOp;
import dev.sequor.flow.op.IfOp;
import dev.sequor.flow.op.MigrateSchemaOp;
import dev.sequor.flow.op.Op;
import dev.sequor.flow.op.PrintOp;
import dev.sequor.flow.op.RunFlowOp;
import dev.sequor.flow.op.SetVariableOp;
import dev.sequor.flow.op.TransformOp;
import dev.sequor.flow.op.TryOp;
import dev.sequor.flow.op.WhileOp;
import dev.sequor.ops.HttpRequestExecutor;
import dev.sequor.ops.SqlExecutors;
import dev.sequor.run.progress.OpStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs flows: walks the op tree over frames of local variables, keeps the op stack for error messages, and
 * hands I/O ops to their executors. All control flow (if, for_each, while, try, block, run_flow) lives here.
 */
public final class Interpreter {

    /** Deeper run_flow nesting than this is almost surely a flow calling itself. */
    static final int MAX_FLOW_DEPTH = 100;

    private final RunContext run;
    private final OpStack stack = new OpStack();
    private final HttpRequestExecutor http;
    private final SqlExecutors sql;

    public Interpreter(RunContext run) {
        this.run = run;
        this.http = new HttpRequestExecutor(run);
        this.sql = new SqlExecutors(run);
    }

    /** {@code sequor run FLOW}: the flow as upstream's synthetic {@code run_flow} op. */
    public void runFlow(String flowName) {
        Flow flow = run.flows().get(flowName, null);
        prepareHttp(flowName, flow.steps());
        stack.push(new OpStack.Entry("run_flow: " + flowName, null, null, null));
        try {
            runFlowBody(flow, new Frame(flowName, Map.of(), 0), 0);
        } finally {
            stack.pop();
        }
    }

    /**
     * Starts getting the HTTP transport ready before the flow is even parsed when the flow's file mentions
     * {@code http_request}: warming up Jackson's reading of JSON and the JVM's TLS context (its CAs; only when a
     * request may go to https, decided after parsing) takes about as long as loading the sources, parsing the flow
     * and checking its templates, which it now overlaps, so the first request and response no longer wait for it. A
     * guess from the text: a mention in a comment only costs work on the second core that nothing uses; a flow that
     * only calls other flows gets no head start ({@link #prepareHttp} decides again after parsing).
     */
    public void prepareHttpEarly(String flowName) {
        if (run.flows().fileMentions(flowName, "http_request")) {
            run.http().prepare();
        }
    }

    /**
     * When {@code steps} (at any depth) send requests, the HTTP transport gets ready on a thread of its own now, while
     * the run does the rest of its start-up, instead of when the first request needs it (flows that only call other
     * flows do not get this head start); its TLS part only when a request may go to https ({@link TlsGuess}).
     */
    private void prepareHttp(String flowName, List<Op> steps) {
        if (sendsRequests(steps)) {
            run.http().prepare();
            run.http().expectTls(TlsGuess.mayUseTls(run, flowName, steps));
        }
    }

    private static boolean sendsRequests(List<Op> steps) {
        for (Op op : steps) {
            if (op instanceof HttpRequestOp || op.children().stream().anyMatch(Interpreter::sendsRequests)) {
                return true;
            }
        }
        return false;
    }

    /** {@code sequor run FLOW --op-id ID}: the op with that id, at any nesting level, alone in a fresh frame. */
    public void runOp(String flowName, String opId) {
        Flow flow = run.flows().get(flowName, null);
        List<Op> found = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        find(flow.steps(), opId, "steps", found, paths);
        if (found.isEmpty()) {
            throw SequorException.invalid(null, "Operation with ID " + opId + " not found in flow " + flowName);
        }
        if (found.size() > 1) {
            throw SequorException.invalid(null, "Multiple operations with ID " + opId + " found in flow " + flowName
                    + ": " + String.join(", ", paths));
        }
        prepareHttp(flowName, found);
        stack.push(new OpStack.Entry("run_flow: " + flowName, null, null, null));
        try {
            runStep(found.get(0), new Frame(flowName, Map.of(), 0), "flow", flowName, 0);
        } finally {
            stack.pop();
        }
    }

    private static void find(List<Op> steps, String id, String path, List<Op> found, List<String> paths) {
        for (int i = 0; i < steps.size(); i++) {
            Op op = steps.get(i);
            String here = path + "[" + i + "]";
            if (id.equals(op.meta().id())) {
                found.add(op);
                paths.add(here + " (" + op.meta().pos() + ")");
            }
            List<List<Op>> children = op.children();
            for (int c = 0; c < children.size(); c++) {
                find(children.get(c), id, here + ".steps" + c, found, paths);
            }
        }
    }

    private void runFlowBody(Flow flow, Frame frame, int startStep) {
        List<Op> steps = flow.steps();
        for (int i = startStep; i < steps.size(); i++) {
            runStep(steps.get(i), frame, "flow", flow.name(), i);
        }
    }

    /** Runs a list of steps (a block body), each located in {@code kind container} for the op stack. */
    void runSteps(List<Op> steps, Frame frame, String kind, String container) {
        for (int i = 0; i < steps.size(); i++) {
            runStep(steps.get(i), frame, kind, container, i);
        }
    }

    private void runStep(Op op, Frame frame, String kind, String container, int index) {
        stack.push(new OpStack.Entry(op.meta().label(), kind, container, index));
        try {
            exec(op, frame);
        } catch (OpFailure f) {
            throw f;
        } catch (SequorException e) {
            throw new OpFailure(e, op.meta(), stack.render());
        } catch (RuntimeException | StackOverflowError e) {
            SequorException internal = new SequorException(ExitCode.INTERNAL, op.meta().pos(),
                    "Internal error: " + e.getClass().getName() + ": " + e.getMessage()
                            + " (please report this; run with --stacktrace for details)", e);
            throw new OpFailure(internal, op.meta(), stack.render());
        } finally {
            stack.pop();
        }
    }

    private void exec(Op op, Frame frame) {
        FlowScope scope = new FlowScope(run, frame, null);
        switch (op) {
            case HttpRequestOp h -> timed(op, () -> http.execute(h, scope));
            case TransformOp t -> timed(op, () -> sql.transform(t, scope));
            case ExecuteOp e -> timed(op, () -> sql.execute(e, scope));
            case MigrateSchemaOp m -> timed(op, () -> sql.migrateSchema(m, scope));
            case RunFlowOp r -> runFlowOp(r, scope);
            case SetVariableOp s -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> defs = (Map<String, Object>) run.evaluator().eval(s.set(), scope);
                String summary = VarAssign.applyAll(defs, scope);
                run.log().info("Finished \"" + op.meta().label() + "\": variables set: " + summary);
            }
            case PrintOp p -> {
                String message = run.evaluator().string(p.message(), scope);
                run.out().println(message);
                run.out().flush();
            }
            case IfOp i -> ifOp(i, scope);
            case ForEachOp f -> forEach(f, scope);
            case BlockOp b -> runSteps(b.steps(), frame, "block", b.meta().title());
            case WhileOp w -> whileOp(w, scope);
            case TryOp t -> tryOp(t, frame);
        }
    }

    /** Runs an op that does work (I/O), logging its start and end and counting it in the run's stats. */
    private void timed(Op op, Runnable body) {
        long start = System.nanoTime();
        run.log().info("Starting \"" + op.meta().label() + "\"");
        OpStats stats = run.runStats().start(op, op.meta().label());
        boolean failed = true;
        try {
            body.run();
            failed = false;
        } finally {
            run.runStats().end(stats, failed);
        }
        run.log().info("Finished \"" + op.meta().label() + "\" in "
                + RunLog.seconds(Duration.ofNanos(System.nanoTime() - start)));
    }

    private void runFlowOp(RunFlowOp r, FlowScope scope) {
        String name = run.evaluator().string(r.flow(), scope);
        int start = startStep(run.evaluator().eval(r.startStep(), scope), r.startStep() == null ? null : r.startStep().pos());
        @SuppressWarnings("unchecked")
        Map<String, Object> params = r.parameters() == null ? Map.of()
                : (Map<String, Object>) mapping(run.evaluator().eval(r.parameters(), scope), "parameters", r.parameters().pos());
        if (scope.frame().depth() + 1 > MAX_FLOW_DEPTH) {
            throw SequorException.failed(r.meta().pos(), "run_flow is nested more than " + MAX_FLOW_DEPTH
                    + " levels deep; does flow \"" + name + "\" call itself without an end?");
        }
        Flow flow = run.flows().get(name, r.flow().pos());
        long t0 = System.nanoTime();
        run.log().info("Starting flow: " + name);
        runFlowBody(flow, new Frame(name, params, scope.frame().depth() + 1), start);
        run.log().info("Finished flow: " + name + " in " + RunLog.seconds(Duration.ofNanos(System.nanoTime() - t0)));
    }

    private static int startStep(Object v, SourcePos pos) {
        if (v == null) {
            return 0;
        }
        try {
            int n = v instanceof Number num ? num.intValue() : Integer.parseInt(Texts.str(v).strip());
            if (n < 0) {
                throw new NumberFormatException("negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw SequorException.failed(pos, "Invalid start_step value '" + Texts.str(v)
                    + "'. Must be a non-negative integer.");
        }
    }

    static Map<?, ?> mapping(Object v, String what, SourcePos pos) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw SequorException.failed(pos, "'" + what + "' must be a mapping, not " + Texts.typeName(v) + ".");
    }

    private void ifOp(IfOp op, FlowScope scope) {
        for (int i = 0; i < op.branches().size(); i++) {
            IfOp.Branch b = op.branches().get(i);
            if (Texts.isTrue(run.evaluator().eval(b.condition(), scope))) {
                runSteps(b.then(), scope.frame(), "condition_block", b.conditionText());
                return;
            }
        }
        runSteps(op.elseSteps(), scope.frame(), "else_block", null);
    }

    private void forEach(ForEachOp op, FlowScope scope) {
        String source = run.evaluator().string(op.source(), scope);
        String table = run.evaluator().string(op.table(), scope);
        String namespace = run.evaluator().string(op.namespace(), scope);
        Database db = run.database(source, scope, op.source().pos());
        List<Row> rows = db.query("SELECT * FROM " + db.dialect().qualified(namespace, table));
        run.log().info("Starting \"" + op.meta().label() + "\"");
        for (Row row : rows) {
            scope.frame().set(op.as(), row);
            runSteps(op.steps(), scope.frame(), "for_each", op.meta().title());
        }
        run.log().info("Finished \"" + op.meta().label() + "\". Processed " + rows.size() + " rows");
    }

    private void whileOp(WhileOp op, FlowScope scope) {
        Object capValue = run.evaluator().eval(op.maxIterations(), scope);
        long cap = WhileOp.DEFAULT_MAX_ITERATIONS;
        if (capValue != null) {
            cap = dev.sequor.flow.Counts.positive(capValue, op.maxIterations().pos(), "max_iterations");
        }
        long iterations = 0;
        while (Texts.isTrue(run.evaluator().eval(op.condition(), scope))) {
            if (iterations >= cap) {
                throw SequorException.failed(op.meta().pos(), "The loop ran max_iterations (" + cap
                        + ") times and its condition is still true; raise max_iterations or fix the condition.");
            }
            iterations++;
            runSteps(op.steps(), scope.frame(), "while", op.meta().name());
        }
    }

    private void tryOp(TryOp op, Frame frame) {
        try {
            runSteps(op.steps(), frame, "try", op.meta().name());
        } catch (OpFailure failure) {
            if (op.catchSteps().isEmpty() && !op.finallySteps().isEmpty()) {
                throw failure;
            }
            run.log().info("Caught in \"" + op.meta().label() + "\": " + failure.getMessage());
            // the catch steps may print, store or send the error: its message is masked like any other output
            Map<String, Object> error = new java.util.LinkedHashMap<>(failure.asVariable());
            error.put("message", run.secretSet().mask((String) error.get("message")));
            frame.set("error", error);
            runSteps(op.catchSteps(), frame, "catch", op.meta().name());
        } finally {
            runSteps(op.finallySteps(), frame, "finally", op.meta().name());
        }
    }
}
