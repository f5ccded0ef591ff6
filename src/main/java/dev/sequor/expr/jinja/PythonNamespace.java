package dev.sequor.expr.jinja;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.SetTag;
import com.hubspot.jinjava.objects.Namespace;
import com.hubspot.jinjava.objects.collections.SizeLimitingPyMap;
import com.hubspot.jinjava.tree.parse.TagToken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jinja2's {@code namespace(...)}, the object a loop can carry state out of with {@code {% set ns.n = ... %}}.
 * Jinjava's own dropped arguments whose value is None, kept no order (Jinja2 prints {@code <Namespace {'b': 0,
 * 'a': 1}>} in the order given) and wrote through to a dict passed to it; and its set tag put {@code d.a} into the
 * context as a variable named {@code d.a} when {@code d} was not a namespace, where Jinja2 fails. Also Jinja2's
 * {@code dict(...)} global, which Jinjava lacks.
 */
final class PythonNamespace {

    private PythonNamespace() {
    }

    /** {@code namespace(mapping_or_pairs=None, **attributes)}, as Python's {@code dict(...)} takes them. */
    public static Namespace create(Object... args) {
        Namespace namespace = new Namespace(new LinkedHashMap<>(), maxMapSize());
        namespace.putAll(items("namespace", args));
        return namespace;
    }

    /** Jinja2's {@code dict(...)} global, Python's {@code dict}: {@code dict(a=1)} is {@code {'a': 1}}. */
    public static Map<String, Object> dict(Object... args) {
        return new SizeLimitingPyMap(items("dict", args), maxMapSize());
    }

    private static Map<String, Object> items(String function, Object[] args) {
        Map<String, Object> values = new LinkedHashMap<>();
        int positional = 0;
        for (Object arg : args == null ? new Object[0] : args) {
            if (arg instanceof NamedParameter named) {
                continue;
            }
            if (++positional > 1) {
                throw new TemplateValueException(function + "() takes at most 1 positional argument");
            }
            if (arg instanceof Map<?, ?> map) {
                map.forEach((k, v) -> values.put(PythonStr.str(k), v));
            } else if (arg instanceof Iterable<?> pairs) {
                for (Object pair : pairs) {
                    if (!(pair instanceof List<?> kv) || kv.size() != 2) {
                        throw new TemplateValueException(function + "() needs a dict or a list of (key, value) pairs, got "
                                + PythonStr.repr(pair) + " in the list");
                    }
                    values.put(PythonStr.str(kv.get(0)), kv.get(1));
                }
            } else {
                throw new TemplateValueException(function + "() needs a dict or a list of (key, value) pairs, not '"
                        + PythonStr.typeName(arg) + "'");
            }
        }
        for (Object arg : args == null ? new Object[0] : args) {
            if (arg instanceof NamedParameter named) {
                values.put(named.getName(), named.getValue());
            }
        }
        return values;
    }

    private static int maxMapSize() {
        return JinjavaInterpreter.getCurrentMaybe().map(i -> i.getConfig().getMaxMapSize()).orElse(Integer.MAX_VALUE);
    }

    /**
     * Jinjava's set tag, failing as Jinja2 does on {@code {% set x.attr = ... %}} when {@code x} is no namespace, and
     * unpacking one sequence into several names ({@code {% set a, b = pair %}}), which Jinjava took as one value for
     * two names ("uneven number of variables").
     */
    static final class Set extends SetTag {

        @Override
        public void executeSet(TagToken tagToken, JinjavaInterpreter interpreter, String[] varTokens,
                               List<?> resolvedList, boolean allowDeferredValueOverride) {
            if (varTokens.length == 1 && !interpreter.isValidationMode()) {
                String var = varTokens[0].trim();
                int dot = var.indexOf('.');
                if (dot > 0 && !(interpreter.getContext().get(var.substring(0, dot)) instanceof Namespace)) {
                    throw new TemplateValueException("cannot assign attribute on non-namespace object");
                }
            }
            List<?> values = resolvedList;
            if (varTokens.length > 1 && values != null && values.size() == 1
                    && (values.getFirst() instanceof List<?> || values.getFirst() instanceof CharSequence)) {
                // {% set a, b = pair %}: one sequence unpacked, as Python's assignment does
                values = PythonItems.of(values.getFirst() instanceof CharSequence cs ? cs.toString() : values.getFirst());
                if (values.size() != varTokens.length && !interpreter.isValidationMode()) {
                    throw new TemplateValueException(values.size() > varTokens.length
                            ? "too many values to unpack (expected " + varTokens.length + ")"
                            : "not enough values to unpack (expected " + varTokens.length + ", got " + values.size() + ")");
                }
            }
            super.executeSet(tagToken, interpreter, varTokens, values, allowDeferredValueOverride);
        }
    }
}
