package dev.sequor.http;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Connections kept alive between requests, per {@link Endpoint}, for the run's whole life. The most recently used
 * is taken first (the likeliest still open), and every one is checked before it is used again (a few microseconds):
 * servers close idle connections after a while, some right after an answer without a {@code Connection: close},
 * and a POST sent into a closed one may be lost.
 */
final class ConnectionPool implements AutoCloseable {

    /** More idle connections than requests ever in flight at once (parallel: N stays far below). */
    private static final int MAX_IDLE_PER_ENDPOINT = 256;

    private final Map<Endpoint, Deque<Http1Connection>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** An idle connection to the endpoint that is still open, or null. */
    Http1Connection take(Endpoint endpoint) {
        Deque<Http1Connection> kept = idle.get(endpoint);
        if (kept == null) {
            return null;
        }
        for (Http1Connection c = kept.pollLast(); c != null; c = kept.pollLast()) {
            if (c.stillOpen()) {
                return c;
            }
            c.close();
        }
        return null;
    }

    /** Keeps a connection whose last response was read whole and that may carry another request. */
    void giveBack(Http1Connection c) {
        Deque<Http1Connection> kept = idle.computeIfAbsent(c.endpoint(), e -> new ConcurrentLinkedDeque<>());
        kept.addLast(c);
        if (closed || kept.size() > MAX_IDLE_PER_ENDPOINT) {
            Http1Connection oldest = closed ? kept.pollLast() : kept.pollFirst();
            if (oldest != null) {
                oldest.close();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        idle.values().forEach(kept -> {
            for (Http1Connection c = kept.poll(); c != null; c = kept.poll()) {
                c.close();
            }
        });
    }
}
