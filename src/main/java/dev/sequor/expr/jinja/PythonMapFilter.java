package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.MapFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jinja2's {@code map(attribute='a.b', default=x)}: a dotted path of keys, attributes or list indexes, and the
 * default for an item that lacks it (Jinjava looked the whole {@code 'a.b'} up as one key and had no default). With a
 * filter name ({@code map('upper')}) it is Jinjava's map.
 */
final class PythonMapFilter extends MapFilter {

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        if (args.length > 0 || kwargs == null || !kwargs.containsKey("attribute")) {
            return super.filter(var, interpreter, args, kwargs);
        }
        String[] path = PythonStr.str(kwargs.get("attribute")).split("\\.");
        boolean hasDefault = kwargs.containsKey("default");
        List<Object> out = new ArrayList<>();
        for (Object item : PythonItems.of(var)) {
            Object value = item;
            try {
                for (String part : path) {
                    value = PythonOrder.attributeOf(value, part);
                }
            } catch (TemplateValueException e) {
                if (!hasDefault) {
                    throw e;
                }
                value = kwargs.get("default");
            }
            out.add(value);
        }
        return out;
    }
}
