package dev.sequor.http;

import java.io.IOException;

/**
 * The one seam between Sequor and the network: live, recording and replaying transports implement it.
 * Auth and retries sit above it (they decorate requests and call {@code send} again), so a recording
 * holds exactly what went over the wire.
 */
public interface HttpTransport extends AutoCloseable {

    /** Sends the request and returns the whole response; any status is a response, not an exception. */
    HttpResponseData send(HttpRequestData request) throws IOException;

    /** False for transports that answer from elsewhere (replay), where rate limits would only slow a test down. */
    default boolean reachesNetwork() {
        return true;
    }

    /**
     * Gets ready for requests ahead of the first one, without waiting (the live transport makes its client on a
     * thread of its own); nothing by default.
     */
    default void prepare() {
    }

    /**
     * Whether the run's requests may go to https URLs, as guessed once its flow is parsed: the live transport makes
     * the JVM's default TLS context ahead only when they may (nothing by default).
     */
    default void expectTls(boolean likely) {
    }

    @Override
    default void close() {
    }
}
