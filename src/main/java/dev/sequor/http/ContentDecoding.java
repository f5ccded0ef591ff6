package dev.sequor.http;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Undoes the Content-Encoding of a response body, as Python requests does: requests (so upstream Sequor) asks for
 * {@code Accept-Encoding: gzip, deflate} and hands ops the decoded body, with the response's headers as received.
 * gzip and deflate (zlib-wrapped, or raw as some servers send it) are decoded; an encoding that was not asked for
 * (br, zstd) is left as it came, as requests leaves it. The decoded body is held to the same max_response_bytes as the
 * body on the wire, so a small compressed body cannot unpack into gigabytes.
 */
final class ContentDecoding {

    /** What every request asks for unless the flow sets its own Accept-Encoding. */
    static final String ACCEPTED = "gzip, deflate";

    private ContentDecoding() {
    }

    /** {@code body} decoded as {@code encodings} (the Content-Encoding header's values) say. */
    static byte[] decode(byte[] body, List<String> encodings, long limit) throws IOException {
        if (body.length == 0 || encodings == null || encodings.isEmpty()) {
            return body;
        }
        // "Content-Encoding: deflate, gzip" means deflate was applied first: undone last
        List<String> applied = encodings.stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty() && !e.equals("identity"))
                .toList();
        byte[] decoded = body;
        for (int i = applied.size() - 1; i >= 0; i--) {
            String encoding = applied.get(i);
            switch (encoding) {
                case "gzip", "x-gzip" -> decoded = gunzip(decoded, limit);
                case "deflate" -> decoded = inflate(decoded, limit);
                default -> {
                    return decoded;  // not ours to undo; neither is anything applied before it
                }
            }
        }
        return decoded;
    }

    private static byte[] gunzip(byte[] body, long limit) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return LimitedBody.read(in, limit);
        } catch (ZipException | EOFException e) {
            throw new IOException("the response says Content-Encoding gzip but its body is not valid gzip ("
                    + e.getMessage() + ")", e);
        }
    }

    private static byte[] inflate(byte[] body, long limit) throws IOException {
        try {
            return inflate(body, limit, false);
        } catch (ZipException zlibFailed) {
            try {
                return inflate(body, limit, true);  // raw deflate, without the zlib header
            } catch (ZipException e) {
                throw new IOException("the response says Content-Encoding deflate but its body is not valid deflate ("
                        + e.getMessage() + ")", e);
            }
        }
    }

    private static byte[] inflate(byte[] body, long limit, boolean raw) throws IOException {
        Inflater inflater = new Inflater(raw);
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(body), inflater)) {
            byte[] out = LimitedBody.read(in, limit);
            if (!inflater.finished()) {
                throw new ZipException("the stream ends early");
            }
            return out;
        } finally {
            inflater.end();
        }
    }
}
