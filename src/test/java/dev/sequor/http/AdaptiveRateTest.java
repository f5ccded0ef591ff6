package dev.sequor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a source's rate falls on 429 and comes back, and how Retry-After is read. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AdaptiveRateTest {

    @Test
    void a429HalvesTheRateOncePerBurst() {
        AdaptiveRate rate = new AdaptiveRate(40, Duration.ofHours(1));
        long sentBefore = System.nanoTime();
        assertThat(rate.slowDown(sentBefore)).isEqualTo(20.0);
        // answers to requests that were already out when the rate fell are the same burst
        assertThat(rate.slowDown(sentBefore)).isNull();
        assertThat(rate.current()).isEqualTo(20.0);
        assertThat(rate.slowDown(System.nanoTime())).isEqualTo(10.0);
    }

    @Test
    void theRateNeverFallsBelowAThirtySecondOfTheConfiguredOne() {
        AdaptiveRate rate = new AdaptiveRate(64, Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            rate.slowDown(System.nanoTime());
        }
        assertThat(rate.current()).isEqualTo(2.0);
        assertThat(rate.slowDown(System.nanoTime())).isNull();
    }

    @Test
    void theRateRisesByAQuarterPerQuietStepUpToTheConfiguredOne() {
        AtomicLong now = new AtomicLong(1_000);
        AdaptiveRate rate = new AdaptiveRate(10, Duration.ofMillis(300), now::get);
        assertThat(rate.recover()).as("already at the configured rate").isNull();
        rate.slowDown(now.get());
        now.addAndGet(Duration.ofMillis(299).toNanos());
        assertThat(rate.recover()).as("too soon after the 429").isNull();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        // a request books 16 slots at half the rate, 13 after one step (80 slots a second / 13), then 10, then 8
        assertThat(rate.recover()).isEqualTo(80.0 / 13);
        assertThat(rate.recover()).as("too soon after the last step").isNull();
        for (double expected : new double[] {80.0 / 10, 10.0}) {
            now.addAndGet(Duration.ofMillis(300).toNanos());
            assertThat(rate.recover()).isEqualTo(expected);
        }
        now.addAndGet(Duration.ofMillis(300).toNanos());
        assertThat(rate.recover()).as("back at the configured rate").isNull();
    }

    @Test
    void anIdleSourceSendsAtOnceAndEachRequestBooksAWholeInterval() throws Exception {
        // Only lower bounds on the later turns: a busy machine may wake a thread late, never early. Half a second
        // between requests (2/s), a whole second after the 429.
        AdaptiveRate rate = new AdaptiveRate(2, Duration.ofHours(1));
        long start = System.nanoTime();
        rate.acquire();
        double first = (System.nanoTime() - start) / 1e6;
        rate.acquire();
        double second = (System.nanoTime() - start) / 1e6;
        rate.slowDown(System.nanoTime());
        rate.acquire();
        double third = (System.nanoTime() - start) / 1e6;
        rate.acquire();
        double fourth = (System.nanoTime() - start) / 1e6;
        assertThat(first).as("the first turn comes at once").isLessThan(250.0);
        // at most one slot (62.5 ms) early: Failsafe starts an idle limiter's slots at its clock's last tick
        assertThat(second).as("the next half a second later").isGreaterThan(430.0);
        assertThat(third).as("the turn booked before the 429 is kept").isGreaterThan(930.0);
        assertThat(fourth).as("after the 429, a whole second").isGreaterThan(1930.0);
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(RetryAfter.parse("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(" 0 ")).isEqualTo(Duration.ZERO);
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(RetryAfter.parse(inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("soon")).isNull();
        assertThat(RetryAfter.parse("")).isNull();
        assertThat(RetryAfter.parse(null)).isNull();
    }
}
