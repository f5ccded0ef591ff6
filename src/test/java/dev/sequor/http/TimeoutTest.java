package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import dev.sequor.error.SequorException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/** timeout_seconds bounds the whole exchange; a slow server fails the request with "no response within". */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TimeoutTest {

    @RegisterExtension
    static final WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @BeforeEach
    void reset() {
        wiremock.resetAll();
        wiremock.stubFor(get(urlPathEqualTo("/slow")).willReturn(ok("late").withFixedDelay(1500)));
        wiremock.stubFor(get(urlPathEqualTo("/fast")).willReturn(ok("quick")));
    }

    @Test
    void aSlowServerFailsTheRequestAfterTimeoutSeconds() {
        HttpSourceConfig src = source("timeout_seconds", "0.2", "retry", map("max_attempts", 1));
        String url = wiremock.baseUrl() + "/slow";
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(url), src))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("HTTP request GET " + url + " failed: no response within 0.2 s")
                    .hasCauseInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void aBodyThatTricklesInPastTheTimeoutFailsTheRequest() throws Exception {
        // headers at once, then one byte every 200 ms for 4 s: the timeout bounds the body too, not just the headers
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 20);
            try (java.io.OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 20; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (java.io.IOException | InterruptedException gone) {
                // the client hung up
            }
        });
        server.start();
        HttpSourceConfig src = source("timeout_seconds", "0.5", "retry", map("max_attempts", 1));
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/trickle";
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(url), src))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("HTTP request GET " + url + " failed: no response within 0.5 s")
                    .hasCauseInstanceOf(HttpTimeoutException.class);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aTimeoutIsRetriedLikeAConnectionFailure() {
        HttpSourceConfig src = source("timeout_seconds", 0.2,
                "retry", map("max_attempts", 2, "initial_backoff_seconds", 0.01, "max_backoff_seconds", 0.02));
        String url = wiremock.baseUrl() + "/slow";
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(url), src))
                    .hasMessage("HTTP request GET " + url + " failed after 2 attempts: no response within 0.2 s");
        }
        assertThat(wiremock.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void theRequestsOwnTimeoutWinsOverTheSources() {
        HttpSourceConfig src = source("timeout_seconds", 30, "retry", map("max_attempts", 1));
        HttpRequestData request = new HttpRequestData("GET", URI.create(wiremock.baseUrl() + "/slow"), List.of(), null,
                Duration.ofMillis(300));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThatThrownBy(() -> http.execute(request, src)).hasMessageEndingWith("failed: no response within 0.3 s");
        }
    }

    @Test
    void aFastAnswerWithinTheTimeoutSucceeds() {
        HttpSourceConfig src = source("timeout_seconds", 1, "retry", map("max_attempts", 1));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/fast"), src).text()).isEqualTo("quick");
        }
    }
}
