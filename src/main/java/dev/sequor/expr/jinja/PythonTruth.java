package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.IfTag;
import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.util.HasObjectTruthValue;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Python's truth, {@code bool(value)}, the one rule every truth inside a template takes: {@code if}/{@code elif}
 * ({@link If}), {@code not}, {@code and}, {@code or} and {@code a if cond else b} (the expression factory's
 * {@code TypeConverter}, see {@link Templates}), {@code select}/{@code reject}, {@code selectattr}/{@code rejectattr}
 * without a test ({@link PythonTests.Truthy}), loop filters ({@code for x in xs if cond}), {@code default(x, true)}
 * and filters' flag arguments. None, False, zero (also {@code 0.0} and a zero decimal), {@code ''} and an empty list, tuple, range,
 * dict or set are false; everything else is true, any text that is not empty too ({@code 'false'}, {@code '0'},
 * {@code ' '}): Jinjava's truth took the text {@code 'false'} (in any case) as false. A value implementing
 * {@link HasObjectTruthValue} answers for itself ({@link PythonUndefined}).
 */
final class PythonTruth {

    private PythonTruth() {
    }

    /** Python's {@code bool(value)}. */
    static boolean of(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof HasObjectTruthValue h) {
            return h.getObjectTruthValue();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof Number n) {
            return switch (n) {
                case BigDecimal d -> d.signum() != 0;
                case BigInteger i -> i.signum() != 0;
                case Double d -> d != 0; // NaN is true, as in Python
                case Float f -> f != 0;
                default -> n.longValue() != 0 || n.doubleValue() != 0;
            };
        }
        if (value instanceof CharSequence s) {
            return !s.isEmpty();
        }
        if (value instanceof SafeString s) {
            return !s.getValue().isEmpty();
        }
        return !value.getClass().isArray() || Array.getLength(value) != 0;
    }

    /** Jinja2's {@code if} and {@code elif}: the branch whose condition is true by {@link #of}. */
    static final class If extends IfTag {

        private static final long serialVersionUID = 1L;

        @Override
        public boolean isPositiveIfElseNode(TagNode tagNode, JinjavaInterpreter interpreter) {
            return of(interpreter.resolveELExpression(tagNode.getHelpers(), tagNode.getLineNumber(),
                    tagNode.getStartPosition()));
        }
    }

    /** Jinjava's type converter with Python's truth for every conversion to a boolean. */
    static final class Converter extends com.hubspot.jinjava.el.TruthyTypeConverter {

        private static final long serialVersionUID = 1L;

        @Override
        protected Boolean coerceToBoolean(Object value) {
            return of(value);
        }
    }
}
