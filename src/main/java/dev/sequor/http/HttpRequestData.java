package dev.sequor.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request, fully resolved: method (upper case), absolute URI with its query string already
 * encoded, headers in order (names may repeat), body bytes (null for none) and the timeout for the whole
 * exchange.
 */
public record HttpRequestData(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body,
                              Duration timeout) {

    /** This request with {@code timeout} when it has none of its own. */
    public HttpRequestData withDefaultTimeout(Duration fallback) {
        return timeout != null || fallback == null ? this : new HttpRequestData(method, uri, headers, body, fallback);
    }

    /** This request with one more header (existing headers of that name stay). */
    public HttpRequestData withHeader(String name, String value) {
        List<Map.Entry<String, String>> h = new ArrayList<>(headers);
        h.add(Map.entry(name, value));
        return new HttpRequestData(method, uri, List.copyOf(h), body, timeout);
    }

    /** This request sent to another URI. */
    public HttpRequestData withUri(URI other) {
        return new HttpRequestData(method, other, headers, body, timeout);
    }

    /** The first value of a header (case-insensitive), or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
