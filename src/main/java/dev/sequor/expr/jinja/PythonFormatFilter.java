package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.FormatFilter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jinja2's {@code format(*args, **kwargs)}: {@code str(value) % args}, or {@code % kwargs} for named fields, by the
 * same Python {@code %} as the operator ({@link PythonArithmetic}). Jinjava's went to Java's printf, so
 * {@code '%s'|format(1e20)} was {@code 1.0E20} and {@code %r} an error.
 */
final class PythonFormatFilter extends FormatFilter {

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        Object[] positional = args == null ? new Object[0] : args;
        boolean named = kwargs != null && !kwargs.isEmpty();
        if (named && positional.length > 0) {
            throw new TemplateValueException("can't handle positional and keyword arguments at the same time");
        }
        Object values = named ? new LinkedHashMap<>(kwargs) : new PythonTuple(Arrays.asList(positional));
        return PythonArithmetic.percentFormat(PythonStr.str(var), values);
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return filter(var, interpreter, (Object[]) args, Map.of());
    }
}
