package dev.sequor.http;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.flow.spec.SourceSpecs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which server certificates an http source trusts. By default those of the system's certificate authorities (the
 * JDK's trust store). {@code ca_file} (PEM, one or more certificates, relative to the project folder) adds
 * authorities to those, for APIs behind a private CA or a TLS-inspecting proxy, while public APIs (an OAuth2
 * token endpoint, say) stay reachable. {@code insecure: true} trusts every certificate and host name: for tests
 * against self-signed servers only; each run that uses such a source says so on stderr.
 */
public record TlsSettings(Path caFile, boolean insecure) {

    public static final TlsSettings DEFAULT = new TlsSettings(null, false);

    private static final Set<String> KEYS = SourceSpecs.keyNames(SourceSpecs.TLS);

    /** Reads {@code tls}; a relative ca_file is taken from {@code projectDir} (or the working folder when null). */
    static TlsSettings from(Object value, String where, SourcePos pos, Path projectDir) {
        if (value == null) {
            return DEFAULT;
        }
        Map<?, ?> m = SourceValues.mapping(value, where, "tls", KEYS, pos);
        String ca = SourceValues.text(m.get("ca_file"), where + "tls.ca_file", pos);
        Path caFile = null;
        if (ca != null && !ca.isEmpty()) {
            caFile = projectDir == null ? Path.of(ca) : projectDir.resolve(ca);
        }
        return new TlsSettings(caFile, SourceValues.flag(m.get("insecure"), where + "tls.insecure", pos));
    }

    /** What each run that uses a source with {@code tls.insecure: true} says, and {@code sequor validate} too. */
    public static String insecureWarning(String sourceName) {
        return "Source \"" + sourceName + "\" has tls.insecure: true; the certificates of its hosts are not checked, so"
                + " anyone on the network path can read and change its traffic.";
    }

    /**
     * The system's authorities plus those of ca_file, or null when the system's alone are trusted (no ca_file,
     * or insecure, which trusts everything anyway). An error names the file and what is wrong with it.
     */
    TrustManagerFactory trust() {
        if (caFile == null || insecure) {
            return null;
        }
        Collection<? extends Certificate> added = caCertificates();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate system : systemTrust().getAcceptedIssuers()) {
                store.setCertificateEntry("system-" + i++, system);
            }
            i = 0;
            for (Certificate c : added) {
                store.setCertificateEntry("ca-file-" + i++, c);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an in-memory trust store cannot fail to build: " + e, e);
        }
    }

    /** The certificates of ca_file; an error if it cannot be read or holds none. */
    public Collection<? extends Certificate> caCertificates() {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(caFile)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw SequorException.invalid(null, "tls.ca_file " + caFile + " cannot be read: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + ".");
        } catch (java.security.cert.CertificateException e) {
            throw SequorException.invalid(null, "tls.ca_file " + caFile + " is not a PEM file of certificates: "
                    + e.getMessage() + ".");
        }
        if (certs.isEmpty()) {
            throw SequorException.invalid(null, "tls.ca_file " + caFile + " holds no certificate; expected one or more"
                    + " -----BEGIN CERTIFICATE----- blocks.");
        }
        return certs;
    }

    private static X509TrustManager systemTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK's default trust manager is not an X509TrustManager");
    }
}
