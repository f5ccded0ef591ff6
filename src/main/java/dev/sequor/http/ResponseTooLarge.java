package dev.sequor.http;

/**
 * A response body larger than its source's {@code max_response_bytes}, noticed from its Content-Length or while it
 * was being read (never after reading it whole). Not an IOException: sending the request again would only fetch the
 * same body, so it is never retried.
 */
public final class ResponseTooLarge extends RuntimeException {

    private final long limit;

    ResponseTooLarge(long limit) {
        super("response body larger than max_response_bytes (" + limit + " bytes)", null, false, false);
        this.limit = limit;
    }

    /** The limit the body went past, in bytes. */
    public long limit() {
        return limit;
    }
}
