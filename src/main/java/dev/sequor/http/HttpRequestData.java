package dev.sequor.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request, fully resolved: method (upper case), absolute URI with its query string already
 * encoded, headers in order (names may repeat), body bytes (null for none) and the timeout for the whole
 * exchange.
 */
public record HttpRequestData(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body,
                              Duration timeout) {

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
