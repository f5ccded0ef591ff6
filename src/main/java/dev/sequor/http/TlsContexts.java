package dev.sequor.http;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS socket factory of each {@link TlsSettings}, made when a connection first needs it: the JVM's default context
 * (its certificate authorities, read from the cacerts file, which takes a fresh JVM tens of milliseconds) for the
 * default settings, a context of its own for {@code tls.ca_file} or {@code tls.insecure}. A run that only speaks
 * plain http never makes one (the transport's warm-up leaves it alone when no request may go to https).
 */
final class TlsContexts {

    private final Map<TlsSettings, SSLSocketFactory> factories = new ConcurrentHashMap<>();

    SSLSocketFactory factory(TlsSettings tls) {
        // a bad ca_file fails here, with its own message, and leaves nothing behind
        return factories.computeIfAbsent(tls, t -> context(t).getSocketFactory());
    }

    /** Makes the default context now (on a thread that has time), so the first https connection finds it ready. */
    void warmDefault() {
        factory(TlsSettings.DEFAULT);
    }

    /** Whether the default context has been made (by {@link #warmDefault} or a connection). */
    boolean madeDefault() {
        return factories.containsKey(TlsSettings.DEFAULT);
    }

    private static SSLContext context(TlsSettings tls) {
        try {
            if (tls.insecure()) {
                return initialised(new TrustManager[] {TrustEveryServer.INSTANCE});
            }
            TrustManagerFactory trust = tls.trust();
            return trust == null ? SSLContext.getDefault() : initialised(trust.getTrustManagers());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static SSLContext initialised(TrustManager[] trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
