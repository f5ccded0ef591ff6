package dev.sequor.expr.jinja;

import dev.sequor.expr.python.subset.UrllibParseModule;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Jinja2's {@code |urlencode}, replacing Jinjava's, which writes a space as {@code +} everywhere: in a URL path a
 * {@code +} is a plus sign, so {@code /search/{{ var('q') | urlencode }}} asked for another resource than upstream.
 * As Jinja2 does: a single value is quoted for a path (space as {@code %20}, {@code /} kept); a dict, or a list of
 * pairs, becomes a query string ({@code k=v&k2=v2}, space as {@code +}, {@code /} quoted). Values that are not text
 * are written as Python's {@code str()} first; UTF-8 bytes outside the unreserved characters are {@code %XX}.
 */
final class PythonUrlencodeFilter extends Jinja2Filter {

    PythonUrlencodeFilter() {
        super("urlencode");
    }

    @Override
    Object apply(Object value, FilterArgs args) {
        if (value instanceof Map<?, ?> map) {
            StringJoiner query = new StringJoiner("&");
            map.forEach((k, v) -> query.add(quote(k, true) + "=" + quote(v, true)));
            return query.toString();
        }
        if (value instanceof List<?> pairs) {
            StringJoiner query = new StringJoiner("&");
            for (Object pair : pairs) {
                if (!(pair instanceof List<?> kv) || kv.size() != 2) {
                    throw new TemplateValueException("urlencode needs a dict, a list of (key, value) pairs or a single"
                            + " value; got an item " + PythonStr.repr(pair));
                }
                query.add(quote(kv.get(0), true) + "=" + quote(kv.get(1), true));
            }
            return query.toString();
        }
        return quote(value, false);
    }

    /**
     * Jinja2's {@code url_quote}: Python's {@code quote} of the value's {@code str()} ({@code /} kept) for a single
     * value, {@code quote_plus} with nothing kept for a query's keys and values.
     */
    private static String quote(Object value, boolean forQuery) {
        String text = PythonStr.str(value);
        return forQuery ? UrllibParseModule.quotePlus(text, "") : UrllibParseModule.quote(text, "/");
    }
}
