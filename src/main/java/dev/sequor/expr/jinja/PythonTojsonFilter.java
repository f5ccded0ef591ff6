package dev.sequor.expr.jinja;

import dev.sequor.expr.PythonJsonDumps;

/**
 * Jinja2's {@code |tojson} and {@code |tojson(indent)}, replacing Jinjava's compact, unsorted form: Python's
 * {@code json.dumps(value, sort_keys=True, indent=indent)} (separators {@code ", "} and {@code ": "}, non-ASCII
 * escaped), with {@code <}, {@code >}, {@code &} and {@code '} also written as JSON unicode escapes so the text is
 * safe inside HTML, as Jinja2's {@code htmlsafe_json_dumps} writes it. Values are written as a
 * {@code body_format: json} body writes them ({@link PythonJsonDumps}): a decimal as a number with its own digits and
 * a date as ISO-8601 text, where upstream's {@code json.dumps} would refuse them.
 */
final class PythonTojsonFilter extends Jinja2Filter {

    PythonTojsonFilter() {
        super("tojson");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        Integer indent = args.get(0, "indent", null) == null ? null : args.integer(0, "indent", 0);
        String json;
        try {
            json = PythonJsonDumps.dumps(value, true, indent);
        } catch (IllegalArgumentException e) {
            throw new TemplateValueException(e.getMessage());
        }
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027");
    }
}
