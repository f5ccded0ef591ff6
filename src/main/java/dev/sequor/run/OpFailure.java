package dev.sequor.run;

import dev.sequor.error.SequorException;
import dev.sequor.flow.op.OpMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure inside a running op, captured where it happened (the innermost op) with the op stack at that
 * moment. Outer ops let it pass unchanged; {@code try} catches it; the CLI prints it.
 */
public final class OpFailure extends SequorException {

    private final OpMeta op;
    private final List<String> stack;
    private final Integer statusCode;

    OpFailure(SequorException cause, OpMeta op, List<String> stack) {
        super(cause.kind(), cause.pos() != null ? cause.pos() : op.pos(), cause.getMessage(), cause);
        this.op = op;
        this.stack = List.copyOf(stack);
        this.statusCode = cause instanceof HttpStatusFailure h ? h.statusCode() : null;
    }

    public OpMeta op() {
        return op;
    }

    public List<String> stack() {
        return stack;
    }

    /** The HTTP status when the failure was an unexpected response, else null. */
    public Integer statusCode() {
        return statusCode;
    }

    /** What a {@code catch} block sees as {@code var('error')}. */
    public Map<String, Object> asVariable() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", getMessage());
        m.put("op", op.op());
        m.put("op_id", op.id());
        m.put("op_title", op.label());
        m.put("status_code", statusCode == null ? null : statusCode.longValue());
        m.put("file", pos() == null ? null : pos().file());
        m.put("line", pos() == null ? null : (long) pos().line());
        return m;
    }

    /** The first line the CLI prints: {@code file:line:col: Error in "label": message}. */
    public String headline() {
        return (pos() == null ? "" : pos() + ": ") + "Error in \"" + op.label() + "\": " + getMessage();
    }
}
