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

    /** Runs {@code task} on {@code threads} threads at once, {@code each} times per thread; returns the statuses. */
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
                    HttpSourceConfig src = Thread.currentThread().getId() % 2 == 0 ? first : second;
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
                inParallel(6, 4, () -> http.execute(HttpTesting.get(server.url("/items")), src).statusCode());
            }
            List<Double> at = server.arrivalMillis();
            assertThat(at).hasSize(24);
            // any 11 consecutive arrivals span at least a second (less the scheduling jitter of a busy machine)
            for (int i = 0; i + 10 < at.size(); i++) {
                assertThat(at.get(i + 10) - at.get(i)).as("arrivals %d to %d: %s", i, i + 10, at).isGreaterThan(850.0);
            }
            assertThat(at.get(23)).isGreaterThan(2300 * 0.9);
        }
    }

    @Test
    void a429HalvesTheRateOfTheWholeSource() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        // request 3 (0-based 2) is refused; every other request succeeds at once
        try (CountingServer server = new CountingServer(Duration.ZERO,
                n -> n == 2 ? new CountingServer.Answer(429, Map.of()) : CountingServer.Answer.OK)) {
            HttpSourceConfig src = source("rate_limit", map("requests_per_second", 20), "retry", NO_RETRIES);
            try (HttpClientService http = new HttpClientService(HttpTransports.live(), secretSet(), log::add)) {
                for (int i = 0; i < 10; i++) {
                    http.execute(HttpTesting.get(server.url("/items")), src);
                }
            }
            List<Double> at = server.arrivalMillis();
            double before = (at.get(2) - at.get(0)) / 2;
            double after = (at.get(9) - at.get(3)) / 6;
            assertThat(before).as("ms between requests at 20/s: %s", at).isLessThan(80.0);
            assertThat(after).as("ms between requests after the 429: %s", at).isGreaterThan(90.0);
        }
        assertThat(log).containsExactly("Source \"api\": 429 Too Many Requests, slowing down to 10 requests/s");
    }

    @Test
    void retryAfterPausesEveryRequestOfTheSource() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (CountingServer server = new CountingServer(Duration.ZERO,
                n -> n == 0 ? new CountingServer.Answer(429, Map.of("Retry-After", "1")) : CountingServer.Answer.OK)) {
            HttpSourceConfig src = source("rate_limit", map("max_concurrency", 4), "retry", NO_RETRIES);
            try (HttpClientService http = new HttpClientService(HttpTransports.live(), secretSet(), log::add)) {
                assertThat(http.execute(HttpTesting.get(server.url("/first")), src).statusCode()).isEqualTo(429);
                List<Integer> statuses = inParallel(4, 1,
                        () -> http.execute(HttpTesting.get(server.url("/next")), src).statusCode());
                assertThat(statuses).containsOnly(200);
            }
            List<Double> at = server.arrivalMillis();
            assertThat(at).hasSize(5);
            assertThat(at.get(1)).as("the first request after the 429 waited out Retry-After: %s", at).isGreaterThan(950.0);
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
                assertThat(http.execute(HttpTesting.get(server.url("/next")), src).statusCode()).isEqualTo(200);
            }
            List<Double> at = server.arrivalMillis();
            assertThat(at.get(1)).isBetween(250.0, 5000.0);
        }
    }
}
