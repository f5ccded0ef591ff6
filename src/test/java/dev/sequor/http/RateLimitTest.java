package dev.sequor.http;

import static dev.sequor.http.HttpTesting.map;
import static dev.sequor.http.HttpTesting.secretSet;
import static dev.sequor.http.HttpTesting.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A source's rate_limit, from many threads through one run's client, as parallel ops will use it: what the server
 * saw at once and per second, how a 429 slows the source down and how Retry-After pauses it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RateLimitTest {

    private static final Object NO_RETRIES = map("max_attempts", 1);

    /**
     * One request to {@code /warm-up} outside any limit, so the client and its connections exist before the measured
     * requests (the first request of a run starts the HTTP client, which takes a while).
     */
    private static void warmUp(HttpClientService http, CountingServer server) {
        http.execute(HttpTesting.get(server.url("/warm-up")), source());
    }

    /** Runs {@code task} on {@code threads} threads at once, {@code each} times per thread; returns what it returned. */
    private static List<Integer> inParallel(int threads, int each, Callable<Integer> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < threads * each; i++) {
                futures.add(pool.submit(task));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get(50, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theServerNeverHoldsMoreThanMaxConcurrencyRequestsOfTheSource() throws Exception {
        try (CountingServer server = new CountingServer(Duration.ofMillis(150), n -> CountingServer.Answer.OK)) {
            // two ops rendering the same source: one limit for both
            HttpSourceConfig first = source("rate_limit", map("max_concurrency", 3));
            HttpSourceConfig second = source("rate_limit", map("max_concurrency", 3));
            try (HttpClientService http = HttpTesting.liveClient(secretSet(), first)) {
                List<Integer> statuses = inParallel(12, 2, () -> {
                    HttpSourceConfig src = Thread.currentThread().threadId() % 2 == 0 ? first : second;
                    return http.execute(HttpTesting.get(server.url("/items")), src).statusCode();
                });
                assertThat(statuses).hasSize(24).containsOnly(200);
            }
            assertThat(server.maxInFlight()).isEqualTo(3);
        }
    }

    @Test
    void withoutALimitTheSameThreadsDoRunTogether() throws Exception {
        // the control for the test above: the server can see more than 3 at once
        try (CountingServer server = new CountingServer(Duration.ofMillis(150), n -> CountingServer.Answer.OK)) {
            HttpSourceConfig src = source();
            try (HttpClientService http = HttpTesting.liveClient(secretSet(), src)) {
                inParallel(12, 1, () -> http.execute(HttpTesting.get(server.url("/items")), src).statusCode());
            }
            assertThat(server.maxInFlight()).isGreaterThan(3);
        }
    }

    @Test
    void theServerNeverSeesMoreThanRequestsPerSecond() throws Exception {
        try (CountingServer server = new CountingServer(Duration.ZERO, n -> CountingServer.Answer.OK)) {
            HttpSourceConfig src = source("rate_limit", map("requests_per_second", 10));
            try (HttpClientService http = HttpTesting.liveClient(secretSet(), src)) {
                warmUp(http, server);
                inParallel(6, 4, () -> http.execute(HttpTesting.get(server.url("/items")), src).statusCode());
            }
            List<Double> at = server.arrivalMillis("/items");
            assertThat(at).hasSize(24);
            // The k-th request after the first arrives no sooner than k tenths of a second after it (less one slot of
            // the limiter, 12.5 ms, and a margin for the first request's own lateness): over every stretch of the run
            // from its start the server saw no more than 10 a second. Without the limit all 24 arrive within
            // milliseconds. (A client starved of CPU may wake several threads late and send their turns close
            // together, so gaps between single requests are not asserted.)
            for (int k = 1; k < at.size(); k++) {
                assertThat(at.get(k)).as("arrival %d: %s", k, at).isGreaterThan(k * 100.0 - 150.0);
            }
        }
    }

    @Test
    void a429HalvesTheRateOfTheWholeSource() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        // after the warm-up, the fifth request (0-based 4 of /items) is refused; every other request succeeds at once
        try (CountingServer server = new CountingServer(Duration.ZERO,
                n -> n == 5 ? new CountingServer.Answer(429, Map.of()) : CountingServer.Answer.OK)) {
            HttpSourceConfig src = source("rate_limit", map("requests_per_second", 5), "retry", NO_RETRIES);
            try (HttpClientService http = new HttpClientService(HttpTransports.live(), secretSet(), log::add)) {
                warmUp(http, server);
                for (int i = 0; i < 11; i++) {
                    http.execute(HttpTesting.get(server.url("/items")), src);
                }
            }
            List<Double> at = server.arrivalMillis("/items");
            double before = (at.get(4) - at.get(0)) / 4;
            double after = (at.get(10) - at.get(5)) / 5;
            // 200 ms apart at 5/s, 400 ms after the 429; the margins absorb a busy machine's late wake-ups
            assertThat(before).as("ms between requests at 5/s: %s", at).isBetween(150.0, 300.0);
            assertThat(after).as("ms between requests after the 429: %s", at).isGreaterThan(300.0);
        }
        assertThat(log).containsExactly("Source \"api\": 429 Too Many Requests, slowing down to 2.50 requests/s");
    }

    @Test
    void retryAfterPausesEveryRequestOfTheSource() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (CountingServer server = new CountingServer(Duration.ZERO,
                n -> n == 0 ? new CountingServer.Answer(429, Map.of("Retry-After", "1")) : CountingServer.Answer.OK)) {
            HttpSourceConfig src = source("rate_limit", map("max_concurrency", 4), "retry", NO_RETRIES);
            long[] refusedAt = new long[1];
            try (HttpClientService http = new HttpClientService(HttpTransports.live(), secretSet(), log::add)) {
                assertThat(http.execute(HttpTesting.get(server.url("/first")), src).statusCode()).isEqualTo(429);
                refusedAt[0] = System.nanoTime();
                List<Integer> waited = inParallel(4, 1, () -> {
                    http.execute(HttpTesting.get(server.url("/next")), src);
                    return (int) ((System.nanoTime() - refusedAt[0]) / 1_000_000);
                });
                // every one of them was answered about a second (Retry-After: 1) after the 429 came back, none sooner
                assertThat(waited).hasSize(4).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(900));
            }
            assertThat(server.arrivalMillis("/next")).hasSize(4);
        }
        assertThat(log).containsExactly("Source \"api\": the server asked to wait (Retry-After); no request goes to it"
                + " for 1.00 s");
    }

    @Test
    void aPauseIsNeverLongerThanTheSourcesMaxBackoff() throws Exception {
        try (CountingServer server = new CountingServer(Duration.ZERO,
                n -> n == 0 ? new CountingServer.Answer(503, Map.of("Retry-After", "3600")) : CountingServer.Answer.OK)) {
            HttpSourceConfig src = source("rate_limit", map("max_concurrency", 2),
                    "retry", map("max_attempts", 1, "max_backoff_seconds", "0.3"));
            try (HttpClientService http = HttpTesting.liveClient(secretSet(), src)) {
                assertThat(http.execute(HttpTesting.get(server.url("/first")), src).statusCode()).isEqualTo(503);
                long refused = System.nanoTime();
                assertThat(http.execute(HttpTesting.get(server.url("/next")), src).statusCode()).isEqualTo(200);
                assertThat((System.nanoTime() - refused) / 1e6).as("ms paused").isBetween(250.0, 5000.0);
            }
        }
    }

    @Test
    void aReplayIsNotHeldToTheRate(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.util.Set<String> secrets = secretSet();
        HttpSourceConfig slow = source("rate_limit", map("requests_per_second", "0.5"));
        try (CountingServer server = new CountingServer(Duration.ZERO, n -> CountingServer.Answer.OK)) {
            try (HttpClientService http = new HttpClientService(HttpTransports.recording(HttpTransports.live(), dir,
                    () -> new SecretRedactor(secrets)), secrets)) {
                long start = System.nanoTime();
                http.execute(HttpTesting.get(server.url("/a")), slow);
                http.execute(HttpTesting.get(server.url("/b")), slow);
                // recorded at 0.5 requests/s: two seconds apart
                assertThat((System.nanoTime() - start) / 1e6).isGreaterThan(1700.0);
            }
            long start = System.nanoTime();
            try (HttpClientService http = new HttpClientService(HttpTransports.replay(dir,
                    () -> new SecretRedactor(secrets)), secrets)) {
                for (int i = 0; i < 3; i++) {
                    http.execute(HttpTesting.get(server.url("/a")), slow);
                    http.execute(HttpTesting.get(server.url("/b")), slow);
                }
            }
            assertThat((System.nanoTime() - start) / 1e6).as("ms to replay six requests").isLessThan(1800.0);
        }
    }
}
