import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes the JDK AOT cache {@code target/quarkus-app/sequor.aot} that {@code target/sequor} uses (JEP 483/514/515).
 * Run by the build after the application is packaged ({@code java src/aot/TrainAot.java TARGET_DIR}), and by
 * {@code scripts/install} for the installed copy ({@code java src/aot/TrainAot.java WORK_DIR SOURCES TOOL_DIR}, where
 * TOOL_DIR holds {@code bin/sequor} and {@code lib/quarkus-app}): the launcher uses a cache only in the folder it was
 * trained in (docs/decisions.md, "The AOT cache only where it was trained").
 *
 * <p>The cache is trained on one whole, representative run, not on start-up alone: a flow
 * ({@code src/aot/project/flows/train.yaml}) with constant and Jinja prints, DuckDB statements and transforms,
 * paginated HTTP GETs (a while loop, and declarative pagination with a path) and a for_each POST against a mock
 * API served here on 127.0.0.1, control ops and run_flow, and pages landed into a PostgreSQL source whose "server"
 * is served here too (the driver, the pool, COPY and the commit's SQL, without a PostgreSQL). One process only,
 * because one JVM run writes one cache. The run goes through the launcher itself
 * ({@code SEQUOR_AOT_TRAIN}), so the cache is made with exactly the JVM options it will be used with.
 *
 * <p>Before training, the jars' class files older than Java 6, which a cache cannot hold, are rewritten with stack map
 * frames ({@code CacheableClasses}).
 *
 * <p>No cache is made (and the build goes on) on JDKs before 25, which cannot write one, and where there is no
 * {@code sh} to run the launcher. A failing training run fails the build: a broken flow path should not ship.
 */
public class TrainAot {

    /** What train.yaml asks the mock API for: 11 GETs of pages (4 into PostgreSQL), two for_each loops of 20 POSTs. */
    private static final int EXPECTED_REQUESTS = 51;

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "target").toAbsolutePath();
        Path sources = Path.of(args.length > 1 ? args[1] : "src/aot/project").toAbsolutePath();
        Path tool = args.length > 2 ? Path.of(args[2]).toAbsolutePath() : null;
        Path launcher = tool != null ? tool.resolve("bin/sequor") : target.resolve("sequor");
        Path app = tool != null ? tool.resolve("lib/quarkus-app") : target.resolve("quarkus-app");
        Path cache = app.resolve("sequor.aot");
        Files.deleteIfExists(cache);
        Files.deleteIfExists(Path.of(cache + ".release"));
        Files.deleteIfExists(Path.of(cache + ".app-folder"));
        if (Runtime.version().feature() < 25) {
            System.out.println("[aot] Java " + Runtime.version() + " cannot write an AOT cache (needs 25+): skipped");
            return;
        }
        if (!Files.isExecutable(Path.of("/bin/sh")) || !Files.isRegularFile(launcher)) {
            System.out.println("[aot] no /bin/sh or no " + launcher + ": AOT cache skipped");
            return;
        }
        makeOldClassesCacheable(sources.getParent().resolve("CacheableClasses.java"), app.resolve("lib/main"));
        Path work = target.resolve("aot-training");
        deleteTree(work);
        Path project = work.resolve("project");
        copyTree(sources, project);
        Path home = work.resolve("home");
        Files.createDirectories(home.resolve("envs"));

        AtomicInteger requests = new AtomicInteger();
        HttpServer mock = mockApi(requests);
        mock.start();
        AtomicInteger postgresQueries = new AtomicInteger();
        ServerSocket postgres = trainingPostgres(postgresQueries);
        try {
            String baseUrl = "http://127.0.0.1:" + mock.getAddress().getPort();
            Files.writeString(home.resolve("envs/train.yaml"), "variables:\n  base_url: \"" + baseUrl + "\"\n"
                    + "  postgres_port: " + postgres.getLocalPort() + "\n");
            long t0 = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", launcher.toString(), "run", "train", "-p",
                    project.toString(), "--home-dir", home.toString(), "--env", "train", "-q")
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("training.log").toFile());
            pb.environment().put("SEQUOR_AOT_TRAIN", cache.toString());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            pb.environment().remove("SEQUOR_JAVA");
            pb.environment().remove("SEQUOR_JAVA_OPTS");
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("the AOT training run did not finish within 10 minutes");
            }
            String log = Files.readString(work.resolve("training.log"));
            // 11 pages + 2 x 20 POSTs, and the PostgreSQL query that fails after the pages landed there: anything
            // else means the run did not go where the cache should learn from
            // the launcher uses the cache only in the folder named in .app-folder, which it writes when it trains
            if (p.exitValue() != 0 || requests.get() != EXPECTED_REQUESTS || postgresQueries.get() == 0
                    || !Files.isRegularFile(cache)
                    || !Files.isRegularFile(Path.of(cache + ".app-folder"))) {
                throw new IllegalStateException("the AOT training run failed (exit " + p.exitValue() + ", "
                        + requests.get() + " of " + EXPECTED_REQUESTS + " mock requests, " + postgresQueries.get()
                        + " PostgreSQL queries, cache " + (Files.isRegularFile(cache) ? "written" : "missing")
                        + "); its output, also in " + work.resolve("training.log") + ":\n" + log);
            }
            Path shown = cache.startsWith(target) ? target.relativize(cache) : cache;
            System.out.printf("[aot] trained %s (%d MB) in %.1f s%n", shown, Files.size(cache) >> 20,
                    (System.nanoTime() - t0) / 1e9);
        } finally {
            mock.stop(0);
            postgres.close();
        }
    }

    /**
     * Runs {@code CacheableClasses} on the application's jars (a program of its own: it needs JDK 24's Class-File API,
     * and this file must still compile on older JDKs, which skip the cache), so that the cache can hold picocli's and
     * Jinjava's Java 5 classes.
     */
    private static void makeOldClassesCacheable(Path program, Path lib) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                program.toString(), lib.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(program.getFileName() + " failed (exit " + p.exitValue() + ")");
        }
    }

    /**
     * A PostgreSQL "server" that accepts every login without a password, after declining encryption, and answers
     * queries as {@link PostgresAnswers} says, so that the training run loads the driver, the pool and the driver's
     * query and COPY protocols without a real server; counts the queries it failed.
     */
    private static ServerSocket trainingPostgres(AtomicInteger failedQueries) throws IOException {
        ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("training-postgres").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofPlatform().daemon().start(() -> servePostgres(s, failedQueries));
                } catch (IOException e) {
                    // closed at the end of the training
                }
            }
        });
        return server;
    }

    private static void servePostgres(Socket socket, AtomicInteger failedQueries) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (true) { // SSLRequest or GSSENCRequest first: no encryption here; then the startup message
                byte[] packet = new byte[in.readInt() - 4];
                in.readFully(packet);
                int code = ((packet[0] & 0xff) << 24) | ((packet[1] & 0xff) << 16) | ((packet[2] & 0xff) << 8)
                        | (packet[3] & 0xff);
                if (packet.length == 4 && (code == 80877103 || code == 80877104)) {
                    out.write('N');
                    out.flush();
                    continue;
                }
                break;
            }
            message(out, 'R', new byte[4]); // AuthenticationOk
            for (String[] p : new String[][] {{"server_version", "16.0"}, {"client_encoding", "UTF8"},
                    {"DateStyle", "ISO, MDY"}, {"integer_datetimes", "on"}, {"standard_conforming_strings", "on"},
                    {"TimeZone", "UTC"}}) {
                message(out, 'S', (p[0] + "\0" + p[1] + "\0").getBytes(StandardCharsets.UTF_8));
            }
            message(out, 'K', new byte[] {0, 0, 0, 1, 0, 0, 0, 2}); // BackendKeyData
            message(out, 'Z', new byte[] {'I'});
            out.flush();
            PostgresAnswers answers = new PostgresAnswers(out, failedQueries);
            while (true) {
                int type = in.read();
                if (type < 0 || type == 'X') {
                    return; // Terminate
                }
                byte[] body = new byte[in.readInt() - 4];
                in.readFully(body);
                answers.answer((char) type, body);
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /**
     * The fake server's side of the extended and simple query protocols, one message at a time: {@code SET} and
     * other commands succeed with their tag, {@code SHOW} answers one row ("read committed": the pool asks for the
     * isolation level), a {@code SELECT} or {@code WITH} answers no rows, {@code COPY ... FROM STDIN} takes the data
     * and counts it, and a query naming the table {@code training} fails (then the rest up to Sync is skipped, as a
     * server does). The transaction status follows BEGIN, COMMIT, ROLLBACK and errors.
     */
    private static final class PostgresAnswers {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

        private final DataOutputStream out;
        private final AtomicInteger failedQueries;
        private String parsed = "";
        private boolean skipToSync;
        private char status = 'I';
        private int copied;

        PostgresAnswers(DataOutputStream out, AtomicInteger failedQueries) {
            this.out = out;
            this.failedQueries = failedQueries;
        }

        void answer(char type, byte[] body) throws IOException {
            switch (type) {
                case 'P' -> { // Parse: the statement's name, then the query
                    int from = indexOfZero(body, 0) + 1;
                    parsed = new String(body, from, indexOfZero(body, from) - from, StandardCharsets.UTF_8).strip();
                    if (!skipToSync) {
                        message(out, '1', new byte[0]); // ParseComplete
                    }
                }
                case 'B' -> {
                    if (!skipToSync) {
                        message(out, '2', new byte[0]); // BindComplete
                    }
                }
                case 'D' -> { // Describe a statement (its parameters, then its columns) or a portal (its columns)
                    if (!skipToSync) {
                        if (body[0] == 'S') {
                            parameters(parsed);
                        }
                        describe(parsed);
                    }
                }
                case 'E' -> {
                    if (!skipToSync) {
                        run(parsed, false);
                    }
                }
                case 'C' -> message(out, '3', new byte[0]); // CloseComplete
                case 'H' -> out.flush();
                case 'S' -> {
                    skipToSync = false;
                    ready();
                }
                case 'Q' -> {
                    String query = new String(body, 0, indexOfZero(body, 0), StandardCharsets.UTF_8).strip();
                    if (query.isEmpty()) {
                        message(out, 'I', new byte[0]); // EmptyQueryResponse
                    } else {
                        if (returnsRows(query)) {
                            describe(query);
                        }
                        run(query, true);
                    }
                    if (!query.regionMatches(true, 0, "COPY ", 0, 5)) {
                        ready();
                    }
                }
                case 'd' -> copied += count(body, (byte) '\n'); // CopyData
                case 'c', 'f' -> { // CopyDone, CopyFail
                    message(out, 'C', ("COPY " + copied + "\0").getBytes(StandardCharsets.UTF_8));
                    copied = 0;
                    ready();
                }
                default -> { }
            }
        }

        private static boolean returnsRows(String query) {
            return startsWith(query, "SELECT") || startsWith(query, "WITH") || startsWith(query, "SHOW")
                    || startsWith(query, "VALUES");
        }

        /** ParameterDescription: as many text parameters as the query has {@code $n} placeholders. */
        private void parameters(String query) throws IOException {
            int n = 0;
            Matcher m = PLACEHOLDER.matcher(query);
            while (m.find()) {
                n = Math.max(n, Integer.parseInt(m.group(1)));
            }
            ByteArrayOutputStream types = new ByteArrayOutputStream();
            DataOutputStream t = new DataOutputStream(types);
            t.writeShort(n);
            for (int i = 0; i < n; i++) {
                t.writeInt(25); // text
            }
            message(out, 't', types.toByteArray());
        }

        private void describe(String query) throws IOException {
            if (!returnsRows(query)) {
                message(out, 'n', new byte[0]); // NoData
                return;
            }
            ByteArrayOutputStream columns = new ByteArrayOutputStream();
            DataOutputStream c = new DataOutputStream(columns);
            c.writeShort(1);
            c.write("setting\0".getBytes(StandardCharsets.UTF_8));
            c.writeInt(0);
            c.writeShort(0);
            c.writeInt(25); // text
            c.writeShort(-1);
            c.writeInt(-1);
            c.writeShort(0);
            message(out, 'T', columns.toByteArray()); // RowDescription
        }

        private void run(String query, boolean simple) throws IOException {
            if (query.isEmpty()) {
                message(out, 'I', new byte[0]); // EmptyQueryResponse
            } else if (query.toLowerCase(Locale.ROOT).contains("training")) {
                failedQueries.incrementAndGet();
                message(out, 'E', "SERROR\0VERROR\0C42P01\0Mrelation \"training\" does not exist\0\0"
                        .getBytes(StandardCharsets.UTF_8));
                skipToSync = !simple;
                status = status == 'T' ? 'E' : status;
            } else if (startsWith(query, "COPY")) {
                message(out, 'G', new byte[] {0, 0, 0}); // CopyInResponse: text, no column formats
            } else if (startsWith(query, "SHOW")) {
                byte[] value = "read committed".getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream row = new ByteArrayOutputStream();
                DataOutputStream r = new DataOutputStream(row);
                r.writeShort(1);
                r.writeInt(value.length);
                r.write(value);
                message(out, 'D', row.toByteArray()); // DataRow
                message(out, 'C', "SHOW\0".getBytes(StandardCharsets.UTF_8));
            } else {
                String verb = query.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                String tag = switch (verb) {
                    case "SELECT", "WITH", "VALUES" -> "SELECT 0";
                    case "INSERT" -> "INSERT 0 0";
                    case "UPDATE", "DELETE", "MERGE" -> verb + " 0";
                    default -> verb;
                };
                if (verb.equals("BEGIN") || verb.equals("START")) {
                    status = 'T';
                } else if (verb.equals("COMMIT") || verb.equals("ROLLBACK") || verb.equals("END")) {
                    status = 'I';
                }
                message(out, 'C', (tag + "\0").getBytes(StandardCharsets.UTF_8));
            }
        }

        private void ready() throws IOException {
            message(out, 'Z', new byte[] {(byte) status});
            out.flush();
        }

        private static boolean startsWith(String query, String word) {
            return query.regionMatches(true, 0, word, 0, word.length());
        }

        private static int count(byte[] bytes, byte b) {
            int n = 0;
            for (byte x : bytes) {
                n += x == b ? 1 : 0;
            }
            return n;
        }
    }

    private static void message(DataOutputStream out, char type, byte[] body) throws IOException {
        out.write(type);
        out.writeInt(body.length + 4);
        out.write(body);
    }

    private static int indexOfZero(byte[] bytes, int from) {
        int i = from;
        while (bytes[i] != 0) {
            i++;
        }
        return i;
    }

    /** GET /items?page=N (3 pages of 100 records, then an empty one) and POST /sync/ID, counting requests. */
    private static HttpServer mockApi(AtomicInteger requests) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/items", ex -> {
            requests.incrementAndGet();
            String query = ex.getRequestURI().getRawQuery();
            int page = query != null && query.startsWith("page=") ? Integer.parseInt(query.substring(5)) : 1;
            StringBuilder body = new StringBuilder("{\"page\":").append(page).append(",\"data\":[");
            for (int i = 0; page <= 3 && i < 100; i++) {
                int id = (page - 1) * 100 + i + 1;
                body.append(i == 0 ? "" : ",").append("{\"id\":").append(id).append(",\"sku\":\"SKU-").append(id)
                        .append("\",\"price\":\"").append(id % 97).append(".50\",\"tags\":[\"a\",\"b\"]}");
            }
            body.append("],\"next\":").append(page < 3 ? String.valueOf(page + 1) : "null").append('}');
            reply(ex, body.toString());
        });
        server.createContext("/sync/", ex -> {
            requests.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            reply(ex, "{\"ok\":true}");
        });
        return server;
    }

    private static void reply(HttpExchange ex, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(f);
                }
            }
        }
    }
}
