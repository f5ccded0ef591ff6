package dev.sequor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bytes of a request's line and headers, and the endpoint a URL names. */
class RequestHeadTest {

    private static String head(String url, ProxyAddress proxy, String... headerPairs) throws Exception {
        List<Map.Entry<String, String>> headers = new java.util.ArrayList<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(Map.entry(headerPairs[i], headerPairs[i + 1]));
        }
        URI uri = new URI(url);
        HttpRequestData request = new HttpRequestData("GET", uri, headers, null, Duration.ofSeconds(1));
        return new String(RequestHead.of(request, Endpoint.of(uri, proxy, TlsSettings.DEFAULT), null),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    void lettersBeyondAsciiInThePathAndQueryGoPercentEncodedInUtf8() throws Exception {
        assertThat(head("http://api.example.com/caf\u00e9?q=\u00e9t\u00e9&n=1", null))
                .isEqualTo("GET /caf%C3%A9?q=%C3%A9t%C3%A9&n=1 HTTP/1.1\r\nHost: api.example.com\r\n\r\n");
    }

    @Test
    void theHostHeaderLeavesOutTheSchemesOwnPortAndAFlowsHostWins() throws Exception {
        assertThat(head("https://API.example.com:443/a", null)).contains("\r\nHost: api.example.com\r\n");
        assertThat(head("http://api.example.com:8080/a", null)).contains("\r\nHost: api.example.com:8080\r\n");
        assertThat(head("http://10.0.0.5/a", null, "Host", "api.internal"))
                .isEqualTo("GET /a HTTP/1.1\r\nHost: api.internal\r\n\r\n");
    }

    @Test
    void aPlainHttpProxyIsAskedForTheAbsoluteUrl() throws Exception {
        assertThat(head("http://api.example.com:8080/items?page=2", new ProxyAddress("proxy", 3128, null, null)))
                .startsWith("GET http://api.example.com:8080/items?page=2 HTTP/1.1\r\n");
    }

    @Test
    void aHostNameWithNonAsciiLettersGoesInItsIdnaForm() throws Exception {
        Endpoint e = Endpoint.of(new URI("http://b\u00fccher.example:8080/x"), null, TlsSettings.DEFAULT);
        assertThat(e.host()).isEqualTo("xn--bcher-kva.example");
        assertThat(e.port()).isEqualTo(8080);
        assertThat(e.hostHeader()).isEqualTo("xn--bcher-kva.example:8080");
    }

    @Test
    void aUrlThatIsNotHttpOrNamesNoHostFails() {
        assertThatThrownBy(() -> Endpoint.of(new URI("ftp://files.example.com/a"), null, TlsSettings.DEFAULT))
                .hasMessage("the URL ftp://files.example.com/a is not http or https");
        assertThatThrownBy(() -> Endpoint.of(new URI("http:///items"), null, TlsSettings.DEFAULT))
                .hasMessage("the URL http:///items names no host");
    }
}
