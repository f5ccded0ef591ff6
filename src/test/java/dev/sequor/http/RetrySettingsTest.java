package dev.sequor.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failsafe.RetryPolicyConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Failsafe policy RetrySettings builds, checked without sending anything. */
class RetrySettingsTest {

    @Test
    void only429And5xxAreRetryableStatuses() {
        for (int s : new int[] {429, 500, 502, 503, 504, 599}) {
            assertThat(RetrySettings.retryableStatus(s)).as("%d", s).isTrue();
        }
        for (int s : new int[] {200, 201, 204, 301, 304, 400, 401, 403, 404, 408, 409, 422}) {
            assertThat(RetrySettings.retryableStatus(s)).as("%d", s).isFalse();
        }
    }

    @Test
    void backoffGrowsFromInitialToMax() {
        RetryPolicyConfig<HttpResponseData> c = RetrySettings.DEFAULT.policy("GET").getConfig();
        assertThat(c.getMaxAttempts()).isEqualTo(4);
        assertThat(c.getDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.getMaxDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anInitialBackoffAboveTheMaximumIsCappedAtTheMaximum() {
        RetryPolicyConfig<HttpResponseData> c = new RetrySettings(3, Duration.ofSeconds(5), Duration.ofMillis(50))
                .policy("GET").getConfig();
        assertThat(c.getDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(new RetrySettings(3, Duration.ofMillis(10), Duration.ZERO).policy("GET").getConfig().getDelay())
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void equalInitialAndMaximumGiveAFixedDelay() {
        RetryPolicyConfig<HttpResponseData> c = new RetrySettings(2, Duration.ofMillis(20), Duration.ofMillis(20))
                .policy("GET").getConfig();
        assertThat(c.getDelay()).isEqualTo(Duration.ofMillis(20));
        assertThat(c.getMaxAttempts()).isEqualTo(2);
    }

    @Test
    void neverReachingTheServerIsToldFromFailuresAfterSending() {
        assertThat(RetrySettings.neverReachedServer(new IOException("wrapped", new ConnectException("refused")))).isTrue();
        assertThat(RetrySettings.neverReachedServer(new UnknownHostException("nowhere.invalid"))).isTrue();
        assertThat(RetrySettings.neverReachedServer(new HttpTimeoutException("no response"))).isFalse();
        assertThat(RetrySettings.neverReachedServer(new SocketException("Connection reset"))).isFalse();
    }
}
