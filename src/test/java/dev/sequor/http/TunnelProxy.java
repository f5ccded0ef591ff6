package dev.sequor.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny HTTPS forward proxy on 127.0.0.1 for tests: it answers {@code CONNECT host:port} by opening a tunnel to that
 * address (on this machine only) and copying bytes both ways, and records each CONNECT line with its
 * Proxy-Authorization header, so a test can tell that https traffic went through it.
 */
final class TunnelProxy implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> connects = new CopyOnWriteArrayList<>();

    TunnelProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The CONNECT lines received, each followed by " auth=<Proxy-Authorization>" when one was sent. */
    List<String> connects() {
        return connects;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.submit(() -> tunnel(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try (client) {
            String head = readHead(client.getInputStream());
            String[] lines = head.split("\r\n");
            String[] request = lines[0].split(" ");
            if (!request[0].equals("CONNECT")) {
                client.getOutputStream().write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String auth = "";
            for (String line : lines) {
                if (line.regionMatches(true, 0, "Proxy-Authorization:", 0, 20)) {
                    auth = " auth=" + line.substring(20).strip();
                }
            }
            connects.add(lines[0] + auth);
            int port = Integer.parseInt(request[1].substring(request[1].lastIndexOf(':') + 1));
            try (Socket target = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                threads.submit(() -> copy(target, client));
                copy(client, target);
            }
        } catch (IOException e) {
            // the client or the target closed the tunnel
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' || b == '\n') && (matched % 2 == 0 ? b == '\r' : b == '\n') ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // one side went away; the other copy ends too
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
