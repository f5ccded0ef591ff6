package dev.sequor.http;

/**
 * How the requests of an http source reach their hosts: through {@code proxy} (null: the proxy the standard
 * environment variables name for each URL, if any) and with {@code tls} deciding which server certificates are
 * trusted. Requests with equal settings share one client for the whole run.
 */
public record ConnectionSettings(ProxyAddress proxy, TlsSettings tls) {

    public static final ConnectionSettings DEFAULT = new ConnectionSettings(null, TlsSettings.DEFAULT);
}
