package dev.sequor.http;

import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * When a request is sent again: after a connection failure or timeout, and after status 429 or any 5xx,
 * up to {@code maxAttempts} sends in all, waiting with exponential backoff from {@code initialBackoff} up
 * to {@code maxBackoff}, or as long as the server's {@code Retry-After} asks (never more than
 * {@code maxBackoff}). A source tunes it with {@code retry:}; {@code max_attempts: 1} turns it off.
 *
 * <p>POST and PATCH are not idempotent: sending one again may create or change something twice. Unless
 * {@code unsafeMethods} is set, they are sent again only when the first one provably never reached the
 * server (it could not connect or the host did not resolve), or when the server says when to come back
 * (429 or 503 with {@code Retry-After}).
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, boolean unsafeMethods) {

    public static final RetrySettings DEFAULT = new RetrySettings(4, Duration.ofMillis(500), Duration.ofSeconds(30), false);

    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

    public RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        this(maxAttempts, initialBackoff, maxBackoff, false);
    }

    public static boolean retryableStatus(int status) {
        return status == 429 || status >= 500;
    }

    /** Whether {@code method} may be sent again after any retryable outcome, as if it were idempotent. */
    boolean retriesFreely(String method) {
        return unsafeMethods || IDEMPOTENT_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /** Whether a request with {@code method} that got {@code response} is sent again. */
    boolean retryable(String method, HttpResponseData response) {
        int status = response.statusCode();
        if (retriesFreely(method)) {
            return retryableStatus(status);
        }
        // The server asked the client to come back later, so it did not act on the request.
        String retryAfter = response.header("Retry-After");
        return (status == 429 || status == 503) && retryAfter != null && !retryAfter.isBlank();
    }

    /**
     * Whether a request with {@code method} that failed with {@code failure} is sent again. Only failures of
     * the network exchange count (the transport reports those as IOException; local failures such as a
     * recording that cannot be written are not IOExceptions by the time they leave the transport), and of them not
     * a server certificate the client refused, which will be the same certificate on the next try.
     */
    boolean retryable(String method, Throwable failure) {
        if (!(failure instanceof IOException) || TlsFailure.certificateRefused(failure)) {
            return false;
        }
        return retriesFreely(method) || neverReachedServer(failure);
    }

    /**
     * A connection that could not be opened, or a host that did not resolve: nothing was sent. A timeout
     * or a reset may come after the server has the request, so they do not count.
     */
    static boolean neverReachedServer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    RetryPolicy<HttpResponseData> policy(String method) {
        RetryPolicyBuilder<HttpResponseData> b = RetryPolicy.<HttpResponseData>builder()
                .handleIf((response, failure) -> failure != null ? retryable(method, failure) : retryable(method, response))
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
        Duration wait = RetryAfter.of(last);
        if (wait == null) {
            return Duration.ofMillis(-1);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
