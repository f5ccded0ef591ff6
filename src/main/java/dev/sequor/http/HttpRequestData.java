package dev.sequor.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request, fully resolved: method (upper case), URI with its query string already encoded (absolute by
 * the time it reaches a transport; relative to the source's base_url when an op writes it so), headers in order
 * (names may repeat), body bytes (null for none), the timeout for the whole exchange, and how hosts are reached
 * (proxy and TLS).
 */
public record HttpRequestData(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body,
                              Duration timeout, ConnectionSettings connection) {

    /** A request that reaches hosts the default way (proxies from the environment, the system's trusted CAs). */
    public HttpRequestData(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body, Duration timeout) {
        this(method, uri, headers, body, timeout, ConnectionSettings.DEFAULT);
    }

    /** This request with {@code timeout} when it has none of its own. */
    public HttpRequestData withDefaultTimeout(Duration fallback) {
        return timeout != null || fallback == null ? this
                : new HttpRequestData(method, uri, headers, body, fallback, connection);
    }

    /** This request with one more header (existing headers of that name stay). */
    public HttpRequestData withHeader(String name, String value) {
        List<Map.Entry<String, String>> h = new ArrayList<>(headers);
        h.add(Map.entry(name, value));
        return withHeaders(List.copyOf(h));
    }

    /** This request with {@code other} as its headers. */
    public HttpRequestData withHeaders(List<Map.Entry<String, String>> other) {
        return new HttpRequestData(method, uri, other, body, timeout, connection);
    }

    /** This request sent to another URI. */
    public HttpRequestData withUri(URI other) {
        return new HttpRequestData(method, other, headers, body, timeout, connection);
    }

    /** This request reaching its host as {@code settings} say. */
    public HttpRequestData withConnection(ConnectionSettings settings) {
        return new HttpRequestData(method, uri, headers, body, timeout, settings);
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
