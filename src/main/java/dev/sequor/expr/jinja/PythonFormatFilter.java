package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.FormatFilter;
import java.util.Map;

/**
 * Jinja2's {@code format(*args)} ({@code '%s' % args}) on Jinjava's printf: arguments that Java would print in its
 * own way (None, booleans, lists, dicts, dates) are given as their Python {@code str()}, so {@code '%s'|format(none)}
 * is {@code None}, not {@code null}; numbers are passed as they are, for {@code %d} and {@code %.2f}.
 */
final class PythonFormatFilter extends FormatFilter {

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        Object[] printable = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            printable[i] = args[i] instanceof Number || args[i] instanceof String ? args[i] : PythonStr.str(args[i]);
        }
        return super.filter(var == null ? null : PythonStr.str(var), interpreter, printable, kwargs);
    }
}
