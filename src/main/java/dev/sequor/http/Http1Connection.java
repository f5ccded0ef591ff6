package dev.sequor.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 connection over a blocking socket (plain, TLS, or TLS inside a proxy's CONNECT tunnel), used by one
 * request at a time on the caller's own thread: the request goes out in one write, the response is read until its
 * framing (Content-Length, chunked, or the connection's end) says it is whole. Every read waits at most until the
 * request's deadline. Kept alive between requests by {@link ConnectionPool} (docs/decisions.md, "Sequor's own
 * HTTP/1.1 connections").
 */
final class Http1Connection implements AutoCloseable {

    /** The most a response's status line and headers may take: far above any API's, far below harm. */
    static final int MAX_HEAD_BYTES = 256 * 1024;

    private final Endpoint endpoint;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] buf = new byte[16 * 1024];
    private int pos;
    private int lim;
    private long idleSince;

    private Http1Connection(Endpoint endpoint, Socket socket) throws IOException {
        this.endpoint = endpoint;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** The response of one exchange: status, headers by case-insensitive name, body, and whether to keep the line. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body, boolean reusable) {
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /**
     * A new connection to the endpoint (through its proxy, with its TLS), ready for a request. Failing to reach the
     * server is a ConnectException (nothing was sent), as is a connect that took {@code connectMillis}.
     */
    static Http1Connection open(Endpoint endpoint, TlsContexts tls, String proxyAuthorization, long deadline,
                                long connectMillis) throws IOException {
        String host = endpoint.proxy() != null ? endpoint.proxy().host() : endpoint.bareHost();
        int port = endpoint.proxy() != null ? endpoint.proxy().port() : endpoint.port();
        Socket socket = connect(host, port, endpoint.proxy() != null, deadline, connectMillis);
        try {
            socket.setTcpNoDelay(true);
            Http1Connection plain = new Http1Connection(endpoint, socket);
            if (!endpoint.https()) {
                return plain;
            }
            if (endpoint.proxy() != null) {
                plain.tunnel(proxyAuthorization, deadline);
                if (plain.lim > plain.pos) {
                    throw new IOException("the proxy " + endpoint.proxy().host() + ":" + endpoint.proxy().port()
                            + " sent data of its own into the tunnel to " + endpoint.authority());
                }
            }
            return new Http1Connection(endpoint, handshake(socket, endpoint, tls, deadline));
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static Socket connect(String host, int port, boolean proxy, long deadline, long connectMillis)
            throws IOException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw (ConnectException) new ConnectException("unknown host " + host).initCause(e);
        }
        String what = proxy ? "proxy " + host + ":" + port : host + ":" + port;
        IOException last = null;
        // every address the name has, in the resolver's order (localhost may be ::1 first, the server on 127.0.0.1)
        for (InetAddress address : addresses) {
            long left = Math.min(connectMillis, millisLeft(deadline));
            if (left <= 0) {
                break;
            }
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), (int) Math.min(Integer.MAX_VALUE, left));
                return socket;
            } catch (SocketTimeoutException e) {
                closeQuietly(socket);
                throw (ConnectException) new ConnectException("no connection within "
                        + LiveTransport.seconds(left) + " s").initCause(e);
            } catch (IOException e) {
                closeQuietly(socket);
                last = e;
            }
        }
        ConnectException failed = new ConnectException("cannot connect to " + what);
        if (last != null) {
            failed.initCause(last);
        }
        throw failed;
    }

    /** Asks the proxy for a tunnel to the endpoint's origin; anything but a 2xx answer fails the request. */
    private void tunnel(String proxyAuthorization, long deadline) throws IOException {
        StringBuilder connect = new StringBuilder("CONNECT ").append(endpoint.authority()).append(" HTTP/1.1\r\nHost: ")
                .append(endpoint.authority()).append("\r\n");
        if (proxyAuthorization != null) {
            connect.append("Proxy-Authorization: ").append(proxyAuthorization).append("\r\n");
        }
        out.write(connect.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String statusLine = readHeadLine(deadline, new int[1]);
        if (statusLine == null) {
            throw new IOException("the proxy " + endpoint.proxy().host() + ":" + endpoint.proxy().port()
                    + " closed the connection instead of opening a tunnel to " + endpoint.authority());
        }
        int status = status(statusLine);
        Map<String, List<String>> headers = readHeaders(deadline, new int[] {statusLine.length()});
        if (status / 100 != 2) {
            throw new IOException("the proxy " + endpoint.proxy().host() + ":" + endpoint.proxy().port()
                    + " refused a tunnel to " + endpoint.authority() + " (" + statusLine.substring(
                            statusLine.indexOf(' ') + 1).strip() + ")");
        }
        long length = contentLength(headers);
        if (length > 0) {
            skip(length, deadline);
        }
    }

    private static SSLSocket handshake(Socket socket, Endpoint endpoint, TlsContexts tls, long deadline)
            throws IOException {
        String host = endpoint.bareHost();
        SSLSocket ssl = (SSLSocket) tls.factory(endpoint.tls()).createSocket(socket, host, endpoint.port(), true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");  // the certificate must name the host
        if (!host.contains(":") && !Character.isDigit(host.charAt(host.length() - 1))) {
            try {
                params.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException e) {
                // a name SNI cannot carry (an underscore): the handshake goes without it, as with requests
            }
        }
        ssl.setSSLParameters(params);
        ssl.setSoTimeout(timeoutMillis(deadline));
        ssl.startHandshake();
        return ssl;
    }

    /**
     * Sends {@code head} and {@code body} and reads the response. A failure before the response's first byte is a
     * {@link NoAnswer}; a deadline passed is an HttpTimeoutException with an empty message (the caller words it).
     */
    Answer exchange(byte[] head, byte[] body, boolean headRequest, boolean closeAfter, long deadline, long limit)
            throws IOException {
        try {
            if (body != null && body.length > 0 && head.length + body.length <= buf.length) {
                byte[] one = Arrays.copyOf(head, head.length + body.length);
                System.arraycopy(body, 0, one, head.length, body.length);
                out.write(one);
            } else {
                out.write(head);
                if (body != null && body.length > 0) {
                    WriteDeadline.write(socket, out, body, deadline);
                }
            }
            out.flush();
        } catch (IOException e) {
            if (e instanceof HttpTimeoutException) {
                throw e;
            }
            throw new NoAnswer(e.getMessage() != null ? e.getMessage() : "the connection failed while sending",
                    false, e);
        }
        int[] headBytes = new int[1];
        String statusLine;
        int status;
        Map<String, List<String>> headers;
        do {
            try {
                statusLine = readHeadLine(deadline, headBytes);
            } catch (SocketTimeoutException | HttpTimeoutException e) {
                throw timeout();
            } catch (IOException e) {
                if (headBytes[0] > 0) {
                    throw e;
                }
                throw new NoAnswer(e.getMessage() != null ? e.getMessage() : "the connection failed", true, e);
            }
            if (statusLine == null) {
                throw new NoAnswer("the server closed the connection without answering", true, null);
            }
            status = status(statusLine);
            headers = readHeaders(deadline, headBytes);
            // interim answers (100 Continue to an Expect, 103 Early Hints) precede the real one
        } while (status / 100 == 1 && status != 101);
        boolean http10 = statusLine.startsWith("HTTP/1.0");
        boolean close = closeAfter || http10 || has(headers, "Connection", "close");
        if (headRequest || status / 100 == 1 || status == 204 || status == 304) {
            return new Answer(status, headers, new byte[0], !close && status != 101);
        }
        List<String> coding = headers.get("Transfer-Encoding");
        if (coding != null && !coding.isEmpty()) {
            if (!coding.get(coding.size() - 1).strip().toLowerCase().endsWith("chunked")) {
                return new Answer(status, headers, readToEnd(deadline, limit), false);
            }
            return new Answer(status, headers, readChunked(deadline, limit), !close);
        }
        long length = contentLength(headers);
        if (length >= 0) {
            LimitedBody.checkDeclared(length, limit);
            return new Answer(status, headers, readExactly((int) length, deadline), !close);
        }
        return new Answer(status, headers, readToEnd(deadline, limit), false);
    }

    /** Whether the line is still open after a pause: a server may close a kept connection while it waits. */
    boolean stillOpen() {
        if (socket.isClosed() || lim > pos) {
            return false;  // bytes nobody asked for: the connection is out of step
        }
        try {
            socket.setSoTimeout(1);
            int n = in.read(buf, 0, buf.length);
            return n == 0;  // -1: closed; more: unasked bytes
        } catch (SocketTimeoutException e) {
            return true;  // nothing to read within a millisecond: open, and still usable
        } catch (IOException e) {
            return false;
        }
    }

    void idleFrom(long nanos) {
        idleSince = nanos;
    }

    long idleSince() {
        return idleSince;
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    // --- reading ---------------------------------------------------------------------------------------------------

    /** Reads more bytes into the buffer (growing it when full); -1 at the end of the stream. */
    private int fill(long deadline) throws IOException {
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
    private String readHeadLine(long deadline, int[] headBytes) throws IOException {
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

    private Map<String, List<String>> readHeaders(long deadline, int[] headBytes) throws IOException {
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

    private byte[] readExactly(int length, long deadline) throws IOException {
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

    private void skip(long length, long deadline) throws IOException {
        while (length > 0) {
            if (pos == lim && fill(deadline) < 0) {
                throw new EOFException("the proxy closed the connection");
            }
            int n = (int) Math.min(length, lim - pos);
            pos += n;
            length -= n;
        }
    }

    private byte[] readChunked(long deadline, long limit) throws IOException {
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

    private byte[] readToEnd(long deadline, long limit) throws IOException {
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

    // --- helpers -----------------------------------------------------------------------------------------------------

    private static int status(String statusLine) throws IOException {
        if (!statusLine.startsWith("HTTP/") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new IOException("the server's answer is not HTTP: '" + abbreviated(statusLine) + "'");
        }
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("the server's answer has no status code: '" + abbreviated(statusLine) + "'");
        }
    }

    /** The Content-Length header's value; -1 when absent. Values that disagree, or are not numbers, fail. */
    private static long contentLength(Map<String, List<String>> headers) throws IOException {
        List<String> values = headers.get("Content-Length");
        if (values == null || values.isEmpty()) {
            return -1;
        }
        long length = -1;
        for (String value : values) {
            for (String part : value.split(",")) {
                long n;
                try {
                    n = Long.parseLong(part.strip());
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 0 || (length >= 0 && n != length)) {
                    throw new IOException("the server's Content-Length is not one number: '" + abbreviated(value)
                            + "'");
                }
                length = n;
            }
        }
        return length;
    }

    private static boolean has(Map<String, List<String>> headers, String name, String token) {
        List<String> values = headers.get(name);
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (part.strip().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private static HttpTimeoutException timeout() {
        return new HttpTimeoutException("");
    }

    static long millisLeft(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    /** The socket timeout that ends a read at the deadline: at least 1 ms (0 would mean none). */
    private static int timeoutMillis(long deadline) throws HttpTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw timeout();
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999)));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing left to do with it
        }
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
