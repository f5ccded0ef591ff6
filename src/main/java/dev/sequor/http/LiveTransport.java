package dev.sequor.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;

/**
 * Sends requests over the network on HTTP/1.1 connections of its own ({@link Http1Connection}, kept alive per
 * endpoint in a {@link ConnectionPool}), on the calling thread (docs/decisions.md, "Sequor's own HTTP/1.1
 * connections"). The request's timeout bounds the whole exchange (connect, send, wait, read). Each request goes
 * through its proxy (its source's, else the environment's for its URL) with its TLS settings; redirects come back as
 * responses ({@link RedirectFollower} follows them). A body is read up to the source's max_response_bytes and no
 * further, then decoded as its Content-Encoding says ({@link ContentDecoding}).
 */
final class LiveTransport implements HttpTransport {

    /** Methods RFC 9110 calls idempotent: sent again when a kept connection turns out closed after the request. */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    private final ConnectionPool pool;
    private final TlsContexts tls = new TlsContexts();
    private final ProxyEnvironment proxies;
    private final AtomicBoolean prepared = new AtomicBoolean();
    private final CompletableFuture<Boolean> tlsExpected = new CompletableFuture<>();
    private volatile Thread warmUp;

    /** Proxies from the standard environment variables of this process. */
    LiveTransport() {
        this(ProxyEnvironment.system());
    }

    LiveTransport(ProxyEnvironment proxies) {
        this(proxies, new ConnectionPool());
    }

    /** With {@code pool} keeping the connections (tests check kept connections sooner than a second). */
    LiveTransport(ProxyEnvironment proxies, ConnectionPool pool) {
        this.proxies = proxies;
        this.pool = pool;
    }

    @Override
    public HttpResponseData send(HttpRequestData request) throws IOException {
        ConnectionSettings connection = request.connection();
        ProxyAddress proxy = connection.proxy() != null ? connection.proxy() : proxies.proxyFor(request.uri());
        Duration timeout = request.timeout() == null ? HttpSourceConfig.DEFAULT_TIMEOUT : request.timeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        Endpoint endpoint = Endpoint.of(request.uri(), proxy, connection.tls());
        String proxyAuthorization = proxyAuthorization(request, proxy);
        byte[] head = RequestHead.of(request, endpoint, proxyAuthorization);
        boolean closeAfter = "close".equalsIgnoreCase(request.header("Connection"));
        boolean headRequest = request.method().equals("HEAD");
        Http1Connection c = pool.take(endpoint);
        try {
            while (true) {
                boolean kept = c != null;
                if (c == null) {
                    c = Http1Connection.open(endpoint, tls, proxyAuthorization, deadline,
                            HttpSourceConfig.DEFAULT_TIMEOUT.toMillis());
                }
                try {
                    Http1Connection.Answer answer = c.exchange(head, request.body(), headRequest, closeAfter, deadline,
                            connection.maxResponseBytes());
                    if (answer.reusable()) {
                        pool.giveBack(c);
                    } else {
                        c.close();
                    }
                    c = null;
                    byte[] body = ContentDecoding.decode(answer.body(),
                            answer.headers().getOrDefault("Content-Encoding", List.of()),
                            connection.maxResponseBytes());
                    return new HttpResponseData(answer.status(), answer.headers(), body);
                } catch (NoAnswer e) {
                    c.close();
                    c = null;
                    // a kept connection the server had closed: the request did not reach it whole (or, for a
                    // method that may be repeated, it does not matter), so it goes once more on a new connection
                    if (!kept || (e.written() && !IDEMPOTENT.contains(request.method()))) {
                        throw e;
                    }
                }
            }
        } catch (HttpTimeoutException | SocketTimeoutException e) {
            throw new HttpTimeoutException(noResponse(timeout));
        } catch (IOException e) {
            throw explained(e);
        } finally {
            if (c != null) {
                c.close();
            }
        }
    }

    /**
     * The Proxy-Authorization a proxied request carries: the flow's own, else Basic credentials of the proxy's
     * address. It goes on the request to a plain-http proxy and on the CONNECT of a tunnel (never to the origin).
     */
    private static String proxyAuthorization(HttpRequestData request, ProxyAddress proxy) {
        if (proxy == null) {
            return null;
        }
        String own = request.header("Proxy-Authorization");
        if (own != null) {
            return own;
        }
        return proxy.username() == null ? null : BasicCredentials.header(proxy.username(), proxy.password());
    }

    /**
     * A failure in words a user can act on, never without a message: a connection that closed before a byte of
     * answer says so, a reset or broken connection gives its reason, a TLS failure gets its explanation.
     */
    private static IOException explained(IOException e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException tls) {
                return TlsFailure.explained(tls);
            }
            root = t;
        }
        if (e instanceof ConnectException) {
            return e;
        }
        if (e instanceof NoAnswer) {
            if (root instanceof SocketException && root.getMessage() != null) {
                return new IOException(root.getMessage(), e);  // Connection reset, Broken pipe
            }
            if (root == e || root instanceof EOFException) {
                return new IOException("the server closed the connection without answering", e);
            }
        }
        if (e.getMessage() != null) {
            return e;
        }
        return new IOException(root.getMessage() != null ? root.getMessage() : e.getClass().getSimpleName(), e);
    }

    private static String noResponse(Duration timeout) {
        return "no response within " + seconds(timeout) + " s";
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }

    static String seconds(long millis) {
        return seconds(Duration.ofMillis(millis));
    }

    /**
     * Warms up, on a thread of its own while the run starts on the other core, what the first request and the first
     * response would otherwise wait for: Jackson's reading of JSON ({@link HttpResponseData#warmUp()}), then the
     * JVM's default TLS context (its certificate authorities), unless the environment names a proxy or the run's
     * requests all go to plain http URLs ({@link #expectTls}): there the context would only take CPU from the run.
     */
    @Override
    public void prepare() {
        if (prepared.getAndSet(true)) {
            return;
        }
        warmUp = Thread.ofPlatform().daemon().name("sequor-http-warm-up").start(() -> {
            try {
                HttpResponseData.warmUp();
                if (!proxies.any() && tlsExpected()) {
                    tls.warmDefault();
                }
            } catch (RuntimeException e) {
                // only ever a head start: the first request and response do the same work and report failures
            }
        });
    }

    @Override
    public void expectTls(boolean likely) {
        tlsExpected.complete(likely);
    }

    /** For tests: waits for the warm-up {@link #prepare} started, then says whether it made the default TLS context. */
    boolean warmedDefaultTls() throws InterruptedException {
        warmUp.join();
        return tls.madeDefault();
    }

    /**
     * Waits for the guess, which comes once the flow is parsed; without one in a few seconds (a flow that only
     * mentions http_request, say) the context is left to the first https connection.
     */
    private boolean tlsExpected() {
        try {
            return tlsExpected.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
