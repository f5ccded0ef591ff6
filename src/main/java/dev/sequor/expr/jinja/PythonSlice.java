package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.objects.collections.SizeLimitingPyList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

/**
 * Python's extended slice {@code seq[start:stop:step]} ({@code s[::-1]}, {@code items[1::2]}), which Jinjava's parser
 * rejected: on a string (by code point), a list or a tuple, with Python's rules for None, negative and out-of-range
 * bounds. {@link PythonParser} creates it for a subscript with a second colon; {@code seq[a:b]} stays Jinjava's.
 */
final class PythonSlice extends AstRightValue {

    private final AstNode base;
    private final AstNode start;
    private final AstNode stop;
    private final AstNode step;

    /** {@code start}, {@code stop} and {@code step} may be null (omitted). */
    PythonSlice(AstNode base, AstNode start, AstNode stop, AstNode step) {
        this.base = base;
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        Object value = base.eval(bindings, context);
        Long from = bound(start, bindings, context);
        Long to = bound(stop, bindings, context);
        Long by = bound(step, bindings, context);
        List<Object> items;
        if (value instanceof CharSequence || value instanceof List<?>) {
            items = PythonItems.of(value instanceof CharSequence s ? s.toString() : value);
        } else {
            throw new TemplateValueException("'" + PythonStr.typeName(value) + "' object is not subscriptable");
        }
        List<Object> out = slice(items, from, to, by == null ? 1 : by);
        if (value instanceof CharSequence) {
            StringBuilder text = new StringBuilder();
            out.forEach(c -> text.append((String) c));
            return text.toString();
        }
        if (value instanceof PythonTuple) {
            return new PythonTuple(out);
        }
        int max = JinjavaInterpreter.getCurrentMaybe().map(i -> i.getConfig().getMaxListSize()).orElse(Integer.MAX_VALUE);
        return new SizeLimitingPyList(out, max);
    }

    /** Python's {@code slice.indices} and the walk over them. */
    static List<Object> slice(List<Object> items, Long from, Long to, long by) {
        if (by == 0) {
            throw new TemplateValueException("slice step cannot be zero");
        }
        long n = items.size();
        long lower = by < 0 ? -1 : 0;
        long upper = by < 0 ? n - 1 : n;
        long i = from == null ? (by < 0 ? upper : lower) : clamp(from < 0 ? from + n : from, lower, upper);
        long end = to == null ? (by < 0 ? lower : upper) : clamp(to < 0 ? to + n : to, lower, upper);
        List<Object> out = new ArrayList<>();
        for (; by > 0 ? i < end : i > end; i += by) {
            out.add(items.get((int) i));
        }
        return out;
    }

    private static long clamp(long v, long lower, long upper) {
        return Math.max(lower, Math.min(upper, v));
    }

    private static Long bound(AstNode node, Bindings bindings, ELContext context) {
        if (node == null) {
            return null;
        }
        Object v = node.eval(bindings, context);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof BigInteger big) {
            return big.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        throw new TemplateValueException("slice indices must be integers or None or have an __index__ method");
    }

    @Override
    public String toString() {
        return "[::]";
    }

    @Override
    public void appendStructure(StringBuilder builder, Bindings bindings) {
        base.appendStructure(builder, bindings);
        builder.append('[');
        appendPart(builder, bindings, start);
        builder.append(':');
        appendPart(builder, bindings, stop);
        builder.append(':');
        appendPart(builder, bindings, step);
        builder.append(']');
    }

    private static void appendPart(StringBuilder builder, Bindings bindings, AstNode part) {
        if (part != null) {
            part.appendStructure(builder, bindings);
        }
    }

    @Override
    public int getCardinality() {
        return 1 + (start == null ? 0 : 1) + (stop == null ? 0 : 1) + (step == null ? 0 : 1);
    }

    @Override
    public AstNode getChild(int i) {
        List<AstNode> children = new ArrayList<>();
        children.add(base);
        for (AstNode part : new AstNode[] {start, stop, step}) {
            if (part != null) {
                children.add(part);
            }
        }
        return i < children.size() ? children.get(i) : null;
    }
}
