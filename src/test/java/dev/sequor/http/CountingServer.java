package dev.sequor.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A tiny HTTP server on 127.0.0.1 that measures what a client does to it: when each request for a path arrived
 * (System.nanoTime()) and the most requests it ever held at once. Each request is held for {@code delay} before it is
 * answered; the in-flight count drops before the answer is written, so a client can never be counted twice.
 */
final class CountingServer implements AutoCloseable {

    /** A canned answer: status and headers. */
    record Answer(int status, Map<String, String> headers) {

        static final Answer OK = new Answer(200, Map.of());
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Duration delay;
    private final IntFunction<Answer> answers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger count = new AtomicInteger();
    private record Arrival(String path, long nanos) {
    }

    private final List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());

    /** {@code answers} gets the 0-based number of each request in arrival order. */
    CountingServer(Duration delay, IntFunction<Answer> answers) throws IOException {
        this.delay = delay;
        this.answers = answers;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        synchronized (this) {
            arrivals.add(new Arrival(exchange.getRequestURI().getPath(), System.nanoTime()));
            answer = answers.apply(count.getAndIncrement());
        }
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            exchange.getRequestBody().readAllBytes();
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    /** Arrival times of the requests for {@code path}, in milliseconds after the first of them, in order. */
    List<Double> arrivalMillis(String path) {
        List<Long> times;
        synchronized (arrivals) {
            times = arrivals.stream().filter(a -> a.path().equals(path)).map(Arrival::nanos).sorted().toList();
        }
        return times.stream().map(t -> (t - times.get(0)) / 1e6).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
