package dev.sequor.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.sequor.testing.FlowProject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database sources an http_request's tables name are opened while its first request is in flight, when their
 * files have no template; what a run sees otherwise is as if they were opened at first use. The API here answers
 * only once the DuckDB file exists (or after a wait), and says in its body which it was.
 */
class OpenAheadTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    /** How long the API waits for the database file before answering; the status it answers with. */
    private volatile Duration waitForFile = Duration.ofSeconds(20);
    private volatile int status = 200;
    private Path databaseFile;
    private FlowProject project;

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/rows", exchange -> {
            requests.incrementAndGet();
            boolean existed = fileAppearsWithin(waitForFile);
            byte[] body = ("[{\"id\": 1, \"opened_before_reply\": " + existed + "}]").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        project = FlowProject.create(tmp, FlowProject.Db.DUCKDB, null,
                "base: \"http://127.0.0.1:" + server.getAddress().getPort() + "\"", "db_name: stage");
        databaseFile = tmp.resolve("project/stage.duckdb");
        project.flow("main", """
                steps:
                  - op: http_request
                    id: fetch
                    request:
                      source: api
                      url: "{{ var('base') }}/rows"
                    response:
                      tables:
                        - source: stage
                          table: fetched
                          columns: {id: integer, opened_before_reply: boolean}
                          data_path: "@"
                """);
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private boolean fileAppearsWithin(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!Files.exists(databaseFile)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Test
    void aLiteralSourceIsOpenedWhileTheFirstRequestIsInFlight() throws Exception {
        FlowProject.Result r = project.run("main");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(project.rows("SELECT id, opened_before_reply FROM fetched")).containsExactly(List.of("1", "true"));
    }

    @Test
    void aTableSourceNamedByAVariableIsOpenedAheadToo() throws Exception {
        project.flow("main", Files.readString(tmp.resolve("project/flows/main.yaml"))
                .replace("- source: stage", "- source: \"{{ var('db_name') }}\""));
        FlowProject.Result r = project.run("main");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(project.rows("SELECT id, opened_before_reply FROM fetched")).containsExactly(List.of("1", "true"));
    }

    @Test
    void aSourceFileWithATemplateIsOpenedAtItsFirstUse() throws Exception {
        Files.writeString(tmp.resolve("project/sources/stage.yaml"),
                "type: duckdb\nconn_str: \"duckdb:///{{ var('db_name') }}.duckdb\"\n");
        waitForFile = Duration.ofMillis(500);
        FlowProject.Result r = project.run("main");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(project.rows("SELECT id, opened_before_reply FROM fetched")).containsExactly(List.of("1", "false"));
    }

    @Test
    void aSourceThatCannotBeOpenedFailsAtTheTableAfterTheRequestAsBefore() throws Exception {
        Files.writeString(tmp.resolve("project/blocker"), "a file where a folder should be");
        Files.writeString(tmp.resolve("project/sources/stage.yaml"),
                "type: duckdb\nconn_str: \"duckdb:///blocker/stage.duckdb\"\n");
        waitForFile = Duration.ZERO;
        FlowProject.Result r = project.run("main");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(requests).hasValue(1);
        assertThat(r.errLine("Cannot connect to database source 'stage'"))
                .as(r.err()).contains("cannot create a folder DuckDB needs");
    }

    @Test
    void aDatabaseThatNeverAnswersDoesNotHoldBackTheErrorOfAnOpThatFailedBeforeItsTables() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            // accepts connections and never says a word: PostgreSQL's driver waits for its greeting indefinitely
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            Files.writeString(tmp.resolve("project/sources/stage.yaml"), "type: postgres\nconn_str: \"postgresql://"
                    + "127.0.0.1:" + silent.getLocalPort() + "/test\"\nusername: postgres\n");
            project.apiSource("type: http\nretry:\n  max_attempts: 1\n"); // the 500 fails the op at once
            status = 500;
            waitForFile = Duration.ZERO;
            // the run waits 2 s for the source opened ahead, then ends (without that bound: until the driver gives up)
            FlowProject.Result r = assertTimeoutPreemptively(Duration.ofSeconds(7), () -> project.run("main"));
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("500");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void anOpThatFailsBeforeItsTablesLeavesTheSourceClosedAndEmpty() throws Exception {
        status = 500;
        FlowProject.Result failed = project.run("main");
        assertThat(failed.exit()).isEqualTo(1);
        // the handle opened ahead was closed with the run: this JVM can open the file again, and it holds no table
        assertThat(project.rows("SELECT count(*) FROM information_schema.tables")).containsExactly(List.of("0"));
        status = 200;
        FlowProject.Result again = project.run("main");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(project.rows("SELECT id FROM fetched")).containsExactly(List.of("1"));
    }
}
