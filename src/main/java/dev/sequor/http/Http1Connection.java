package dev.sequor.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 connection over a blocking socket (plain, TLS, or TLS inside a proxy's CONNECT tunnel), used by one
 * request at a time on the caller's own thread: the request goes out in one write, the response is read until its
 * framing (Content-Length, chunked, or the connection's end) says it is whole ({@link WireInput} reads, each read
 * waiting at most until the request's deadline). Kept alive between requests by {@link ConnectionPool} (docs/decisions.md, "Sequor's own
 * HTTP/1.1 connections").
 */
final class Http1Connection implements AutoCloseable {

    /** A request whose head and body together fit this goes out in one write. */
    private static final int ONE_WRITE_BYTES = 16 * 1024;

    private final Endpoint endpoint;
    private final Socket socket;
    /** The TCP connection under any TLS: polled without blocking to see whether the server has closed it. */
    private final SocketChannel wire;
    private final WireInput in;
    private final OutputStream out;

    private Http1Connection(Endpoint endpoint, Socket socket, SocketChannel wire) throws IOException {
        this.endpoint = endpoint;
        this.socket = socket;
        this.wire = wire;
        this.in = new WireInput(socket);
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
            Http1Connection plain = new Http1Connection(endpoint, socket, socket.getChannel());
            if (!endpoint.https()) {
                return plain;
            }
            if (endpoint.proxy() != null) {
                plain.tunnel(proxyAuthorization, deadline);
                if (plain.in.hasUnread()) {
                    throw new IOException("the proxy " + endpoint.proxy().host() + ":" + endpoint.proxy().port()
                            + " sent data of its own into the tunnel to " + endpoint.authority());
                }
            }
            return new Http1Connection(endpoint, handshake(socket, endpoint, tls, deadline), socket.getChannel());
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
            // a channel's socket, so that stillOpen can look at it without blocking
            Socket socket = SocketChannel.open().socket();
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
        String statusLine = in.readHeadLine(deadline, new int[1]);
        if (statusLine == null) {
            throw new IOException("the proxy " + endpoint.proxy().host() + ":" + endpoint.proxy().port()
                    + " closed the connection instead of opening a tunnel to " + endpoint.authority());
        }
        int status = status(statusLine);
        Map<String, List<String>> headers = in.readHeaders(deadline, new int[] {statusLine.length()});
        if (status / 100 != 2) {
            throw new IOException("the proxy " + endpoint.proxy().host() + ":" + endpoint.proxy().port()
                    + " refused a tunnel to " + endpoint.authority() + " (" + statusLine.substring(
                            statusLine.indexOf(' ') + 1).strip() + ")");
        }
        long length = contentLength(headers);
        if (length > 0) {
            in.skip(length, deadline);
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
        ssl.setSoTimeout(WireInput.timeoutMillis(deadline));
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
            if (body != null && body.length > 0 && head.length + body.length <= ONE_WRITE_BYTES) {
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
                statusLine = in.readHeadLine(deadline, headBytes);
            } catch (SocketTimeoutException | HttpTimeoutException e) {
                throw new HttpTimeoutException("");
            } catch (IOException e) {
                if (headBytes[0] > 0 || in.hasUnread()) {
                    throw e;  // part of an answer came: not a connection that closed before answering
                }
                throw new NoAnswer(e.getMessage() != null ? e.getMessage() : "the connection failed", true, e);
            }
            if (statusLine == null) {
                throw new NoAnswer("the server closed the connection without answering", true, null);
            }
            status = status(statusLine);
            headers = in.readHeaders(deadline, headBytes);
            // interim answers (100 Continue to an Expect, 103 Early Hints) precede the real one
        } while (status / 100 == 1 && status != 101);
        boolean http10 = statusLine.startsWith("HTTP/1.0");
        boolean close = closeAfter || http10 || has(headers, "Connection", "close");
        if (headRequest || status / 100 == 1 || status == 204 || status == 304) {
            return new Answer(status, headers, new byte[0], !close && status != 101);
        }
        List<String> coding = headers.get("Transfer-Encoding");
        if (coding != null && !coding.isEmpty()) {
            if (!coding.get(coding.size() - 1).strip().toLowerCase(Locale.ROOT).endsWith("chunked")) {
                return new Answer(status, headers, in.readToEnd(deadline, limit), false);
            }
            return new Answer(status, headers, in.readChunked(deadline, limit), !close);
        }
        long length = contentLength(headers);
        if (length >= 0) {
            LimitedBody.checkDeclared(length, limit);
            return new Answer(status, headers, in.readExactly((int) length, deadline), !close);
        }
        return new Answer(status, headers, in.readToEnd(deadline, limit), false);
    }

    /**
     * Whether the kept line can carry another request: a server may close it while it waits, or right after its
     * answer without saying so. Looked at without blocking, as urllib3 does before every reuse: an end of stream, an
     * error, or bytes nobody asked for (a TLS close_notify among them) say it cannot; nothing to read says it can.
     */
    boolean stillOpen() {
        if (socket.isClosed() || in.hasUnread()) {
            return false;
        }
        try {
            wire.configureBlocking(false);
            try {
                return wire.read(ByteBuffer.allocate(1)) == 0;
            } finally {
                wire.configureBlocking(true);
            }
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static int status(String statusLine) throws IOException {
        if (!statusLine.startsWith("HTTP/") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new IOException("the server's answer is not HTTP: '" + WireInput.abbreviated(statusLine)
                    + "'");
        }
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("the server's answer has no status code: '"
                    + WireInput.abbreviated(statusLine) + "'");
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
                    throw new IOException("the server's Content-Length is not one number: '"
                            + WireInput.abbreviated(value) + "'");
                }
                length = n;
            }
        }
        return length;
    }

    /** Whether a header lists {@code token} among its comma-separated values (Connection: close). */
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

    private static long millisLeft(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing left to do with it
        }
    }
}
