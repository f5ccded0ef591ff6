package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sequor.http.HttpTesting.liveClient;
import static dev.sequor.http.HttpTesting.map;
import static dev.sequor.http.HttpTesting.secretSet;
import static dev.sequor.http.HttpTesting.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sequor.testing.ScriptedApi;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the live transport sends, and the sentences its failures become. */
class LiveTransportTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(WireMockConfiguration.options().dynamicPort())
            .build();

    private static final HttpSourceConfig ONE_ATTEMPT = source("type", "http", "retry", map("max_attempts", 1));

    @Test
    void theWarmUpMakesTheDefaultTlsContextOnlyWhenARequestMayGoToHttpsAndNoProxyIsNamed() throws Exception {
        try (LiveTransport plain = new LiveTransport(new ProxyEnvironment(java.util.Map.of()));
             LiveTransport secure = new LiveTransport(new ProxyEnvironment(java.util.Map.of()));
             LiveTransport proxied = new LiveTransport(new ProxyEnvironment(java.util.Map.of("HTTPS_PROXY",
                     "http://127.0.0.1:3128")))) {
            for (LiveTransport t : java.util.List.of(plain, secure, proxied)) {
                t.prepare();
            }
            plain.expectTls(false);
            secure.expectTls(true);
            proxied.expectTls(true);
            assertThat(plain.warmedDefaultTls()).isFalse();
            assertThat(secure.warmedDefaultTls()).isTrue();
            assertThat(proxied.warmedDefaultTls()).isFalse();
        }
    }

    @Test
    void hostAndConnectionGoOutAsTheFlowSetsThemButNotItsContentLength() {
        api.stubFor(get(urlPathEqualTo("/vhost")).willReturn(ok("hi")));
        try (HttpClientService http = liveClient(secretSet())) {
            HttpResponseData r = http.execute(HttpTesting.get(api.baseUrl() + "/vhost", "Host", "api.example.com",
                    "Connection", "close", "Content-Length", "99"), HttpSourceConfig.none());
            assertThat(r.text()).isEqualTo("hi");
        }
        api.verify(1, getRequestedFor(urlPathEqualTo("/vhost")).withHeader("Host", equalTo("api.example.com"))
                .withHeader("Connection", equalTo("close")).withoutHeader("Content-Length"));
    }

    @Test
    void requestsAskForGzipAndTheOpSeesTheDecodedBody() throws Exception {
        byte[] json = "{\"data\": [{\"id\": 1}]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        api.stubFor(get(urlPathEqualTo("/zipped")).willReturn(ok().withHeader("Content-Encoding", "gzip")
                .withHeader("Content-Type", "application/json").withBody(ContentDecodingTest.gzip(json))));
        try (HttpClientService http = liveClient(secretSet())) {
            HttpResponseData r = http.execute(HttpTesting.get(api.baseUrl() + "/zipped"), HttpSourceConfig.none());
            assertThat(r.body()).isEqualTo(json);
            assertThat(r.headers().get("Content-Encoding")).containsExactly("gzip");
        }
        api.verify(1, getRequestedFor(urlPathEqualTo("/zipped")).withHeader("Accept-Encoding", equalTo("gzip, deflate"))
                .withHeader("Accept", equalTo("*/*")));
    }

    @Test
    void aFlowsOwnAcceptHeadersWin() {
        api.stubFor(get(urlPathEqualTo("/plain")).willReturn(ok("plain")));
        try (HttpClientService http = liveClient(secretSet())) {
            http.execute(HttpTesting.get(api.baseUrl() + "/plain", "Accept", "application/json", "Accept-Encoding",
                    "identity"), HttpSourceConfig.none());
        }
        api.verify(1, getRequestedFor(urlPathEqualTo("/plain")).withHeader("Accept-Encoding", equalTo("identity"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void aPostWhoseConnectionClosesWithoutAnAnswerSaysSoAndIsSentOnce() throws Exception {
        try (ScriptedApi server = ScriptedApi.start((n, r) -> new ScriptedApi.Reply.Empty());
             HttpClientService http = liveClient(secretSet())) {
            String url = server.baseUrl() + "/sync";
            assertThatThrownBy(() -> http.execute(HttpTesting.post(url, "{}"), HttpSourceConfig.none()))
                    .hasMessage("HTTP request POST " + url
                            + " failed: the server closed the connection without answering");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aResetConnectionSaysConnectionReset() throws Exception {
        try (ScriptedApi server = ScriptedApi.start((n, r) -> new ScriptedApi.Reply.Reset());
             HttpClientService http = liveClient(secretSet())) {
            String url = server.baseUrl() + "/sync";
            assertThatThrownBy(() -> http.execute(HttpTesting.post(url, "{}"), HttpSourceConfig.none()))
                    .hasMessage("HTTP request POST " + url + " failed: Connection reset");
        }
    }

    @Test
    void aHostThatDoesNotResolveIsNamedAndCountsAsNeverReachingTheServer() {
        String url = "http://nowhere.invalid/items";
        try (HttpClientService http = liveClient(secretSet(), ONE_ATTEMPT)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(url), ONE_ATTEMPT))
                    .hasMessage("HTTP request GET " + url + " failed: unknown host nowhere.invalid")
                    .hasCauseInstanceOf(ConnectException.class);
        }
    }
}
