package dev.sequor.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps reading a response body within the request's timeout. The HTTP client hands the body over as a stream once
 * the response has started (so that {@link LimitedBody} can stop an oversized one); a read from it blocks while the
 * server is silent, and the client's own timeout only covers the wait for the response's head. At the deadline the
 * reading thread is interrupted, which that blocking read answers with an IOException, reported as a timeout.
 */
final class BodyDeadline {

    /** One daemon thread for the whole JVM: it only fires interrupts, and only for bodies still being read. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final Thread reader = Thread.currentThread();
    private boolean reading = true;
    private boolean expired;

    private BodyDeadline() {
    }

    /** {@code body} read with {@link LimitedBody#read} within {@code leftNanos}; on timeout, {@code message}. */
    static byte[] read(InputStream body, long limit, long leftNanos, Supplier<String> message) throws IOException {
        if (leftNanos <= 0) {
            throw new HttpTimeoutException(message.get());
        }
        BodyDeadline deadline = new BodyDeadline();
        ScheduledFuture<?> guard = TIMER.schedule(deadline::expire, leftNanos, TimeUnit.NANOSECONDS);
        try {
            return LimitedBody.read(body, limit);
        } catch (IOException e) {
            // the interrupt surfaces as an InterruptedIOException or as an IOException caused by the interrupt,
            // depending on where the read was blocked
            if (deadline.finish()) {
                throw new HttpTimeoutException(message.get());
            }
            throw e;
        } finally {
            guard.cancel(false);
            if (deadline.finish()) {
                // the interrupt came after the last read: the body is whole, and the thread must not stay interrupted
                Thread.interrupted();
            }
        }
    }

    private synchronized void expire() {
        if (reading) {
            expired = true;
            reader.interrupt();
        }
    }

    /** Ends the reading; whether the deadline interrupted it. */
    private synchronized boolean finish() {
        reading = false;
        return expired;
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sequor-body-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
