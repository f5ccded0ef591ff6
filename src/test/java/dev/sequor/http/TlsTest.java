package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static dev.sequor.http.HttpTesting.POS;
import static dev.sequor.http.HttpTesting.liveClient;
import static dev.sequor.http.HttpTesting.map;
import static dev.sequor.http.HttpTesting.secretSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.sequor.error.SequorException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * tls.ca_file and tls.insecure against a WireMock https server whose self-signed certificate (made with the JDK's
 * keytool, for the host name "localhost" only) no system authority vouches for; and https through a proxy.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsTest {

    private static final String PASSWORD = "changeit-tls";

    @TempDir
    static Path dir;

    static Path caFile;
    static WireMockServer server;

    @BeforeAll
    static void selfSignedServer() throws Exception {
        Path keystore = dir.resolve("server.p12");
        caFile = dir.resolve("certs/server.pem");
        Files.createDirectories(caFile.getParent());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", caFile.toString());
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort()
                .keystorePath(keystore.toString()).keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12"));
        server.start();
        server.stubFor(get(anyUrl()).willReturn(ok("secure")));
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String url(String host) {
        return "https://" + host + ":" + server.httpsPort() + "/items";
    }

    /** A source with tls as given, no retries (a handshake that fails for another reason than the certificate is retried). */
    private static HttpSourceConfig withTls(Object tls) {
        return HttpSourceConfig.from("api", map("tls", tls, "retry", map("max_attempts", 1)), POS, dir);
    }

    @Test
    void theSystemAuthoritiesAloneRefuseASelfSignedServer() {
        HttpSourceConfig src = HttpSourceConfig.from("api", map("retry", map("max_attempts", 1)), POS, dir);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(url("localhost")), src))
                    .isInstanceOf(SequorException.class)
                    .hasMessageStartingWith("HTTP request GET " + url("localhost") + " failed: ")
                    .hasMessageEndingWith(": unable to find valid certification path to requested target (the server's"
                            + " certificate is not signed by an authority this system trusts; for a private one, set"
                            + " tls.ca_file in the http source)");
        }
    }

    /**
     * A certificate nobody trusts will not be trusted a second later: not retried; and the message is the promised
     * one (docs/http-sources.md), without the JDK's exception classes and alert names.
     */
    @Test
    void anUntrustedCertificateFailsAtOnceInPlainWords() {
        HttpSourceConfig src = HttpSourceConfig.from("api", map(), POS, dir);
        List<String> retries = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (HttpClientService http = new HttpClientService(HttpTransports.live(), secretSet(), retries::add)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(url("localhost")), src))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("HTTP request GET " + url("localhost") + " failed: Failed to create SSL connection:"
                            + " unable to find valid certification path to requested target (the server's certificate"
                            + " is not signed by an authority this system trusts; for a private one, set tls.ca_file"
                            + " in the http source)");
            assertThat(http.lastExchange().attempts()).isEqualTo(1);
        }
        assertThat(retries).isEmpty();
    }

    @Test
    void caFileTrustsTheServerAndKeepsCheckingItsHostName() {
        HttpSourceConfig src = withTls(map("ca_file", "certs/server.pem"));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(url("localhost")), src).text()).isEqualTo("secure");
            // the certificate names localhost only
            assertThatThrownBy(() -> http.execute(HttpTesting.get(url("127.0.0.1")), src))
                    .isInstanceOf(SequorException.class)
                    .hasMessageStartingWith("HTTP request GET " + url("127.0.0.1") + " failed: ")
                    .hasMessage("HTTP request GET " + url("127.0.0.1") + " failed: Failed to create SSL connection:"
                            + " No subject alternative names matching IP address 127.0.0.1 found");
        }
    }

    @Test
    void caFileAddsToTheSystemAuthorities() throws Exception {
        TlsSettings tls = withTls(map("ca_file", "certs/server.pem")).connection().tls();
        X509TrustManager trust = (X509TrustManager) tls.trust().getTrustManagers()[0];
        List<String> subjects = Arrays.stream(trust.getAcceptedIssuers())
                .map(c -> c.getSubjectX500Principal().getName()).toList();
        assertThat(subjects).contains("CN=localhost");
        X509Certificate[] system = systemTrust().getAcceptedIssuers();
        assertThat(system).isNotEmpty();
        assertThat(subjects).hasSize(system.length + 1);
    }

    private static X509TrustManager systemTrust() throws Exception {
        javax.net.ssl.TrustManagerFactory f = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        f.init((java.security.KeyStore) null);
        return (X509TrustManager) f.getTrustManagers()[0];
    }

    @Test
    void insecureTrustsAnyCertificateAndHostName() {
        HttpSourceConfig src = withTls(map("insecure", true));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(url("127.0.0.1")), src).text()).isEqualTo("secure");
        }
    }

    @Test
    void aCaFileThatIsMissingOrHoldsNoCertificateIsAClearError() throws Exception {
        Files.writeString(dir.resolve("empty.pem"), "");
        Files.writeString(dir.resolve("junk.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
        HttpSourceConfig missing = withTls(map("ca_file", "none.pem"));
        try (HttpClientService http = liveClient(secretSet(), missing)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(url("localhost")), missing))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("tls.ca_file " + dir.resolve("none.pem") + " cannot be read: no such file.");
        }
        assertThatThrownBy(() -> withTls(map("ca_file", "empty.pem")).connection().tls().caCertificates())
                .hasMessage("tls.ca_file " + dir.resolve("empty.pem") + " holds no certificate; expected one or more"
                        + " -----BEGIN CERTIFICATE----- blocks.");
        assertThatThrownBy(() -> withTls(map("ca_file", "junk.pem")).connection().tls().caCertificates())
                .hasMessageStartingWith("tls.ca_file " + dir.resolve("junk.pem") + " is not a PEM file of certificates: ");
    }

    @Test
    void httpsGoesThroughTheSourcesProxyInATunnelWithItsCredentials() throws Exception {
        try (TunnelProxy proxy = new TunnelProxy()) {
            HttpSourceConfig src = HttpSourceConfig.from("api", map("tls", map("ca_file", "certs/server.pem"),
                    "proxy", "http://etl:pr0xy-PW@127.0.0.1:" + proxy.port()), POS, dir);
            try (HttpClientService http = liveClient(secretSet(), src)) {
                assertThat(http.execute(HttpTesting.get(url("localhost")), src).text()).isEqualTo("secure");
            }
            String basic = Base64.getEncoder().encodeToString("etl:pr0xy-PW".getBytes(StandardCharsets.UTF_8));
            assertThat(proxy.connects()).containsExactly("CONNECT localhost:" + server.httpsPort() + " HTTP/1.1 auth=Basic "
                    + basic);
        }
    }

    /** HTTPS_PROXY from the environment (as requests reads it), with its credentials, also opens a tunnel. */
    @Test
    void httpsGoesThroughTheEnvironmentsHttpsProxyInATunnel() throws Exception {
        try (TunnelProxy proxy = new TunnelProxy()) {
            HttpSourceConfig src = HttpSourceConfig.from("api", map("tls", map("ca_file", "certs/server.pem")), POS, dir);
            ProxyEnvironment env = new ProxyEnvironment(java.util.Map.of(
                    "HTTPS_PROXY", "http://env:pr0xy-PW@127.0.0.1:" + proxy.port(), "NO_PROXY", "example.org"));
            try (HttpClientService http = new HttpClientService(new LiveTransport(env), secretSet())) {
                assertThat(http.execute(HttpTesting.get(url("localhost")), src).text()).isEqualTo("secure");
            }
            String basic = Base64.getEncoder().encodeToString("env:pr0xy-PW".getBytes(StandardCharsets.UTF_8));
            assertThat(proxy.connects()).containsExactly("CONNECT localhost:" + server.httpsPort() + " HTTP/1.1 auth=Basic "
                    + basic);
        }
    }
}
