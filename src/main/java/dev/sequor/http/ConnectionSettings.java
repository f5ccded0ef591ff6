package dev.sequor.http;

/**
 * How the requests of an http source reach their hosts: through {@code proxy} (null: the proxy the standard
 * environment variables name for each URL, if any) and with {@code tls} deciding which server certificates are
 * trusted. Requests with equal proxy and TLS settings share one client for the whole run. {@code maxResponseBytes}
 * is the largest response body a request may read (the source's {@code max_response_bytes}); the transport stops
 * reading past it.
 */
public record ConnectionSettings(ProxyAddress proxy, TlsSettings tls, long maxResponseBytes) {

    /** 256 MB: far above any page an API sends, far below what fills the heap. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 256L * 1024 * 1024;

    public static final ConnectionSettings DEFAULT = new ConnectionSettings(null, TlsSettings.DEFAULT);

    /** Settings with the default response size limit. */
    public ConnectionSettings(ProxyAddress proxy, TlsSettings tls) {
        this(proxy, tls, DEFAULT_MAX_RESPONSE_BYTES);
    }
}
