package dev.sequor.http;

import dev.failsafe.RateLimiter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The requests-per-second of one source: the configured rate until the server answers 429, then half of it (down
 * to 1/32 of the configured rate), raised back by a quarter after each {@code recoveryStep} without a 429 until
 * the configured rate is reached again (additive increase is too slow at low rates; this is gentle enough that an
 * API whose limit is just under the configured rate settles near it).
 *
 * <p>Requests are spaced by a smooth Failsafe {@link RateLimiter}. Its rate is fixed (the config is immutable, there
 * is no setter), so it runs at {@link #SLOTS} times the configured rate and each request books a number of its slots:
 * {@code SLOTS} at the configured rate, twice as many at half of it. A request waits only for its first slot and books
 * the others without waiting, so an idle source sends at once and the next request waits a whole interval. (Taking
 * all slots with {@code acquirePermits(n)} would make each request wait for its last slot before it goes; one slot per
 * request at the plain rate would let Failsafe, which starts an idle limiter's next permit at the next tick of its
 * clock, send two requests almost together.) The error is at most one slot, an eighth of an interval.
 *
 * <p>Thread-safe: booking is atomic per limiter; changes of rate are serialized; the rate is read without a lock.
 */
final class AdaptiveRate {

    /** Slots of the limiter per request at the configured rate. */
    static final int SLOTS = 8;
    static final double SLOWEST_FRACTION = 1.0 / 32;
    static final double RECOVERY_FACTOR = 1.25;

    private final double configured;
    private final Duration recoveryStep;
    private final RateLimiter<Object> limiter;
    /** Slots each request books; written under the lock, read without it. */
    private volatile int slotsPerRequest = SLOTS;
    /** The clock of {@link #changedAt} and of the recovery steps: System.nanoTime(), or a test's. */
    private final LongSupplier nanoClock;
    /** {@link #nanoClock} at the last change of rate (or at creation); guarded by this. */
    private long changedAt;

    AdaptiveRate(double requestsPerSecond, Duration recoveryStep) {
        this(requestsPerSecond, recoveryStep, System::nanoTime);
    }

    AdaptiveRate(double requestsPerSecond, Duration recoveryStep, LongSupplier nanoClock) {
        this.configured = requestsPerSecond;
        this.recoveryStep = recoveryStep;
        this.nanoClock = nanoClock;
        this.changedAt = nanoClock.getAsLong();
        this.limiter = RateLimiter.smoothBuilder(Duration.ofNanos(Math.max(1, Math.round(1e9 / (requestsPerSecond * SLOTS)))))
                .build();
    }

    /** Waits for this caller's turn at the current rate. */
    void acquire() throws InterruptedException {
        Duration wait;
        synchronized (limiter) {
            wait = limiter.reservePermit();
            int more = slotsPerRequest - 1;
            if (more > 0) {
                limiter.reservePermits(more);
            }
        }
        if (wait.isPositive()) {
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        }
    }

    /**
     * A request sent at {@code sentAt} (System.nanoTime()) was answered 429: halves the rate, unless the request went
     * out before the last change, which already answered the burst it belonged to (many requests in flight come
     * back 429 together; they count as one signal). Returns the new rate, or null if unchanged.
     */
    synchronized Double slowDown(long sentAt) {
        int slowest = (int) Math.round(SLOTS / SLOWEST_FRACTION);
        if (sentAt - changedAt < 0 || slotsPerRequest >= slowest) {
            return null;
        }
        return change(Math.min(slowest, slotsPerRequest * 2));
    }

    /** A request was answered without 429: raises a lowered rate one step once recoveryStep has passed. */
    Double recover() {
        if (slotsPerRequest == SLOTS) {
            return null;
        }
        synchronized (this) {
            if (slotsPerRequest == SLOTS || nanoClock.getAsLong() - changedAt < recoveryStep.toNanos()) {
                return null;
            }
            return change(Math.max(SLOTS, (int) Math.round(slotsPerRequest / RECOVERY_FACTOR)));
        }
    }

    private Double change(int slots) {
        slotsPerRequest = slots;
        changedAt = nanoClock.getAsLong();
        return current();
    }

    /** Requests per second now. */
    double current() {
        return configured * SLOTS / slotsPerRequest;
    }

    double configured() {
        return configured;
    }
}
