package dev.sequor.http;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every request through an http source starts from: {@code base_url}, against which relative request URLs
 * resolve, and default {@code headers}, merged under each request's own.
 *
 * <p>A relative URL is joined to the base as dlt's rest_api does, not by plain RFC 3986 resolution (which would
 * let {@code /customers} replace the base's path): the base's path is kept, with a {@code /} added when it has
 * none at the end, and leading slashes of the URL are dropped; then RFC 3986 resolution applies, so {@code ../}
 * steps up. With {@code base_url: https://api.x.com/v1}, {@code customers} and {@code /customers} both become
 * {@code https://api.x.com/v1/customers}. An absolute URL is sent as written.
 */
public record RequestDefaults(URI baseUrl, List<Map.Entry<String, String>> headers) {

    public static final RequestDefaults NONE = new RequestDefaults(null, List.of());

    /**
     * Reads {@code base_url} and {@code headers} of a rendered source file, each written at its position;
     * {@code where} starts every message.
     */
    static RequestDefaults from(Object baseUrl, SourcePos baseUrlPos, Object headers, SourcePos headersPos,
                                String where) {
        return new RequestDefaults(base(SourceValues.text(baseUrl, where + "base_url", baseUrlPos), where, baseUrlPos),
                headers(headers, where, headersPos));
    }

    private static URI base(String text, String where, SourcePos pos) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String problem = null;
        URI uri = null;
        try {
            uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null) {
                problem = "expected an absolute URL starting with http:// or https://";
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problem = "it may not have a query or fragment; give parameters in each request's parameters";
            }
        } catch (URISyntaxException e) {
            problem = e.getReason();
        }
        if (problem != null) {
            throw SequorException.invalid(pos, where + "base_url '" + text + "' is not a base URL: " + problem + ".");
        }
        return uri;
    }

    private static List<Map.Entry<String, String>> headers(Object value, String where, SourcePos pos) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw SequorException.invalid(pos, where + "headers must be a mapping of header names to values, not '"
                    + value + "'.");
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        m.forEach((k, v) -> {
            String text = SourceValues.text(v, where + "headers." + k, pos);
            if (text != null) {
                out.add(Map.entry(String.valueOf(k), text));
            }
        });
        return List.copyOf(out);
    }

    /**
     * {@code request} with its URL resolved against base_url and the default headers it does not set itself
     * (names compared case-insensitively) in front of its own. {@code source} names the source in errors.
     */
    HttpRequestData apply(HttpRequestData request, String source) {
        URI uri = request.uri();
        if (!uri.isAbsolute()) {
            if (baseUrl == null) {
                throw SequorException.failed(null, "The request URL '" + uri + "' is relative, but " + (source == null
                        ? "the request names no http source with a base_url; write an absolute URL."
                        : "source \"" + source + "\" has no base_url; write an absolute URL or set base_url in the source file."));
            }
            uri = join(baseUrl, uri);
        }
        if (headers.isEmpty()) {
            return request.withUri(uri);
        }
        List<Map.Entry<String, String>> merged = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            if (request.header(h.getKey()) == null) {
                merged.add(h);
            }
        }
        merged.addAll(request.headers());
        return request.withUri(uri).withHeaders(List.copyOf(merged));
    }

    /** {@code uri} as it is sent: joined to base_url when it is relative (unchanged when there is no base_url). */
    public URI absolute(URI uri) {
        return uri.isAbsolute() || baseUrl == null ? uri : join(baseUrl, uri);
    }

    /** {@code relative} joined to {@code base} as the class comment says. */
    static URI join(URI base, URI relative) {
        if (relative.isAbsolute()) {
            return relative;
        }
        String reference = relative.toString();
        int leading = 0;
        while (leading < reference.length() && reference.charAt(leading) == '/') {
            leading++;
        }
        reference = reference.substring(leading);
        if (reference.isEmpty()) {
            return base;
        }
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        URI directory = URI.create(base.getScheme() + "://" + base.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
        if (reference.startsWith("?")) {
            // java.net.URI follows RFC 2396 here and would drop the last path segment; RFC 3986 keeps the path
            return URI.create(directory + reference);
        }
        return directory.resolve(reference);
    }
}
