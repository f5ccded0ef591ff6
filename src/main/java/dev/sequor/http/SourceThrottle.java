package dev.sequor.http;

import dev.failsafe.Bulkhead;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@code rate_limit} of one http source for a whole run, shared by every op and thread that sends through it.
 * Every request on the wire (also those a redirect, an OAuth2 token fetch or a digest challenge adds) takes, in
 * this order:
 * <ol>
 * <li>a place among {@code max_concurrency} (a Failsafe {@link Bulkhead}), held until its response is read;</li>
 * <li>the end of any pause the server asked for;</li>
 * <li>its turn at {@code requests_per_second} ({@link AdaptiveRate}), taken last, right before sending, so the
 * server never sees more than the rate, even when several places free up at once.</li>
 * </ol>
 * A 429 lowers the rate. A 429 or 503 with {@code Retry-After} pauses the whole source for that long (capped at
 * the source's {@code retry.max_backoff_seconds}), so the other threads do not run into the same wall; the request
 * that got the answer is retried, or not, by the retry policy as before.
 */
final class SourceThrottle {

    /** How long the rate stays at a lowered level before rising a step. */
    static final Duration RECOVERY_STEP = Duration.ofSeconds(2);

    private final String source;
    private final Bulkhead<Object> places;
    private final AdaptiveRate rate;
    private final Duration maxPause;
    private final Consumer<String> log;
    /** System.nanoTime() before which no request is sent; guarded by this. */
    private long resumeAt = System.nanoTime();

    /** {@code log} hears of every change of rate and of every pause the server asks for. */
    SourceThrottle(String source, RateLimit limit, Duration maxPause, Duration recoveryStep, Consumer<String> log) {
        this.source = source;
        this.places = limit.maxConcurrency() == null ? null : Bulkhead.of(limit.maxConcurrency());
        this.rate = limit.requestsPerSecond() == null ? null : new AdaptiveRate(limit.requestsPerSecond(), recoveryStep);
        this.maxPause = maxPause;
        this.log = log;
    }

    /** {@code next} with this source's limits applied to every request sent through it. */
    HttpTransport around(HttpTransport next) {
        return request -> send(request, next);
    }

    private HttpResponseData send(HttpRequestData request, HttpTransport next) throws IOException {
        if (places != null) {
            try {
                places.acquirePermit();
            } catch (InterruptedException e) {
                throw interrupted();
            }
        }
        try {
            long sentAt = awaitTurn();
            HttpResponseData response = next.send(request);
            observe(response, sentAt);
            return response;
        } finally {
            if (places != null) {
                places.releasePermit();
            }
        }
    }

    /** Waits out any pause and then for a turn at the rate; returns when the request may go (System.nanoTime()). */
    private long awaitTurn() throws InterruptedIOException {
        try {
            while (true) {
                long left;
                while ((left = pauseLeft()) > 0) {
                    TimeUnit.NANOSECONDS.sleep(left);
                }
                if (rate != null) {
                    rate.acquire();
                }
                // a pause may have begun while this thread waited for its turn: then it waits that out too
                if (pauseLeft() <= 0) {
                    return System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private static InterruptedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted while waiting for the source's rate limit");
    }

    private synchronized long pauseLeft() {
        return resumeAt - System.nanoTime();
    }

    private void observe(HttpResponseData response, long sentAt) {
        int status = response.statusCode();
        if (rate != null) {
            Double changed = status == 429 ? rate.slowDown(sentAt) : rate.recover();
            if (changed != null && (status == 429 || changed >= rate.configured())) {
                log.accept("Source \"" + source + "\": " + (status == 429 ? "429 Too Many Requests, slowing down to "
                        : "back to ") + perSecond(changed) + " requests/s");
            }
        }
        if (status == 429 || status == 503) {
            Duration wait = RetryAfter.of(response);
            if (wait != null && wait.isPositive()) {
                pause(wait.compareTo(maxPause) > 0 ? maxPause : wait);
            }
        }
    }

    private void pause(Duration wait) {
        long now = System.nanoTime();
        long until = now + wait.toNanos();
        boolean starts;
        synchronized (this) {
            starts = resumeAt - now <= 0;
            if (until - resumeAt > 0) {
                resumeAt = until;
            }
        }
        if (starts && wait.isPositive()) {
            log.accept("Source \"" + source + "\": the server asked to wait (Retry-After); no request goes to it for "
                    + String.format(Locale.ROOT, "%.2f", wait.toMillis() / 1000.0) + " s");
        }
    }

    private static String perSecond(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.format(Locale.ROOT, "%.2f", rate);
    }
}
