package dev.sequor.http;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A TLS failure worded so a person can act on it. A failed handshake reads "Failed to create SSL connection: " and its
 * innermost reason (an unknown certificate authority, a host name the certificate does not name), without the JDK's
 * alert names and exception classes; an unknown authority usually means a private CA, which {@code tls.ca_file} is
 * for.
 */
final class TlsFailure {

    private TlsFailure() {
    }

    /**
     * {@code failure} in plain words, still an SSLException (an IOException, as before), with {@code failure} as its
     * cause (so {@link #certificateRefused} still sees what it was).
     */
    static SSLException explained(SSLException failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        if (!(failure instanceof SSLHandshakeException)) {
            // a connection that was set up and failed later: its own message, and the innermost reason when it adds one
            String message = failure.getMessage() == null ? "TLS connection failed" : failure.getMessage();
            if (innermost != failure && innermost.getMessage() != null && !message.contains(innermost.getMessage())) {
                message += ": " + innermost.getMessage();
            }
            SSLException explained = new SSLException(message);
            explained.initCause(failure);
            return explained;
        }
        String reason = innermost.getMessage() != null ? innermost.getMessage()
                : failure.getMessage() != null ? failure.getMessage() : "TLS handshake failed";
        // the JDK's "(certificate_unknown) ..." alert name, and "sun.security...Exception: " of causes it quotes
        reason = reason.replaceFirst("^\\([a-z_]+\\) ", "").replaceAll("(?:[a-z][a-z0-9]*\\.)+[A-Z]\\w*Exception: ", "");
        if (has(failure, CertificateExpiredException.class)) {
            reason = "the server's certificate has expired (" + reason + ")";
        } else if (has(failure, CertificateNotYetValidException.class)) {
            reason = "the server's certificate is not valid yet (" + reason + ")";
        } else if (innermost.getClass().getName().endsWith("SunCertPathBuilderException")
                || reason.contains("unable to find valid certification path")) {
            reason += " (the server's certificate is not signed by an authority this system trusts; for a private"
                    + " one, set tls.ca_file in the http source)";
        }
        SSLException explained = new SSLHandshakeException("Failed to create SSL connection: " + reason);
        explained.initCause(failure);
        return explained;
    }

    /**
     * Whether {@code failure} is a server certificate the client refused (no trusted authority, another host name,
     * expired): trying again a moment later gets the same certificate, so it is not a failure to retry.
     */
    static boolean certificateRefused(Throwable failure) {
        return has(failure, SSLHandshakeException.class) && has(failure, GeneralSecurityException.class);
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
