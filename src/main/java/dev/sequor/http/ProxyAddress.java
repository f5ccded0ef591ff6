package dev.sequor.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP proxy, read from a URL such as {@code http://proxy.corp:3128} or {@code http://user:pw@proxy.corp:3128}
 * (as Python requests, {@code proxy.corp:3128} without a scheme means http, and a missing port is 80). Plain
 * http requests go to it with their absolute URL; https requests are tunnelled through it with {@code CONNECT}.
 * Only {@code http://} proxies are supported.
 */
public record ProxyAddress(String host, int port, String username, String password) {

    /** Parses a proxy URL; an IllegalArgumentException says in a few words why it is not one. */
    static ProxyAddress parse(String url) {
        String text = url.strip();
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getReason(), e);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException("only http:// proxies are supported, not " + scheme + "://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("it names no host");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("a proxy URL has only a host, a port and optional credentials");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        return new ProxyAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** {@code host:port}, never the credentials. */
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
