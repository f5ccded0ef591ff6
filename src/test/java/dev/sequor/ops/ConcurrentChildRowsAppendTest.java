package dev.sequor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sequor.testing.FlowProject;
import dev.sequor.testing.FlowTestDatabase;
import dev.sequor.testing.MySqlTestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two runs appending to the same {@code child_tables} parent (no key, so rows are numbered by {@code _row}) at once,
 * on PostgreSQL and MariaDB: run A numbers its first page, then waits for its second while run B appends and commits;
 * A's rows must still get numbers past B's, and every child row must still point at its own parent.
 */
class ConcurrentChildRowsAppendTest {

    @RegisterExtension
    static final FlowTestDatabase pg = new FlowTestDatabase("sequor_concurrent_rows");

    @TempDir
    Path tmp;

    private HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch secondPageOfAAsked = new CountDownLatch(1);
    private final CountDownLatch releaseA = new CountDownLatch(1);
    private FlowProject project;
    private MySqlTestDatabase maria;

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        server.setExecutor(handlers);
        server.createContext("/orders", this::orders);
        server.start();
    }

    /** The project on {@code database}: PostgreSQL, or MariaDB in a database of its own. */
    private void project(String database) throws IOException {
        String base = "base: \"http://127.0.0.1:" + server.getAddress().getPort() + "\"";
        if (database.equals("postgres")) {
            project = FlowProject.create(tmp, FlowProject.Db.POSTGRES, pg.name(), base);
            return;
        }
        maria = MySqlTestDatabase.createDatabase();
        project = FlowProject.create(tmp, FlowProject.Db.DUCKDB, null, base);
        Files.writeString(tmp.resolve("project/sources/stage.yaml"), "type: mysql\nconn_str: \""
                + MySqlTestDatabase.url(maria.database()) + "\"\nusername: \"" + MySqlTestDatabase.user()
                + "\"\npassword: \"" + MySqlTestDatabase.password() + "\"\n");
    }

    private List<List<String>> rows(String sql) throws SQLException {
        if (maria == null) {
            return project.rows(sql);
        }
        try (Connection c = MySqlTestDatabase.connect(maria.database()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            while (rs.next()) {
                out.add(List.of(rs.getString(1), rs.getString(2)));
            }
            return out;
        }
    }

    @AfterEach
    void tearDown() {
        if (maria != null) {
            maria.close();
        }
        releaseA.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    /** {@code /orders/WHO?page=N}: two orders with one line each on page 1, none on page 2 (A's waits for B). */
    private void orders(HttpExchange exchange) throws IOException {
        String who = exchange.getRequestURI().getPath().substring("/orders/".length());
        boolean firstPage = exchange.getRequestURI().getQuery().equals("page=1");
        if (!firstPage && who.equals("a")) {
            secondPageOfAAsked.countDown();
            try {
                releaseA.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String body = !firstPage ? "{\"data\": []}" : """
                {"data": [{"sku": "%1$s1", "lines": [{"item": "%1$s1-line"}]},
                          {"sku": "%1$s2", "lines": [{"item": "%1$s2-line"}]}]}""".formatted(who.toUpperCase());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Runs a flow that writes the orders of {@code /orders/WHO} with {@code mode} (a flow of its own for each, so runs
     * can overlap).
     */
    private FlowProject.Result land(String who, String mode) throws IOException {
        project.flow("land_" + who, """
                steps:
                  - op: http_request
                    id: land
                    request:
                      url: "{{ var('base') }}/orders/%s"
                    response:
                      tables:
                        - {source: stage, table: orders, data_path: data, child_tables: true, write_mode: %s}
                      pagination:
                        type: page_number
                """.formatted(who, mode));
        return project.run("land_" + who);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void aRunThatNumberedBeforeAnotherCommittedNumbersPastItsRows(String database) throws Exception {
        project(database);
        FlowProject.Result seed = land("s", "create");
        assertThat(seed.exit()).as(seed.err()).isZero();
        CompletableFuture<FlowProject.Result> a = CompletableFuture.supplyAsync(() -> {
            try {
                return land("a", "append");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(secondPageOfAAsked.await(30, TimeUnit.SECONDS)).as("run A asked for its second page").isTrue();
        FlowProject.Result b = land("b", "append");
        assertThat(b.exit()).as(b.err()).isZero();
        releaseA.countDown();
        FlowProject.Result resultA = a.get(60, TimeUnit.SECONDS);
        assertThat(resultA.exit()).as(resultA.err()).isZero();

        assertThat(rows("SELECT sku, _row FROM orders ORDER BY _row")).containsExactly(
                List.of("S1", "1"), List.of("S2", "2"), List.of("B1", "3"), List.of("B2", "4"),
                List.of("A1", "5"), List.of("A2", "6"));
        assertThat(rows("SELECT o.sku, l.item FROM orders__lines l JOIN orders o ON o._row = l._parent_row"
                + " ORDER BY o._row")).containsExactly(List.of("S1", "S1-line"), List.of("S2", "S2-line"),
                List.of("B1", "B1-line"), List.of("B2", "B2-line"), List.of("A1", "A1-line"), List.of("A2", "A2-line"));
    }
}
