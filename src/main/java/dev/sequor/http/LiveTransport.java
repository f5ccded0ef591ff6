package dev.sequor.http;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends requests over the network with the Jakarta REST client of {@code quarkus-rest-client}. The
 * request's timeout bounds the whole exchange (connect, send, wait, read). Each request goes through the
 * client of its proxy (its source's, else the environment's for its URL) and TLS settings; redirects come
 * back as responses ({@link RedirectFollower} follows them). A body is read up to the source's max_response_bytes and
 * no further ({@link LimitedBody}).
 */
final class LiveTransport implements HttpTransport {

    private final LiveClients clients = new LiveClients();
    private final ProxyEnvironment proxies;

    static {
        // The client starts its own Vert.x, which by default copies class-path files into /tmp/vertx-cache.
        // Sequor serves no files; without class-path resolution Vert.x writes nothing there.
        if (System.getProperty("vertx.disableFileCPResolving") == null) {
            System.setProperty("vertx.disableFileCPResolving", "true");
        }
    }

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
        Client client = clients.client(proxy, connection.tls());
        Invocation.Builder builder = client.target(request.uri()).request();
        String contentType = null;
        for (Map.Entry<String, String> h : request.headers()) {
            if (h.getKey().equalsIgnoreCase("Content-Type")) {
                contentType = h.getValue();
            } else {
                builder.header(h.getKey(), h.getValue());
            }
        }
        Future<Response> pending;
        if (request.body() == null) {
            if (contentType != null) {
                // A flow may set Content-Type on a request without a body (a DELETE some APIs insist on); requests
                // sends it as given, so it goes out as a plain header.
                builder.header("Content-Type", contentType);
            }
            pending = builder.async().method(request.method(), Response.class);
        } else {
            MediaType type = contentType == null ? MediaType.APPLICATION_OCTET_STREAM_TYPE : MediaType.valueOf(contentType);
            pending = builder.async().method(request.method(), Entity.entity(request.body(), type), Response.class);
        }
        Duration timeout = request.timeout() == null ? HttpSourceConfig.DEFAULT_TIMEOUT : request.timeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Response response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            long limit = connection.maxResponseBytes();
            LimitedBody.checkDeclared(response.getLength(), limit);
            byte[] body = response.hasEntity() ? BodyDeadline.read(response.readEntity(InputStream.class), limit,
                    deadline - System.nanoTime(), () -> noResponse(timeout)) : new byte[0];
            Map<String, List<String>> headers = new java.util.LinkedHashMap<>(response.getStringHeaders());
            return new HttpResponseData(response.getStatus(), headers, body);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpTimeoutException(noResponse(timeout));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the response");
        } catch (ExecutionException e) {
            throw asIo(e.getCause());
        } catch (ProcessingException e) {
            throw asIo(e);
        }
    }

    private static IOException asIo(Throwable t) {
        Throwable root = t;
        while ((root instanceof ProcessingException || root instanceof ExecutionException) && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof javax.net.ssl.SSLException tls) {
            return TlsFailure.explained(tls);
        }
        if (root instanceof IOException io) {
            return io;
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new IOException(message, root);
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
