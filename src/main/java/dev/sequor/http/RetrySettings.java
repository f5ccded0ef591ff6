package dev.sequor.http;

import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * When a request is sent again: after a connection failure or timeout, and after status 429 or any 5xx,
 * up to {@code maxAttempts} sends in all, waiting with exponential backoff from {@code initialBackoff} up
 * to {@code maxBackoff}, or as long as the server's {@code Retry-After} asks (never more than
 * {@code maxBackoff}). A source tunes it with {@code retry:}; {@code max_attempts: 1} turns it off.
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final RetrySettings DEFAULT = new RetrySettings(4, Duration.ofMillis(500), Duration.ofSeconds(30));

    public static boolean retryableStatus(int status) {
        return status == 429 || status >= 500;
    }

    RetryPolicy<HttpResponseData> policy() {
        RetryPolicyBuilder<HttpResponseData> b = RetryPolicy.<HttpResponseData>builder()
                .handle(IOException.class)
                .handleResultIf(r -> retryableStatus(r.statusCode()))
                .withMaxAttempts(maxAttempts)
                .withDelayFn(ctx -> retryAfter(ctx.getLastResult()));
        if (initialBackoff.isPositive() && maxBackoff.compareTo(initialBackoff) > 0) {
            b.withBackoff(initialBackoff, maxBackoff);
        } else {
            // An initial backoff above the maximum waits the maximum, not longer. A zero wait (allowed by
            // the source file) keeps Failsafe's default of no delay: withDelay rejects Duration.ZERO.
            Duration delay = initialBackoff.compareTo(maxBackoff) > 0 ? maxBackoff : initialBackoff;
            if (delay.isPositive()) {
                b.withDelay(delay);
            }
        }
        return b.build();
    }

    /** The wait a response's Retry-After header asks for, capped at maxBackoff; negative (use backoff) if none. */
    private Duration retryAfter(HttpResponseData last) {
        String value = last == null ? null : last.header("Retry-After");
        if (value == null || value.isBlank()) {
            return Duration.ofMillis(-1);
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException notDate) {
                return Duration.ofMillis(-1);
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
