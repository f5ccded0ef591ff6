package dev.sequor.http;

import java.net.URI;
import java.util.Locale;

/**
 * Where a request's connection goes and how: the origin (scheme, host, port), the proxy in between (null: none) and
 * the TLS settings that decide which certificates are trusted. Connections are kept and reused per endpoint.
 */
record Endpoint(boolean https, String host, int port, ProxyAddress proxy, TlsSettings tls) {

    static Endpoint of(URI uri, ProxyAddress proxy, TlsSettings tls) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        return new Endpoint(https, uri.getHost().toLowerCase(Locale.ROOT), port, proxy, tls);
    }

    /** The origin's {@code host:port}, as a CONNECT asks for it and as errors name it. */
    String authority() {
        return host + ":" + port;
    }

    /** Whether the request travels inside a CONNECT tunnel through the proxy (https through a proxy). */
    boolean tunneled() {
        return proxy != null && https;
    }

    /** The host name without the brackets of an IPv6 literal, for name resolution and TLS. */
    String bareHost() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
