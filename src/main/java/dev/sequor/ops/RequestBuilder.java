package dev.sequor.ops;

import dev.sequor.error.SequorException;
import dev.sequor.flow.op.HttpRequestOp.Request;
import dev.sequor.http.HttpRequestData;
import dev.sequor.http.QueryStrings;
import dev.sequor.run.Evaluator;
import dev.sequor.run.FlowScope;
import dev.sequor.run.Texts;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes one HTTP request from the {@code request} section in the current scope: URL with its query,
 * method, headers, and the body encoded per {@code body_format} with the matching Content-Type (unless the
 * flow sets one).
 */
final class RequestBuilder {

    /** Upstream's null literal for body values written as templates. */
    static final String NULL_LITERAL = "__NULL__";

    private final Evaluator eval;

    RequestBuilder(Evaluator eval) {
        this.eval = eval;
    }

    /** The HTTP method: GET when none is given, else a token of letters (a snippet returning None is an error). */
    private String method(Request spec, FlowScope scope) {
        if (spec.method() == null) {
            return "GET";
        }
        String m = eval.string(spec.method(), scope);
        if (m == null || !m.strip().matches("[A-Za-z]+")) {
            throw SequorException.failed(spec.method().pos(), "The request method must be an HTTP method such as GET, "
                    + "POST, PATCH, PUT or DELETE, not " + (m == null ? "None" : "'" + m + "'") + ".");
        }
        return m.strip().toUpperCase(Locale.ROOT);
    }

    HttpRequestData build(Request spec, FlowScope scope) {
        String url = eval.string(spec.url(), scope);
        if (url == null || url.isBlank()) {
            throw SequorException.failed(spec.url().pos(), "The request url is empty; expected an absolute http(s) URL.");
        }
        String method = method(spec, scope);
        Map<String, Object> params = optionalMap(eval.eval(spec.parameters(), scope), "parameters", spec);
        Map<String, Object> headerValues = optionalMap(eval.eval(spec.headers(), scope), "headers", spec);
        URI uri;
        try {
            uri = QueryStrings.withQuery(url.strip(), queryParameters(params));
        } catch (IllegalArgumentException e) {
            throw SequorException.failed(spec.url().pos(), "Invalid request URL '" + url + "': " + e.getMessage());
        }
        // a relative URL is resolved by the HTTP client against the base_url of the source the op names
        boolean relative = uri.getScheme() == null && uri.getRawAuthority() == null;
        if (relative ? spec.source() == null : !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw SequorException.failed(spec.url().pos(), "Invalid request URL '" + url
                    + "': expected an absolute URL starting with http:// or https://, or a URL relative to the base_url"
                    + " of the http source named by request.source.");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (headerValues != null) {
            headerValues.forEach((k, v) -> {
                if (v != null) {
                    headers.add(new AbstractMap.SimpleImmutableEntry<>(k, Texts.str(v)));
                }
            });
        }
        byte[] body = null;
        if (spec.body() != null && spec.bodyFormat() != null) {
            Object value = nullLiterals(eval.eval(spec.body(), scope));
            body = encode(value, spec);
            if (headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"))) {
                headers.add(new AbstractMap.SimpleImmutableEntry<>("Content-Type", contentType(spec.bodyFormat())));
            }
        }
        Duration timeout = null;
        if (spec.timeoutSeconds() != null) {
            Object t = eval.eval(spec.timeoutSeconds(), scope);
            try {
                timeout = Duration.ofMillis((long) (Double.parseDouble(Texts.str(t)) * 1000));
            } catch (NumberFormatException e) {
                throw SequorException.failed(spec.timeoutSeconds().pos(), "timeout_seconds must be a number, not '"
                        + Texts.str(t) + "'.");
            }
        }
        return new HttpRequestData(method, uri, List.copyOf(headers), body, timeout);
    }

    /** Parameters as requests sends them: None left out, a list repeats its key, other values as Python str(). */
    private static List<Map.Entry<String, String>> queryParameters(Map<String, Object> params) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (params != null) {
            params.forEach((k, v) -> {
                for (Object item : v instanceof List<?> l ? l : java.util.Collections.singletonList(v)) {
                    if (item != null) {
                        out.add(Map.entry(k, Texts.str(item)));
                    }
                }
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> optionalMap(Object v, String key, Request spec) {
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw SequorException.failed(spec.pos(), "Request '" + key + "' must be a mapping, not " + Texts.typeName(v) + ".");
    }

    private static byte[] encode(Object value, Request spec) {
        switch (spec.bodyFormat()) {
            case "json" -> {
                try {
                    return JsonBodies.bytes(value);
                } catch (IllegalArgumentException e) {
                    throw SequorException.failed(spec.body().pos(), "Request body cannot be written as JSON: "
                            + e.getMessage());
                }
            }
            case "form_urlencoded" -> {
                if (!(value instanceof Map<?, ?> form)) {
                    throw SequorException.failed(spec.body().pos(), "Request body must be dictionary for form_urlencoded"
                            + " body format: " + Texts.shortRepr(value));
                }
                StringBuilder sb = new StringBuilder();
                form.forEach((k, v) -> {
                    List<?> values = v instanceof List<?> l ? l : java.util.Collections.singletonList(v);
                    for (Object item : values) {
                        if (item == null) {
                            continue;
                        }
                        sb.append(sb.isEmpty() ? "" : "&").append(URLEncoder.encode(String.valueOf(k), StandardCharsets.UTF_8))
                                .append('=').append(URLEncoder.encode(Texts.str(item), StandardCharsets.UTF_8));
                    }
                });
                return sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                return value == null ? new byte[0] : Texts.str(value).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static String contentType(String bodyFormat) {
        return switch (bodyFormat) {
            case "json" -> "application/json";
            case "form_urlencoded" -> "application/x-www-form-urlencoded";
            default -> "text/plain; charset=utf-8";
        };
    }

    /** Replaces every string exactly {@code __NULL__} with null, at any depth. */
    static Object nullLiterals(Object v) {
        if (NULL_LITERAL.equals(v)) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, nullLiterals(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(nullLiterals(x)));
            return out;
        }
        return v;
    }
}
