package dev.sequor.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on a raw socket whose every answer a test scripts, for faults a mock cannot time exactly: a
 * status (with headers), a connection reset, a connection closed without a byte, an answer later than the client's
 * timeout, or the server dying (its port closed, so every later connection is refused). Every answer closes the
 * connection ({@code Connection: close}), so each request arrives on a connection of its own and "refused" means
 * the request never reached the server. Requests are recorded, numbered from 1, as soon as they are read whole.
 * <pre>{@code
 * try (ScriptedApi api = ScriptedApi.start((n, request) -> n % 3 == 0 ? new Reply.Reset() : Reply.json("{}"))) { ... }
 * }</pre>
 */
public final class ScriptedApi implements AutoCloseable {

    /** A request as the server read it: method, path with query, body text. */
    public record Request(String method, String target, String body) {
    }

    /** What the server does with a request it has read. */
    public sealed interface Reply {

        static Reply json(String body) {
            return new Respond(200, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
        }

        /** An answer, sent after {@code delay}. */
        record Respond(int status, Map<String, String> headers, String body, Duration delay) implements Reply {
        }

        /** The connection reset (TCP RST) with no answer. */
        record Reset() implements Reply {
        }

        /** The connection closed without a byte of answer. */
        record Empty() implements Reply {
        }

        /** The server dies: its port closes (later connections are refused), then this request gets {@code last}. */
        record Die(Reply last) implements Reply {
        }
    }

    /** Chooses the reply to the {@code n}th request (from 1). */
    @FunctionalInterface
    public interface Script {
        Reply answer(int n, Request request);
    }

    private final ServerSocket listener;
    private final Script script;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Request> requests = new ArrayList<>();
    private final Thread acceptor;

    private ScriptedApi(Script script) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = Thread.ofPlatform().daemon().name("scripted-api").start(this::acceptAll);
    }

    public static ScriptedApi start(Script script) throws IOException {
        return new ScriptedApi(script);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Every request read so far, in order. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many requests had each (method, target, body), in order of first arrival. */
    public synchronized Map<String, Integer> countsBy(java.util.function.Function<Request, String> key) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        requests.forEach(r -> counts.merge(key.apply(r), 1, Integer::sum));
        return counts;
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            Request request = read(socket.getInputStream(), socket.getOutputStream());
            if (request == null) {
                return;
            }
            int n;
            synchronized (this) {
                requests.add(request);
                n = count.incrementAndGet();
            }
            reply(socket, script.answer(n, request));
        } catch (IOException | InterruptedException e) {
            // the client gave up (timeout) or the connection was cut on purpose: nothing left to answer
        }
    }

    private void reply(Socket socket, Reply reply) throws IOException, InterruptedException {
        switch (reply) {
            case Reply.Respond r -> {
                Thread.sleep(r.delay());
                byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
                StringBuilder head = new StringBuilder("HTTP/1.1 " + r.status() + " " + reason(r.status()) + "\r\n");
                r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
            case Reply.Reset r -> socket.setSoLinger(true, 0);
            case Reply.Empty e -> socket.shutdownOutput();
            case Reply.Die d -> {
                // close() only signals a thread blocked in accept(); the port stays open until that thread wakes,
                // and on a busy machine the next request could still be accepted. Once it has ended, it is closed.
                listener.close();
                acceptor.join();
                reply(socket, d.last());
            }
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /** Reads one request (Content-Length or chunked body); null when the connection closed before one arrived. */
    private static Request read(InputStream raw, OutputStream out) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        String[] parts = requestLine.split(" ");
        return new Request(parts[0], parts[1], body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        try {
            acceptor.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
