package dev.sequor.http;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust of {@code tls.insecure: true}: every server certificate is accepted, whoever signed it and whatever host
 * it names. An extended trust manager on purpose: TLS then leaves the host-name check to it too (a plain
 * X509TrustManager would be wrapped in one that still checks the name), so a certificate for another host passes
 * as well, as Python requests' {@code verify=False} lets it. Every run that uses it warns.
 */
final class TrustEveryServer extends X509ExtendedTrustManager {

    static final TrustEveryServer INSTANCE = new TrustEveryServer();

    private TrustEveryServer() {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
