package dev.sequor.http;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.core.net.TrustOptions;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.util.Map;
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

    private final Map<Route, Client> clients = new ConcurrentHashMap<>();

    /** The client going through {@code proxy} (null: directly) that trusts what {@code tls} says. */
    Client client(ProxyAddress proxy, TlsSettings tls) {
        return clients.computeIfAbsent(new Route(proxy, tls), LiveClients::build);
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
        clients.values().forEach(Client::close);
        clients.clear();
    }
}
