package dev.sequor.http;

import java.io.IOException;
import java.net.IDN;
import java.net.URI;
import java.util.Locale;

/**
 * Where a request's connection goes and how: the origin (scheme, host in its ASCII form, port), the proxy in between
 * (null: none) and the TLS settings that decide which certificates are trusted. Connections are kept and reused per
 * endpoint.
 */
record Endpoint(boolean https, String host, int port, ProxyAddress proxy, TlsSettings tls) {

    /**
     * The endpoint of a URL. A host name with non-ASCII letters (which {@link URI} leaves without a host) goes in its
     * IDNA form, as requests sends it; a URL that is not http or https, or names no host, fails.
     */
    static Endpoint of(URI uri, ProxyAddress proxy, TlsSettings tls) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("the URL " + uri + " is not http or https");
        }
        boolean https = scheme.equals("https");
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null) {
            String authority = uri.getAuthority();
            if (authority == null || authority.isEmpty()) {
                throw new IOException("the URL " + uri + " names no host");
            }
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                try {
                    port = Integer.parseInt(authority.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IOException("the URL " + uri + " has a port that is not a number");
                }
                authority = authority.substring(0, colon);
            }
            try {
                host = IDN.toASCII(authority, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw new IOException("the URL " + uri + " has a host name that is not valid: " + e.getMessage());
            }
        }
        return new Endpoint(https, host.toLowerCase(Locale.ROOT), port != -1 ? port : https ? 443 : 80, proxy, tls);
    }

    /** The origin's {@code host:port}, as a CONNECT asks for it and as errors name it. */
    String authority() {
        return host + ":" + port;
    }

    /** The Host header's value: the port only when it is not the scheme's own. */
    String hostHeader() {
        return port == (https ? 443 : 80) ? host : authority();
    }

    /** The host name without the brackets of an IPv6 literal, for name resolution and TLS. */
    String bareHost() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
