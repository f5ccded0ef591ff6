package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sequor.http.HttpTesting.liveClient;
import static dev.sequor.http.HttpTesting.map;
import static dev.sequor.http.HttpTesting.secretSet;
import static dev.sequor.http.HttpTesting.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;

/** Which responses and failures are sent again, how often, and what is reported when all attempts fail. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RetryTest {

    @RegisterExtension
    static final WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @BeforeEach
    void reset() {
        wiremock.resetAll();
    }

    /** Fast retries, so the class runs in a few seconds. */
    private static HttpSourceConfig retrying(Object maxAttempts) {
        return source("type", "http", "retry", map("max_attempts", maxAttempts, "initial_backoff_seconds", "0.01",
                "max_backoff_seconds", "0.05"));
    }

    /** The first answer, then 200 "done" for every later request. */
    private void firstThenOk(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        wiremock.stubFor(any(anyUrl()).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("recovered"));
        wiremock.stubFor(any(anyUrl()).inScenario("s").whenScenarioStateIs("recovered").willReturn(ok("done")));
    }

    private int requestCount() {
        return wiremock.findAll(anyRequestedFor(anyUrl())).size();
    }

    @Test
    void a503IsSentAgainAndTheRecoveredResponseReturned() {
        firstThenOk(aResponse().withStatus(503));
        HttpSourceConfig src = retrying(4);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            HttpResponseData r = http.execute(HttpTesting.get(wiremock.baseUrl() + "/items"), src);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("done");
        }
        assertThat(requestCount()).isEqualTo(2);
    }

    @Test
    void zeroBackoffsRetryAtOnce() {
        firstThenOk(aResponse().withStatus(503));
        HttpSourceConfig src = source("retry", map("max_attempts", 2, "initial_backoff_seconds", 0, "max_backoff_seconds", 0));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/items"), src).statusCode()).isEqualTo(200);
        }
        assertThat(requestCount()).isEqualTo(2);
    }

    /** As {@link #retrying}, with {@code retry.unsafe_methods} set. */
    private static HttpSourceConfig retryingUnsafeMethods(Object maxAttempts) {
        return source("type", "http", "retry", map("max_attempts", maxAttempts, "initial_backoff_seconds", "0.01",
                "max_backoff_seconds", "0.05", "unsafe_methods", true));
    }

    private HttpRequestData postItem() {
        return HttpTesting.post(wiremock.baseUrl() + "/items", "{\"a\":1}", "Content-Type", "application/json");
    }

    @Test
    void aPostAnswered500IsSentOnlyOnce() {
        firstThenOk(aResponse().withStatus(500));
        HttpSourceConfig src = retrying(4);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(postItem(), src).statusCode()).isEqualTo(500);
        }
        assertThat(requestCount()).isEqualTo(1);
    }

    @Test
    void aPatchAnswered503WithoutRetryAfterIsSentOnlyOnce() {
        firstThenOk(aResponse().withStatus(503));
        HttpSourceConfig src = retrying(4);
        HttpRequestData patch = new HttpRequestData("PATCH", URI.create(wiremock.baseUrl() + "/items/1"),
                List.of(), "{}".getBytes(StandardCharsets.UTF_8), null);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(patch, src).statusCode()).isEqualTo(503);
        }
        assertThat(requestCount()).isEqualTo(1);
    }

    @Test
    void aPostAnswered503WithRetryAfterIsResentWithTheSameBody() {
        firstThenOk(aResponse().withStatus(503).withHeader("Retry-After", "0"));
        HttpSourceConfig src = retrying(3);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(postItem(), src).statusCode()).isEqualTo(200);
        }
        wiremock.verify(2, postRequestedFor(urlPathEqualTo("/items")).withRequestBody(equalTo("{\"a\":1}"))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void aPostToARefusedPortIsRetriedSinceItNeverReachedTheServer() throws Exception {
        int port = HttpTesting.closedPort();
        HttpSourceConfig src = retrying(3);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.post("http://127.0.0.1:" + port + "/items", "{}"), src))
                    .hasMessageEndingWith(" failed after 3 attempts: cannot connect to 127.0.0.1:" + port);
        }
    }

    @Test
    void aPostThatTimesOutIsSentOnlyOnce() {
        wiremock.stubFor(any(anyUrl()).willReturn(ok("late").withFixedDelay(1_000)));
        HttpSourceConfig src = source("timeout_seconds", "0.2", "retry", map("max_attempts", 3,
                "initial_backoff_seconds", 0, "max_backoff_seconds", 0));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThatThrownBy(() -> http.execute(postItem(), src))
                    .hasMessageStartingWith("HTTP request POST " + wiremock.baseUrl() + "/items failed: no response within");
        }
        assertThat(requestCount()).isEqualTo(1);
    }

    @Test
    void unsafeMethodsRetriesAPostAnswered500UpToMaxAttempts() {
        wiremock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        HttpSourceConfig src = retryingUnsafeMethods(3);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(postItem(), src).statusCode()).isEqualTo(500);
        }
        wiremock.verify(3, postRequestedFor(urlPathEqualTo("/items")).withRequestBody(equalTo("{\"a\":1}")));
    }

    @Test
    void aGetAnswered500IsStillRetried() {
        wiremock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        HttpSourceConfig src = retrying(3);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/items"), src).statusCode()).isEqualTo(500);
        }
        assertThat(requestCount()).isEqualTo(3);
    }

    @Test
    void everyRetryIsLoggedWithTheOutcomeAttemptAndWaitAndSecretsHidden() {
        firstThenOk(aResponse().withStatus(503));
        HttpSourceConfig src = source("retry", map("max_attempts", 3, "initial_backoff_seconds", "0.01",
                "max_backoff_seconds", "0.01"));
        Set<String> secrets = secretSet();
        secrets.add("sk_live_12345");
        List<String> logged = new CopyOnWriteArrayList<>();
        try (HttpClientService http = new HttpClientService(HttpTransports.live(), secrets, logged::add)) {
            http.execute(HttpTesting.get(wiremock.baseUrl() + "/items?token=sk_live_12345"), src);
        }
        assertThat(logged).containsExactly("Retrying GET " + wiremock.baseUrl()
                + "/items?token=<redacted> after status 503: attempt 2 of 3 in 0.01 s");
    }

    @Test
    void aLocalFailureIsNotRetried(@TempDir Path tmp) throws Exception {
        wiremock.stubFor(any(anyUrl()).willReturn(ok("fine")));
        // The recording folder is a file, so writing the recording fails after the exchange succeeded.
        Path notAFolder = Files.writeString(tmp.resolve("recordings"), "x");
        HttpSourceConfig src = retrying(4);
        Set<String> secrets = secretSet();
        try (HttpClientService http = new HttpClientService(HttpTransports.recording(HttpTransports.live(), notAFolder,
                () -> new SecretRedactor(secrets)), secrets)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(wiremock.baseUrl() + "/items"), src))
                    .isInstanceOf(SequorException.class)
                    .hasMessageStartingWith("Cannot write the recording of GET " + wiremock.baseUrl() + "/items");
        }
        assertThat(requestCount()).isEqualTo(1);
    }

    @Test
    void aLongRetryAfterIsCappedAtMaxBackoff() {
        // Retry-After asks for two minutes; max_backoff_seconds 0.05 must win or the class times out.
        firstThenOk(aResponse().withStatus(429).withHeader("Retry-After", "120"));
        HttpSourceConfig src = retrying(2);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/items"), src).statusCode()).isEqualTo(200);
        }
        assertThat(requestCount()).isEqualTo(2);
    }

    @Test
    void aRetryAfterDateIsCappedAtMaxBackoff() {
        String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusHours(1));
        firstThenOk(aResponse().withStatus(503).withHeader("Retry-After", inAnHour));
        HttpSourceConfig src = retrying(2);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/items"), src).statusCode()).isEqualTo(200);
        }
        assertThat(requestCount()).isEqualTo(2);
    }

    @Test
    void aRetryAfterInThePastOrUnreadableRetriesAtOnce() {
        firstThenOk(aResponse().withStatus(429).withHeader("Retry-After", "Mon, 01 Jan 2001 00:00:00 GMT"));
        HttpSourceConfig src = retrying(2);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/a"), src).statusCode()).isEqualTo(200);
            wiremock.resetAll();
            firstThenOk(aResponse().withStatus(429).withHeader("Retry-After", "whenever"));
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/b"), src).statusCode()).isEqualTo(200);
        }
        assertThat(requestCount()).isEqualTo(2);
    }

    @Test
    void whenEveryAttemptGetsA5xxTheLastResponseIsReturned() {
        wiremock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502).withBody("bad gateway")));
        HttpSourceConfig src = retrying(3);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            HttpResponseData r = http.execute(HttpTesting.get(wiremock.baseUrl() + "/items"), src);
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(r.text()).isEqualTo("bad gateway");
        }
        assertThat(requestCount()).isEqualTo(3);
    }

    @Test
    void maxAttemptsOneTurnsRetriesOff() {
        firstThenOk(aResponse().withStatus(503));
        HttpSourceConfig src = retrying(1);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/items"), src).statusCode()).isEqualTo(503);
        }
        assertThat(requestCount()).isEqualTo(1);
    }

    @Test
    void clientErrorsAreNotRetried() {
        HttpSourceConfig src = retrying(4);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            for (int status : new int[] {400, 401, 403, 404, 409, 422}) {
                wiremock.resetAll();
                firstThenOk(aResponse().withStatus(status));
                assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/items"), src).statusCode()).isEqualTo(status);
                assertThat(requestCount()).as("requests after %d", status).isEqualTo(1);
            }
        }
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedWithTheUrlAndAttempts() throws Exception {
        int port = HttpTesting.closedPort();
        HttpSourceConfig src = retrying(3);
        String url = "http://127.0.0.1:" + port + "/items?page=1";
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(url), src))
                    .isInstanceOf(SequorException.class)
                    .hasMessageStartingWith("HTTP request GET " + url + " failed after 3 attempts: ")
                    .hasMessageEndingWith(" failed after 3 attempts: cannot connect to 127.0.0.1:" + port)
                    .hasCauseInstanceOf(ConnectException.class)
                    .satisfies(e -> assertThat(((SequorException) e).kind()).isEqualTo(ExitCode.FLOW_FAILED));
        }
    }

    @Test
    void withoutRetriesTheFailureDoesNotCountAttempts() throws Exception {
        int port = HttpTesting.closedPort();
        HttpSourceConfig src = retrying(1);
        String url = "http://127.0.0.1:" + port + "/items";
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(url), src))
                    .hasMessageStartingWith("HTTP request GET " + url + " failed: ");
        }
    }

    @Test
    void secretsInTheUrlAreHiddenInTheFailure() throws Exception {
        int port = HttpTesting.closedPort();
        HttpSourceConfig src = retrying(2);
        Set<String> secrets = secretSet();
        secrets.add("sk_live_12345");
        secrets.add("p@ss word");
        try (HttpClientService http = liveClient(secrets, src)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get("http://127.0.0.1:" + port
                    + "/items?token=sk_live_12345&pw=p%40ss+word"), src))
                    .hasMessageStartingWith("HTTP request GET http://127.0.0.1:" + port
                            + "/items?token=<redacted>&pw=<redacted> failed after 2 attempts: ")
                    .message().doesNotContain("sk_live_12345").doesNotContain("p%40ss");
        }
    }
}
