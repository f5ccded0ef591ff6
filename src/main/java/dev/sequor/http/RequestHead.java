package dev.sequor.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The bytes of a request's line and headers, as requests sends them: the flow's headers in its order and spelling,
 * Host first unless the flow sets its own, Content-Length for the body (or 0 for a body-less method other than GET
 * and HEAD), a Content-Type for a body that has none, and the proxy's credentials where the request goes to a proxy
 * in the clear.
 */
final class RequestHead {

    private RequestHead() {
    }

    static byte[] of(HttpRequestData request, Endpoint endpoint, String proxyAuthorization) throws IOException {
        URI uri = request.uri();
        StringBuilder h = new StringBuilder(256).append(request.method()).append(' ');
        boolean viaPlainProxy = endpoint.proxy() != null && !endpoint.https();
        if (viaPlainProxy) {
            h.append("http://").append(endpoint.hostHeader());  // a proxy is asked for the absolute URL
        }
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        if (!ascii(path) || !ascii(query)) {
            // URI keeps letters beyond ASCII as they were written; on the wire they go percent-encoded in UTF-8
            URI encoded = URI.create(uri.toASCIIString());
            path = encoded.getRawPath();
            query = encoded.getRawQuery();
        }
        h.append(path == null || path.isEmpty() ? "/" : path);
        if (query != null) {
            h.append('?').append(query);
        }
        h.append(" HTTP/1.1\r\n");
        if (request.header("Host") == null) {
            h.append("Host: ").append(endpoint.hostHeader()).append("\r\n");
        }
        boolean contentType = false;
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Content-Length")) {
                continue;  // the body's own length goes out
            }
            if (name.equalsIgnoreCase("Proxy-Authorization")) {
                continue;  // only ever to the proxy, below or on the tunnel's CONNECT
            }
            contentType |= name.equalsIgnoreCase("Content-Type");
            append(h, name, header.getValue());
        }
        byte[] body = request.body();
        if (body != null && !contentType) {
            h.append("Content-Type: application/octet-stream\r\n");
        }
        if (viaPlainProxy && proxyAuthorization != null) {
            append(h, "Proxy-Authorization", proxyAuthorization);
        }
        if (body != null) {
            h.append("Content-Length: ").append(body.length).append("\r\n");
        } else if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            h.append("Content-Length: 0\r\n");
        }
        return h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean ascii(String text) {
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) > 127) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One header line; an error for a name that is not a token or a value HTTP/1.1 cannot carry. */
    private static void append(StringBuilder h, String name, String value) throws IOException {
        if (name.isEmpty()) {
            throw new IOException("a header has an empty name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                throw new IOException("header name '" + name + "' has a character HTTP header names cannot hold");
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IOException("the value of header '" + name + "' has a line break, which HTTP headers"
                        + " cannot hold");
            }
            if (c > 255) {
                throw new IOException("the value of header '" + name + "' has a character outside Latin-1 ('"
                        + c + "'), which HTTP headers cannot hold; encode it");
            }
        }
        h.append(name).append(": ").append(value).append("\r\n");
    }
}
