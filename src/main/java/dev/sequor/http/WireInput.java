package dev.sequor.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The reading side of an {@link Http1Connection}: a buffer over the socket from which a response's head lines, its
 * headers and its body (a given length, chunked, or up to the connection's end) are read, each read waiting at most
 * until the request's deadline (the socket's timeout is set to what is left before every read from it). A deadline
 * passed is an HttpTimeoutException with an empty message, which the transport words.
 */
final class WireInput {

    /** The most a response's status line and headers may take: far above any API's, far below harm. */
    static final int MAX_HEAD_BYTES = 256 * 1024;

    private final Socket socket;
    private final InputStream in;
    private byte[] buf = new byte[16 * 1024];
    private int pos;
    private int lim;

    WireInput(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Whether bytes were received that nothing has read yet. */
    boolean hasUnread() {
        return lim > pos;
    }

    /** Reads more bytes into the buffer (growing it when full); -1 at the end of the stream. */
    int fill(long deadline) throws IOException {
        if (pos > 0 && pos == lim) {
            pos = lim = 0;
        }
        if (lim == buf.length) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            } else {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
        socket.setSoTimeout(timeoutMillis(deadline));
        int n = in.read(buf, lim, buf.length - lim);
        if (n > 0) {
            lim += n;
        }
        return n;
    }

    /** One line of a head without its CR LF; null if the stream ends before a byte of it. */
    String readHeadLine(long deadline, int[] headBytes) throws IOException {
        int scanned = pos;
        while (true) {
            for (int i = scanned; i < lim; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                    headBytes[0] += i + 1 - pos;
                    pos = i + 1;
                    return line;
                }
            }
            if (headBytes[0] + lim - pos > MAX_HEAD_BYTES) {
                throw new IOException("the response's status line and headers are larger than "
                        + MAX_HEAD_BYTES / 1024 + " KB");
            }
            int before = pos;
            scanned = lim;
            if (fill(deadline) < 0) {
                if (lim == pos && headBytes[0] == 0) {
                    return null;
                }
                throw new EOFException("the server closed the connection in the middle of its answer");
            }
            scanned -= before - pos;  // fill may have moved the unread bytes to the front
        }
    }

    Map<String, List<String>> readHeaders(long deadline, int[] headBytes) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String previous = null;
        for (String line = line(deadline, headBytes); !line.isEmpty(); line = line(deadline, headBytes)) {
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && previous != null) {
                // an obsolete folded line continues the previous header's value
                List<String> values = headers.get(previous);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;  // not a header: skipped, as lenient clients do
            }
            previous = line.substring(0, colon).strip();
            headers.computeIfAbsent(previous, k -> new ArrayList<>(1)).add(line.substring(colon + 1).strip());
        }
        return headers;
    }

    private String line(long deadline, int[] headBytes) throws IOException {
        try {
            String line = readHeadLine(deadline, headBytes);
            if (line == null) {
                throw new EOFException("the server closed the connection in the middle of its answer");
            }
            return line;
        } catch (SocketTimeoutException e) {
            throw timeout();
        }
    }

    byte[] readExactly(int length, long deadline) throws IOException {
        byte[] body = new byte[length];
        int have = Math.min(length, lim - pos);
        System.arraycopy(buf, pos, body, 0, have);
        pos += have;
        try {
            while (have < length) {
                socket.setSoTimeout(timeoutMillis(deadline));
                int n = in.read(body, have, length - have);
                if (n < 0) {
                    throw new EOFException("the server closed the connection after " + have + " of the " + length
                            + " bytes its Content-Length announced");
                }
                have += n;
            }
        } catch (SocketTimeoutException e) {
            throw timeout();
        }
        return body;
    }

    void skip(long length, long deadline) throws IOException {
        while (length > 0) {
            if (pos == lim && fill(deadline) < 0) {
                throw new EOFException("the proxy closed the connection");
            }
            int n = (int) Math.min(length, lim - pos);
            pos += n;
            length -= n;
        }
    }

    byte[] readChunked(long deadline, long limit) throws IOException {
        Growing body = new Growing(limit);
        int[] lineBytes = new int[1];
        try {
            while (true) {
                lineBytes[0] = 0;
                String sizeLine = line(deadline, lineBytes);
                int semicolon = sizeLine.indexOf(';');
                long size;
                try {
                    size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("the server's chunked body has a chunk size that is not a number: '"
                            + abbreviated(sizeLine) + "'");
                }
                if (size == 0) {
                    for (String trailer = line(deadline, lineBytes); !trailer.isEmpty();
                         trailer = line(deadline, lineBytes)) {
                        // trailers are not headers of the response (requests ignores them too)
                    }
                    return body.bytes();
                }
                body.ensure(size);
                while (size > 0) {
                    if (pos == lim && fill(deadline) < 0) {
                        throw new EOFException("the server closed the connection in the middle of a chunk");
                    }
                    int n = (int) Math.min(size, lim - pos);
                    body.add(buf, pos, n);
                    pos += n;
                    size -= n;
                }
                if (!line(deadline, lineBytes).isEmpty()) {
                    throw new IOException("the server's chunked body has a chunk longer than its size says");
                }
            }
        } catch (SocketTimeoutException e) {
            throw timeout();
        }
    }

    byte[] readToEnd(long deadline, long limit) throws IOException {
        Growing body = new Growing(limit);
        try {
            while (true) {
                if (lim > pos) {
                    body.ensure(lim - pos);
                    body.add(buf, pos, lim - pos);
                    pos = lim;
                }
                if (fill(deadline) < 0) {
                    return body.bytes();
                }
            }
        } catch (SocketTimeoutException e) {
            throw timeout();
        }
    }

    private static HttpTimeoutException timeout() {
        return new HttpTimeoutException("");
    }

    /** The socket timeout that ends a read at the deadline: at least 1 ms (0 would mean none). */
    static int timeoutMillis(long deadline) throws HttpTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw timeout();
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999)));
    }

    /** The start of a line from the server, for an error message. */
    static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    /** A body being collected, held to max_response_bytes. */
    private static final class Growing {
        private final long limit;
        private byte[] bytes = new byte[8 * 1024];
        private int size;

        Growing(long limit) {
            this.limit = limit;
        }

        void ensure(long more) {
            if (size + more > limit) {
                throw new ResponseTooLarge(limit);
            }
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(LimitedBody.MAX_LIMIT,
                        Math.max(size + more, (long) bytes.length * 2)));
            }
        }

        void add(byte[] from, int offset, int length) {
            System.arraycopy(from, offset, bytes, size, length);
            size += length;
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
