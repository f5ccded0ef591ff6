package dev.sequor.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writes a request body within the request's deadline. A socket write has no timeout of its own and blocks while a
 * server does not read, so when the deadline comes first the socket is closed under the write, which then fails and
 * is reported as the timeout it is. Reads need none of this: they wait with the socket's own timeout.
 */
final class WriteDeadline {

    /** Below this a body fits the socket's send buffer, so its write cannot block: no timer for it. */
    private static final int BLOCKING_SIZE = 64 * 1024;

    /** One daemon thread for the whole JVM, started by the first large body: it only ever closes sockets. */
    private static final class Timer {
        static final ScheduledThreadPoolExecutor INSTANCE = timer();
    }

    private WriteDeadline() {
    }

    static void write(Socket socket, OutputStream out, byte[] body, long deadline) throws IOException {
        if (body.length < BLOCKING_SIZE) {
            out.write(body);
            return;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new HttpTimeoutException("");
        }
        boolean[] expired = new boolean[1];
        ScheduledFuture<?> guard = Timer.INSTANCE.schedule(() -> {
            synchronized (expired) {
                expired[0] = true;
            }
            try {
                socket.close();
            } catch (IOException e) {
                // closed either way
            }
        }, left, TimeUnit.NANOSECONDS);
        try {
            out.write(body);
        } catch (IOException e) {
            synchronized (expired) {
                if (expired[0]) {
                    throw new HttpTimeoutException("");
                }
            }
            throw e;
        } finally {
            guard.cancel(false);
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sequor-write-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
