package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import dev.sequor.expr.PythonJsonDumps;
import java.util.Map;

/**
 * Jinja2's {@code |tojson} and {@code |tojson(indent)}, replacing Jinjava's compact, unsorted form: Python's
 * {@code json.dumps(value, sort_keys=True, indent=indent)} (separators {@code ", "} and {@code ": "}, non-ASCII as
 * {@code \\uXXXX}) with {@code <}, {@code >}, {@code &} and {@code '} escaped as {@code \\u003c}... so the text is
 * safe inside HTML, as Jinja2's {@code htmlsafe_json_dumps} writes it. Values are written as a
 * {@code body_format: json} body writes them ({@link PythonJsonDumps}): a decimal as a number with its own digits and
 * a date as ISO-8601 text, where upstream's {@code json.dumps} would refuse them.
 */
final class PythonTojsonFilter implements Filter {

    @Override
    public String getName() {
        return "tojson";
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
        return filter(value, interpreter, args, Map.of());
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        Object indent = kwargs.containsKey("indent") ? kwargs.get("indent") : args.length > 0 ? args[0] : null;
        String json;
        try {
            json = PythonJsonDumps.dumps(value, true, indent == null ? null : indentOf(indent));
        } catch (IllegalArgumentException e) {
            throw new TemplateValueException(e.getMessage());
        }
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027");
    }

    private static int indentOf(Object indent) {
        try {
            return indent instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(indent).strip());
        } catch (NumberFormatException e) {
            throw new TemplateValueException("tojson's indent must be a whole number, not " + PythonStr.repr(indent));
        }
    }
}
