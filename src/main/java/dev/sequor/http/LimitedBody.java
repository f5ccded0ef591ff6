package dev.sequor.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a response body of at most {@code limit} bytes: a declared Content-Length above it fails before anything is
 * read, and a body without one fails as soon as the bytes read so far pass it, so an oversized (or endless) body never
 * sits in memory whole.
 */
final class LimitedBody {

    /** The largest limit a source may set: one byte more must still fit in a Java array. */
    static final long MAX_LIMIT = Integer.MAX_VALUE - 9;

    private LimitedBody() {
    }

    /** Fails when {@code contentLength} (negative: unknown) already says the body is too large. */
    static void checkDeclared(long contentLength, long limit) {
        if (contentLength > limit) {
            throw new ResponseTooLarge(limit);
        }
    }

    /** All of {@code in}, or {@link ResponseTooLarge} as soon as byte {@code limit + 1} arrives. */
    static byte[] read(InputStream in, long limit) throws IOException {
        // readNBytes grows its buffer with what actually arrives, so a small body costs what it weighs
        byte[] body = in.readNBytes(Math.toIntExact(Math.min(limit, MAX_LIMIT) + 1));
        if (body.length > limit) {
            throw new ResponseTooLarge(limit);
        }
        return body;
    }
}
