package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static dev.sequor.http.HttpTesting.map;
import static dev.sequor.http.HttpTesting.secretSet;
import static dev.sequor.http.HttpTesting.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sequor.error.SequorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The retry rules for non-idempotent methods hold when many threads send through one rate-limited source: a POST that
 * failed after it may have reached the server is never sent again, one the server asked to repeat is.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrentRetryTest {

    @RegisterExtension
    static final WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().containerThreads(40)).build();

    private static final int ROWS = 16;

    @BeforeEach
    void reset() {
        wiremock.resetAll();
    }

    /** Fast retries of everything that may be retried, within a limit that keeps 4 requests in flight. */
    private static HttpSourceConfig limited(Object... more) {
        List<Object> kv = new ArrayList<>(List.of("rate_limit", map("max_concurrency", 4, "requests_per_second", 200),
                "retry", map("max_attempts", 4, "initial_backoff_seconds", "0.01", "max_backoff_seconds", "0.05")));
        kv.addAll(List.of(more));
        return source(kv.toArray());
    }

    /** POSTs one body per row from 8 threads; returns the outcome per row (a status, or the error message). */
    private List<String> postRows(HttpSourceConfig src) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (HttpClientService http = HttpTesting.liveClient(secretSet(), src)) {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int row = 0; row < ROWS; row++) {
                String body = "{\"row\":" + row + "}";
                outcomes.add(pool.submit(() -> {
                    try {
                        return String.valueOf(http.execute(HttpTesting.post(wiremock.baseUrl() + "/members", body,
                                "Content-Type", "application/json"), src).statusCode());
                    } catch (SequorException e) {
                        return e.getMessage();
                    }
                }));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> f : outcomes) {
                out.add(f.get(50, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many times the server received each row's body. */
    private Map<String, Long> receivedPerBody() {
        return wiremock.findAll(postRequestedFor(anyUrl())).stream()
                .collect(Collectors.groupingBy(LoggedRequest::getBodyAsString, Collectors.counting()));
    }

    @Test
    void aPostAnswered500IsNeverSentTwice() throws Exception {
        wiremock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500).withFixedDelay(30)));
        assertThat(postRows(limited())).containsOnly("500");
        assertThat(receivedPerBody()).hasSize(ROWS).allSatisfy((body, times) -> assertThat(times).as(body).isEqualTo(1));
    }

    @Test
    void aPostThatTimedOutIsNeverSentTwice() throws Exception {
        wiremock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(201).withFixedDelay(800)));
        List<String> outcomes = postRows(limited("timeout_seconds", "0.2"));
        assertThat(outcomes).allSatisfy(o -> assertThat(o).endsWith("failed: no response within 0.2 s"));
        // the server may log the last requests only once it has answered them
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (receivedPerBody().size() < ROWS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(900);
        assertThat(receivedPerBody()).hasSize(ROWS).allSatisfy((body, times) -> assertThat(times).as(body).isEqualTo(1));
    }

    @Test
    void aPostTheServerAskedToRepeatIsSentAgainOnce() throws Exception {
        // every body is first refused once (a scenario per body), then accepted
        for (int row = 0; row < ROWS; row++) {
            String body = "{\"row\":" + row + "}";
            String scenario = "row" + row;
            wiremock.stubFor(post(anyUrl()).withRequestBody(equalTo(body))
                    .inScenario(scenario).whenScenarioStateIs("Started")
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("done"));
            wiremock.stubFor(post(anyUrl()).withRequestBody(equalTo(body))
                    .inScenario(scenario).whenScenarioStateIs("done").willReturn(aResponse().withStatus(201)));
        }
        assertThat(postRows(limited())).containsOnly("201");
        assertThat(receivedPerBody()).hasSize(ROWS).allSatisfy((body, times) -> assertThat(times).as(body).isEqualTo(2));
    }

    @Test
    void withUnsafeMethodsAPostIsRetriedLikeAGet() throws Exception {
        wiremock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(502)));
        HttpSourceConfig src = source("rate_limit", map("max_concurrency", 4), "retry", map("max_attempts", 3,
                "initial_backoff_seconds", "0.01", "max_backoff_seconds", "0.02", "unsafe_methods", true));
        assertThat(postRows(src)).containsOnly("502");
        assertThat(receivedPerBody()).hasSize(ROWS).allSatisfy((body, times) -> assertThat(times).as(body).isEqualTo(3));
    }
}
