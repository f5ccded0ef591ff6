package dev.sequor.http;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK HTTP clients of one run, one per distinct way of reaching hosts (proxy and TLS settings), each made on
 * first use and kept for the run: a run whose sources set neither proxy nor tls (and whose environment names no
 * proxy) has exactly one. Clients speak HTTP/1.1 and never follow redirects themselves ({@link RedirectFollower}
 * does, so credentials can be dropped on the way).
 */
final class LiveClients implements AutoCloseable {

    private record Route(ProxyAddress proxy, TlsSettings tls) {
    }

    /** Straight to the hosts, trusting the JVM's certificate authorities: the route of most runs' every request. */
    private static final Route DIRECT = new Route(null, TlsSettings.DEFAULT);

    private final Map<Route, HttpClient> clients = new ConcurrentHashMap<>();
    /** The {@link #DIRECT} client being made ahead of the first request ({@link #prepare()}); null if not asked. */
    private volatile CompletableFuture<HttpClient> prepared;

    /** The client going through {@code proxy} (null: directly) that trusts what {@code tls} says. */
    HttpClient client(ProxyAddress proxy, TlsSettings tls) {
        return clients.computeIfAbsent(new Route(proxy, tls), this::take);
    }

    /**
     * Starts making the direct client on a thread of its own, so the first request finds it ready: making it (the
     * JVM's default TLS context and its certificate authorities, the client's classes) takes about a tenth of a second
     * of a fresh JVM, which a run can spend on its other start-up work at the same time on a second core. Then warms
     * up the reading of JSON responses ({@link HttpResponseData#warmUp()}).
     */
    synchronized void prepare() {
        if (prepared == null) {
            CompletableFuture<HttpClient> made = new CompletableFuture<>();
            prepared = made;
            Thread.ofPlatform().daemon().name("sequor-http-warm-up").start(() -> {
                try {
                    made.complete(build(DIRECT));
                } catch (Throwable e) {
                    made.completeExceptionally(e);
                }
                // after the client is handed over: the first response then finds Jackson's reading warm
                try {
                    HttpResponseData.warmUp();
                } catch (RuntimeException e) {
                    // only ever a head start: the first response parses (and reports) for itself
                }
            });
        }
    }

    /** The client {@link #prepare()} is making, waited for; null when none was asked for. For tests. */
    HttpClient preparedClient() {
        CompletableFuture<HttpClient> made = prepared;
        return made == null ? null : made.join();
    }

    private HttpClient take(Route route) {
        CompletableFuture<HttpClient> made = prepared;
        if (route.equals(DIRECT) && made != null) {
            try {
                return made.join();
            } catch (CompletionException e) {
                // made again here, so a failure surfaces as the request's own, where the request is
            }
        }
        return build(route);
    }

    private static HttpClient build(Route route) {
        // read before the client exists, so a bad ca_file fails the request without leaving a client behind
        TrustManagerFactory trust = route.tls().trust();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(HttpSourceConfig.DEFAULT_TIMEOUT);
        ProxyAddress proxy = route.proxy();
        // NO_PROXY, not the default selector: the JVM's http.proxyHost properties must not route a direct request
        builder.proxy(proxy == null ? HttpClient.Builder.NO_PROXY
                : ProxySelector.of(new InetSocketAddress(proxy.host(), proxy.port())));
        if (route.tls().insecure()) {
            builder.sslContext(context(new TrustManager[] {TrustEveryServer.INSTANCE}));
        } else if (trust != null) {
            builder.sslContext(context(trust.getTrustManagers()));
        }
        return builder.build();
    }

    private static SSLContext context(TrustManager[] trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        CompletableFuture<HttpClient> made = prepared;
        if (made != null && !clients.containsKey(DIRECT)) {
            // made ahead but never used (every request went through a proxy): waited for, so it is closed too
            try {
                made.join().shutdownNow();
            } catch (CompletionException e) {
                // nothing was made
            }
        }
        // shutdownNow, not close: close waits for exchanges still under way, and a run that ends has none it wants
        clients.values().forEach(HttpClient::shutdownNow);
        clients.clear();
    }
}
