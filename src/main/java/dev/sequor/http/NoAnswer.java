package dev.sequor.http;

import java.io.IOException;

/**
 * A connection that failed before a byte of the response came back: while the request was being written
 * ({@code written} false: the server cannot have a whole request), or after (it may have acted on it). On a kept-alive
 * connection this is how a server's idle close shows, so {@link LiveTransport} may send the request again on a new
 * connection.
 */
final class NoAnswer extends IOException {

    private final boolean written;

    NoAnswer(String message, boolean written, Throwable cause) {
        super(message, cause);
        this.written = written;
    }

    /** Whether the whole request had been handed to the network when the connection failed. */
    boolean written() {
        return written;
    }
}
