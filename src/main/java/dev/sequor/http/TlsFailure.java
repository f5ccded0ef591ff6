package dev.sequor.http;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A TLS failure worded so a person can act on it. The client reports every failed handshake as "Failed to create SSL
 * connection"; the reason (an unknown certificate authority, a host name the certificate does not name) is in its
 * causes, and an unknown authority usually means a private CA, which {@code tls.ca_file} is for.
 */
final class TlsFailure {

    private TlsFailure() {
    }

    /** {@code failure} with the innermost reason appended, still an SSLException (an IOException, as before). */
    static SSLException explained(SSLException failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = failure.getMessage() == null ? "TLS handshake failed" : failure.getMessage();
        if (innermost != failure && innermost.getMessage() != null && !message.contains(innermost.getMessage())) {
            message += ": " + innermost.getMessage();
        }
        if (innermost.getClass().getName().endsWith("SunCertPathBuilderException")
                || message.contains("unable to find valid certification path")) {
            message += " (the server's certificate is not signed by an authority this system trusts; for a private"
                    + " one, set tls.ca_file in the http source)";
        }
        SSLException explained = failure instanceof SSLHandshakeException ? new SSLHandshakeException(message)
                : new SSLException(message);
        explained.initCause(failure);
        return explained;
    }
}
