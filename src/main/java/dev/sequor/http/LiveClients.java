package dev.sequor.http;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.core.net.TrustOptions;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.jboss.resteasy.reactive.client.impl.ClientBuilderImpl;

/**
 * The Jakarta REST clients of one run, one per distinct way of reaching hosts (proxy and TLS settings), each made
 * on first use and kept for the run: a run whose sources set neither proxy nor tls (and whose environment names no
 * proxy) has exactly one. Clients never follow redirects themselves ({@link RedirectFollower} does, so credentials
 * can be dropped on the way).
 */
final class LiveClients implements AutoCloseable {

    private record Route(ProxyAddress proxy, TlsSettings tls) {
    }

    /** Straight to the hosts, trusting the JVM's certificate authorities: the route of most runs' every request. */
    private static final Route DIRECT = new Route(null, TlsSettings.DEFAULT);

    private final Map<Route, Client> clients = new ConcurrentHashMap<>();
    /** The {@link #DIRECT} client being made ahead of the first request ({@link #prepare()}); null if not asked. */
    private volatile CompletableFuture<Client> prepared;

    /** The client going through {@code proxy} (null: directly) that trusts what {@code tls} says. */
    Client client(ProxyAddress proxy, TlsSettings tls) {
        return clients.computeIfAbsent(new Route(proxy, tls), this::take);
    }

    /**
     * Starts making the direct client on a thread of its own, so the first request finds it ready: making it (the
     * REST client, its Vert.x, their classes) takes a few hundred milliseconds of a fresh JVM, which a run can spend
     * on its other start-up work at the same time on a second core. Then warms up the reading of JSON responses
     * ({@link HttpResponseData#warmUp()}).
     */
    synchronized void prepare() {
        if (prepared == null) {
            CompletableFuture<Client> made = new CompletableFuture<>();
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
    Client preparedClient() {
        CompletableFuture<Client> made = prepared;
        return made == null ? null : made.join();
    }

    private Client take(Route route) {
        CompletableFuture<Client> made = prepared;
        if (route.equals(DIRECT) && made != null) {
            try {
                return made.join();
            } catch (CompletionException e) {
                // made again here, so a failure surfaces as the request's own, where the request is
            }
        }
        return build(route);
    }

    private static Client build(Route route) {
        // read before the client exists, so a bad ca_file fails the request without leaving a client behind
        TrustManagerFactory trust = route.tls().trust();
        ClientBuilder builder = ClientBuilder.newBuilder()
                .connectTimeout(HttpSourceConfig.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!(builder instanceof ClientBuilderImpl quarkus)) {
            throw new IllegalStateException("expected the Quarkus REST client, found " + builder.getClass().getName());
        }
        quarkus.followRedirects(false);
        quarkus.property(CONNECTION_POOL_SIZE, MAX_CONNECTIONS_PER_HOST);
        quarkus.clientOptionsCustomizer(options -> configure(options, route, trust));
        return quarkus.build();
    }

    /**
     * Connections kept per host at most. The REST client's default, 50, silently capped parallel for_each rows at 50
     * requests in flight (the others waited for a connection, their timeout running); the real limits are the rows in
     * flight ({@code for_each.parallel}) and the source's {@code rate_limit.max_concurrency}. Connections are opened
     * only as needed.
     */
    static final int MAX_CONNECTIONS_PER_HOST = 1024;
    /** The client property the REST client sizes its connection pool by. */
    private static final String CONNECTION_POOL_SIZE = "io.quarkus.rest.client.connection-pool-size";

    /** Runs last in the builder, so it also overrides the JVM's http.proxyHost properties the builder falls back to. */
    private static void configure(HttpClientOptions options, Route route, TrustManagerFactory trust) {
        ProxyAddress proxy = route.proxy();
        if (proxy == null) {
            options.setProxyOptions(null);
        } else {
            ProxyOptions p = new ProxyOptions().setType(ProxyType.HTTP).setHost(proxy.host()).setPort(proxy.port());
            if (proxy.username() != null) {
                p.setUsername(proxy.username());
                p.setPassword(proxy.password() == null ? "" : proxy.password());
            }
            options.setProxyOptions(p);
        }
        if (route.tls().insecure()) {
            options.setTrustAll(true);
            options.setVerifyHost(false);
        } else if (trust != null) {
            options.setTrustOptions(TrustOptions.wrap(trust));
        }
    }

    @Override
    public void close() {
        CompletableFuture<Client> made = prepared;
        if (made != null && !clients.containsKey(DIRECT)) {
            // made ahead but never used (every request went through a proxy): waited for, so it is closed too
            try {
                made.join().close();
            } catch (CompletionException e) {
                // nothing was made
            }
        }
        clients.values().forEach(Client::close);
        clients.clear();
    }
}
