package dev.sequor.http;

import dev.failsafe.RateLimiter;
import java.time.Duration;

/**
 * The requests-per-second of one source: the configured rate until the server answers 429, then half of it (down
 * to 1/32 of the configured rate), raised back by a quarter after each {@code recoveryStep} without a 429 until
 * the configured rate is reached again (additive increase is too slow at low rates; this is gentle enough that an
 * API whose limit is just under the configured rate settles near it).
 *
 * <p>Requests are spaced by a smooth Failsafe {@link RateLimiter} (no bursts: one permit per interval). Failsafe's
 * rate limiters have a fixed rate: their config is immutable and there is no setter. So a change of rate swaps in
 * a new limiter; a caller that was waiting on the old one notices the swap when its permit comes and queues again
 * on the new one ({@link #acquire}), so a slow-down holds at once for every waiting thread. Acquiring several
 * permits per request from one fast limiter would avoid the swap, but Failsafe charges a multi-permit request
 * before it is sent, which would delay even an idle source's first request.
 *
 * <p>Thread-safe: the limiter and the rate are read without a lock; changes of rate are serialized.
 */
final class AdaptiveRate {

    static final double SLOWEST_FRACTION = 1.0 / 32;
    static final double RECOVERY_FACTOR = 1.25;

    private final double configured;
    private final Duration recoveryStep;
    private volatile RateLimiter<Object> limiter;
    /** Written under the lock, read without it. */
    private volatile double current;
    /** System.nanoTime() of the last change of rate (or of creation); guarded by this. */
    private long changedAt;

    AdaptiveRate(double requestsPerSecond, Duration recoveryStep) {
        this.configured = requestsPerSecond;
        this.recoveryStep = recoveryStep;
        this.current = requestsPerSecond;
        this.changedAt = System.nanoTime();
        this.limiter = limiter(requestsPerSecond);
    }

    private static RateLimiter<Object> limiter(double requestsPerSecond) {
        return RateLimiter.smoothBuilder(Duration.ofNanos(Math.max(1, Math.round(1e9 / requestsPerSecond)))).build();
    }

    /**
     * Waits for this caller's turn at the current rate; false when the rate changed while it waited, and the caller
     * should queue again.
     */
    boolean acquire() throws InterruptedException {
        RateLimiter<Object> waitedOn = limiter;
        waitedOn.acquirePermit();
        return waitedOn == limiter;
    }

    /**
     * A request sent at {@code sentAt} (System.nanoTime()) was answered 429: halves the rate, unless the request went
     * out before the last change, which already answered the burst it belonged to (many requests in flight come
     * back 429 together; they count as one signal). Returns the new rate, or null if unchanged.
     */
    synchronized Double slowDown(long sentAt) {
        double slowest = configured * SLOWEST_FRACTION;
        if (sentAt - changedAt < 0 || current <= slowest) {
            return null;
        }
        return change(Math.max(slowest, current / 2));
    }

    /** A request was answered without 429: raises a lowered rate one step once recoveryStep has passed. */
    Double recover() {
        if (current() >= configured) {
            return null;
        }
        synchronized (this) {
            if (current >= configured || System.nanoTime() - changedAt < recoveryStep.toNanos()) {
                return null;
            }
            return change(Math.min(configured, current * RECOVERY_FACTOR));
        }
    }

    private Double change(double rate) {
        current = rate;
        changedAt = System.nanoTime();
        limiter = limiter(rate);
        return rate;
    }

    double current() {
        return current;
    }

    double configured() {
        return configured;
    }
}
