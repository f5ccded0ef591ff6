package dev.sequor.run.progress;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A clock for {@link RunStats} that moves only when a test says so. */
final class FakeClock implements LongSupplier {

    private long nanos = 1_000_000_000L;

    @Override
    public long getAsLong() {
        return nanos;
    }

    FakeClock advanceMillis(long millis) {
        nanos += TimeUnit.MILLISECONDS.toNanos(millis);
        return this;
    }
}
