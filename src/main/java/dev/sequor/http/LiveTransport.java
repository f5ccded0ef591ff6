package dev.sequor.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Sends requests over the network with the JDK's {@link HttpClient} (docs/decisions.md, "The JDK's HTTP client").
 * The request's timeout bounds the whole exchange (connect, send, wait, read). Each request goes through the client
 * of its proxy (its source's, else the environment's for its URL) and TLS settings; redirects come back as
 * responses ({@link RedirectFollower} follows them). A body is read up to the source's max_response_bytes and no
 * further ({@link LimitedBody}).
 */
final class LiveTransport implements HttpTransport {

    private static final String RESTRICTED_ALLOWED = "jdk.httpclient.allowRestrictedHeaders";
    private static final String TUNNEL_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    static {
        // Headers a flow may set that the JDK client refuses by default. Python requests sends them as given, so
        // flows written for it do (a Host for a virtual host behind an IP, Connection: close). Read once by the
        // client's implementation when it is first used, which is after this. Content-Length stays the client's
        // (it is the body's), and Expect is asked for through the builder (outgoing).
        if (System.getProperty(RESTRICTED_ALLOWED) == null) {
            System.setProperty(RESTRICTED_ALLOWED, "host,connection,upgrade");
        }
        // Basic credentials of a proxy go on the CONNECT of an https tunnel as well (the JDK leaves them off by
        // default), as requests and curl send them.
        if (System.getProperty(TUNNEL_DISABLED_SCHEMES) == null) {
            System.setProperty(TUNNEL_DISABLED_SCHEMES, "");
        }
    }

    private final LiveClients clients = new LiveClients();
    private final ProxyEnvironment proxies;

    /** Proxies from the standard environment variables of this process. */
    LiveTransport() {
        this(ProxyEnvironment.system());
    }

    LiveTransport(ProxyEnvironment proxies) {
        this.proxies = proxies;
    }

    @Override
    public HttpResponseData send(HttpRequestData request) throws IOException {
        ConnectionSettings connection = request.connection();
        ProxyAddress proxy = connection.proxy() != null ? connection.proxy() : proxies.proxyFor(request.uri());
        HttpClient client = clients.client(proxy, connection.tls());
        Duration timeout = request.timeout() == null ? HttpSourceConfig.DEFAULT_TIMEOUT : request.timeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest outgoing = outgoing(request, proxy, timeout);
        HttpResponse<InputStream> response;
        try {
            response = client.send(outgoing, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            // a ConnectException, as a refused connection: nothing reached the server, so even a POST may go again
            throw (ConnectException) new ConnectException("no connection within "
                    + seconds(HttpSourceConfig.DEFAULT_TIMEOUT) + " s").initCause(e);
        } catch (HttpTimeoutException e) {
            throw new HttpTimeoutException(noResponse(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the response");
        } catch (IOException e) {
            throw explained(e, request, proxy);
        }
        try (InputStream body = response.body()) {
            long limit = connection.maxResponseBytes();
            LimitedBody.checkDeclared(response.headers().firstValueAsLong("Content-Length").orElse(-1), limit);
            byte[] bytes = BodyDeadline.read(body, limit, deadline - System.nanoTime(), () -> noResponse(timeout));
            bytes = ContentDecoding.decode(bytes, response.headers().allValues("Content-Encoding"), limit);
            return new HttpResponseData(response.statusCode(), new LinkedHashMap<>(response.headers().map()), bytes);
        } catch (IOException e) {
            throw explained(e, request, proxy);
        }
    }

    private static HttpRequest outgoing(HttpRequestData request, ProxyAddress proxy, Duration timeout)
            throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(timeout);
        boolean contentType = false;
        try {
            for (Map.Entry<String, String> h : request.headers()) {
                String name = h.getKey();
                if (name.equalsIgnoreCase("Content-Length")) {
                    continue;  // the body's own length goes out
                }
                if (name.equalsIgnoreCase("Expect") && h.getValue().trim().equalsIgnoreCase("100-continue")) {
                    builder.expectContinue(true);
                    continue;
                }
                contentType |= name.equalsIgnoreCase("Content-Type");
                builder.header(name, h.getValue());
            }
            if (request.body() != null && !contentType) {
                builder.header("Content-Type", "application/octet-stream");
            }
            if (proxy != null && proxy.username() != null && request.header("Proxy-Authorization") == null) {
                builder.header("Proxy-Authorization", BasicCredentials.header(proxy.username(), proxy.password()));
            }
            if (request.body() != null) {
                builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
            } else if (request.method().equals("GET")) {
                builder.GET();  // no Content-Length, as requests sends it
            } else if (request.method().equals("HEAD")) {
                builder.HEAD();
            } else {
                // Content-Length: 0, as requests sends it
                builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            // a header name or value HTTP cannot carry (a line break, a non-ASCII name)
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * A failure in words a user can act on, never without a message. The JDK client's failures to connect carry no
     * message (nor does their cause), so they name the address that could not be reached; a connection that closed
     * or was reset before a byte of answer reads "HTTP/1.1 header parser received no bytes", so the reason under it
     * is given instead; a TLS failure gets its explanation.
     */
    private static IOException explained(IOException e, HttpRequestData request, ProxyAddress proxy) {
        Throwable root = e;
        String firstMessage = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException tls) {
                return TlsFailure.explained(tls);
            }
            if (firstMessage == null) {
                firstMessage = t.getMessage();
            }
            root = t;
        }
        if (e instanceof ConnectException && e.getMessage() == null) {
            String message = root instanceof UnresolvedAddressException
                    ? "unknown host " + (proxy != null ? proxy.host() : request.uri().getHost())
                    : "cannot connect to " + (proxy != null ? "proxy " + proxy.host() + ":" + proxy.port()
                            : address(request.uri()));
            return (IOException) new ConnectException(message).initCause(e);
        }
        if (root instanceof EOFException) {
            return new IOException("the server closed the connection without answering", e);
        }
        if (root instanceof SocketException && root != e && root.getMessage() != null) {
            return new IOException(root.getMessage(), e);  // Connection reset, Broken pipe
        }
        if (e.getMessage() != null) {
            return e;
        }
        return new IOException(firstMessage != null ? firstMessage : e.getClass().getSimpleName(), e);
    }

    private static String address(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private static String noResponse(Duration timeout) {
        return "no response within " + seconds(timeout) + " s";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }

    /** Makes the direct client ahead, unless the environment names a proxy (requests may then never use it). */
    @Override
    public void prepare() {
        if (!proxies.any()) {
            clients.prepare();
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
