package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.MapFilter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Jinja2's {@code map}: with {@code attribute='a.b', default=x}, a dotted path of keys, attributes or list indexes,
 * and the default for an item that lacks it (Jinjava looked the whole {@code 'a.b'} up as one key and had no
 * default); with a filter name ({@code map('round', precision=1)}), the filter applied to each item with the other
 * arguments as they were given, named ones too (Jinjava's map dropped them: {@code map('sort', reverse=true)} did not
 * reverse). A name that is no filter is Jinjava's map, which looks the name up as an attribute.
 */
final class PythonMapFilter extends MapFilter {

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        if (args.length > 0 && args[0] instanceof String name && interpreter.getContext().getFilter(name) != null) {
            Filter apply = interpreter.getContext().getFilter(name);
            Object[] rest = Arrays.copyOfRange(args, 1, args.length);
            Map<String, Object> named = kwargs == null ? Map.of() : kwargs;
            List<Object> out = new ArrayList<>();
            for (Object item : PythonItems.of(var)) {
                out.add(apply.filter(item, interpreter, rest, named));
            }
            return out;
        }
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
