package dev.sequor.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A keep-alive HTTP/1.1 server on a raw socket whose every answer is bytes a test writes, for the wire details of
 * {@link Http1Connection}: chunked and close-delimited bodies, interim answers, header spelling, a kept connection
 * the server closes. Records each request's head and body with the number of the connection it came on (from 1).
 */
final class RawServer implements AutoCloseable {

    /** A request as read: the connection it came on, its head (request line and headers) and body. */
    record Seen(int connection, String head, String body) {
        String requestLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }
    }

    /** The bytes to answer the {@code n}th request (from 1) with, and whether to close the connection after them. */
    record Answer(String bytes, boolean close) {
        static Answer of(String bytes) {
            return new Answer(bytes, false);
        }
    }

    @FunctionalInterface
    interface Script {
        Answer answer(int n, Seen request);
    }

    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger count = new AtomicInteger();
    /** One permit per connection the server has closed after an answer that said to. */
    private final Semaphore closedByServer = new Semaphore(0);
    private final List<Seen> seen = new ArrayList<>();

    RawServer(Script script) throws IOException {
        this.script = script;
        Thread.ofPlatform().daemon().start(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    int connection = connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(socket, connection));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    int connections() {
        return connections.get();
    }

    /** Waits until the server has closed a connection after an answer (at most 5 s); whether it did. */
    boolean awaitClosedByServer() throws InterruptedException {
        return closedByServer.tryAcquire(5, TimeUnit.SECONDS);
    }

    private void serve(Socket socket, int connection) {
        boolean closing = false;
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = head(in);
                if (head == null) {
                    return;
                }
                int length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                Seen request = new Seen(connection, head, new String(in.readNBytes(length), StandardCharsets.UTF_8));
                int n;
                synchronized (this) {
                    seen.add(request);
                    n = count.incrementAndGet();
                }
                Answer answer = script.answer(n, request);
                out.write(answer.bytes().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (answer.close()) {
                    closing = true;
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            if (closing) {
                closedByServer.release();  // after try-with-resources closed the socket
            }
        }
    }

    /** The request line and headers up to the empty line; null when the connection ends first. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
