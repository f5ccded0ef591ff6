package dev.sequor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sequor.testing.FlowProject;
import dev.sequor.testing.PostgresTestDatabase;
import dev.sequor.testing.FlowProject.Db;
import dev.sequor.testing.ScriptedApi;
import dev.sequor.testing.ScriptedApi.Reply;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real flows against an API that misbehaves on schedule ({@link ScriptedApi}): 429 and 503 with and without
 * Retry-After, connection resets, empty answers, answers later than the timeout, and the API dying mid-loop. Two
 * flows: a GET paginated with {@code while} (5 pages, one create table, a project variable per page) and a POST
 * reverse ETL with {@code for_each} (5 contacts, one append table, a project variable per row). Each test checks the
 * exit code, exactly which rows landed, how often the server saw each page or body (a POST is sent twice only when
 * the answer was 429/503 with Retry-After or the request never reached the server), and that the saved project
 * variables agree with the tables.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultInjectionTest {

    /** One database per test JVM, so runs in several checkouts at once never share it. */
    private static final String PG_DATABASE = PostgresTestDatabase.uniqueDatabaseName("sequor_fault_injection");
    /** Fast retries: 3 sends, waits of 10-50 ms, a Retry-After of 1 s capped at 50 ms; a 2 s timeout. */
    private static final String API_SOURCE = """
            type: http
            timeout_seconds: 2
            retry: {max_attempts: 3, initial_backoff_seconds: 0.01, max_backoff_seconds: 0.05}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private ScriptedApi api;

    @BeforeAll
    static void database() throws Exception {
        FlowProject.recreatePostgresDatabase(PG_DATABASE);
    }

    @AfterAll
    static void dropDatabase() {
        if (PostgresTestDatabase.available()) {
            PostgresTestDatabase.dropDatabase(PG_DATABASE);
        }
    }

    /**
     * The first request of a JVM loads the HTTP client's classes, which on a busy machine takes longer than the
     * short timeout these tests use; one request with the default timeout first, so the timeout measures exchanges.
     */
    @BeforeAll
    static void loadTheHttpClient(@TempDir Path dir) throws Exception {
        try (ScriptedApi warm = ScriptedApi.start((n, r) -> Reply.json("{}"))) {
            FlowProject p = FlowProject.create(dir, Db.DUCKDB, PG_DATABASE, "base_url: \"" + warm.baseUrl() + "\"");
            p.flow("warm", """
                    steps:
                      - op: http_request
                        request: {url: "{{ var('base_url') }}/"}
                    """);
            assertThat(p.run("warm").exit()).isZero();
        }
    }

    @AfterEach
    void stopApi() throws IOException {
        if (api != null) {
            api.close();
        }
    }

    /** GET /items?page=1..5, two ids a page; replaces table items; saves last_page after each page. */
    private static final String PAGES = """
            steps:
              - op: execute
                source: stage
                statement: |
                  create table items (id integer, page integer)
                  go
                  insert into items values (0, 0)
                  go
              - op: http_request
                id: pages
                init:
                  variables:
                    page: {value: 1, scope: local}
                request:
                  source: api
                  url: "{{ var('base_url') }}/items"
                  parameters: {page: "{{ var('page') }}"}
                response:
                  success_status: [200]
                  source: stage
                  tables:
                    - table: items
                      columns: {id: integer, page: integer}
                      data_expression: '[{"id": i, "page": response.json()["page"]} for i in response.json()["ids"]]'
                  variables:
                    last_page_expression: response.json()["page"]
                    page:
                      value_expression: response.json()["page"] + 1
                      scope: local
                  while_expression: response.json()["page"] < 5
            """;

    /** POST /sync once per contact 1..5 (body {"id": N, ...}); appends to pushed; saves last_pushed after each row. */
    private static final String PUSH = """
            steps:
              - op: execute
                source: stage
                statement: |
                  create table contacts (id integer, email text)
                  go
                  insert into contacts values (1, 'a@x.io'), (2, 'b@x.io'), (3, 'c@x.io'), (4, 'd@x.io'), (5, 'e@x.io')
                  go
                  create table pushed (id integer, remote_id text)
                  go
              - op: http_request
                id: push
                for_each: {source: stage, table: contacts, as: contact}
                request:
                  source: api
                  url: "{{ var('base_url') }}/sync"
                  method: POST
                  body_format: json
                  body: {id: "{{ var('contact')['id'] }}", email: "{{ var('contact')['email'] }}"}
                response:
                  success_status: [200]
                  source: stage
                  tables:
                    - table: pushed
                      write_mode: append
                      columns: {id: integer, remote_id: text}
                      data_expression: '[{"id": var("contact")["id"], "remote_id": response.json()["remote_id"]}]'
                  variables:
                    last_pushed_expression: var("contact")["id"]
            """;

    /** The healthy API: pages of two ids, and an echo of the pushed id. */
    private static Reply healthy(ScriptedApi.Request r) {
        if (r.method().equals("GET")) {
            int page = Integer.parseInt(r.target().replaceAll(".*[?&]page=(\\d+).*", "$1"));
            return Reply.json("{\"page\": " + page + ", \"ids\": [" + (2 * page - 1) + ", " + 2 * page + "]}");
        }
        return Reply.json("{\"remote_id\": \"r" + pushedId(r) + "\"}");
    }

    private static String pushedId(ScriptedApi.Request r) {
        try {
            return JSON.readTree(r.body()).get("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The API answering {@code fault} to the requests {@code when} picks (numbered from 1), healthy otherwise. */
    private FlowProject project(Db db, IntPredicate when, Reply fault) throws IOException {
        api = ScriptedApi.start((n, r) -> when.test(n) ? fault : healthy(r));
        FlowProject p = FlowProject.create(tmp, db, PG_DATABASE, "base_url: \"" + api.baseUrl() + "\"");
        p.apiSource(API_SOURCE).flow("pages", PAGES).flow("push", PUSH);
        return p;
    }

    private static IntPredicate everyThird() {
        return n -> n % 3 == 0;
    }

    /** How often the server saw each page. */
    private Map<String, Integer> pageRequests() {
        return api.countsBy(r -> r.method() + " " + r.target().replaceAll(".*[?&](page=\\d+).*", "$1"));
    }

    /** How often the server saw each pushed body, by the id in it. */
    private Map<String, Integer> pushRequests() {
        return api.countsBy(r -> r.method() + " id=" + pushedId(r));
    }

    private static Map<String, Integer> counts(String prefix, int... perKey) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < perKey.length; i++) {
            if (perKey[i] > 0) {
                m.put(prefix + (i + 1), perKey[i]);
            }
        }
        return m;
    }

    private static List<List<String>> items(int pages) {
        List<List<String>> rows = new ArrayList<>();
        for (int id = 1; id <= 2 * pages; id++) {
            rows.add(List.of(String.valueOf(id), String.valueOf((id + 1) / 2)));
        }
        return rows;
    }

    private static List<List<String>> pushed(int rows) {
        List<List<String>> out = new ArrayList<>();
        for (int id = 1; id <= rows; id++) {
            out.add(List.of(String.valueOf(id), "r" + id));
        }
        return out;
    }

    /** The paginated GET succeeded whole: every page once plus the retried ones, all rows, last_page 5. */
    private void assertAllPagesLanded(FlowProject p, FlowProject.Result r, int... requestsPerPage) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(p.rows("select id, page from items order by id")).isEqualTo(items(5));
        assertThat(pageRequests()).isEqualTo(counts("GET page=", requestsPerPage));
        assertThat(p.savedVariables()).containsEntry("last_page", 5);
    }

    /** The paginated GET failed: its table and variable are as before the op (non-for_each ops stay atomic). */
    private void assertPagesUntouched(FlowProject p, FlowProject.Result r) throws Exception {
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(p.rows("select id, page from items order by id")).containsExactly(List.of("0", "0"));
        assertThat(p.savedVariables()).doesNotContainKey("last_page");
    }

    /** The POSTs of every row landed, last_pushed 5. */
    private void assertAllPushed(FlowProject p, FlowProject.Result r, int... requestsPerId) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(p.rows("select id, remote_id from pushed order by id")).isEqualTo(pushed(5));
        assertThat(pushRequests()).isEqualTo(counts("POST id=", requestsPerId));
        assertThat(p.savedVariables()).containsEntry("last_pushed", 5);
    }

    /**
     * The reverse ETL stopped at row {@code failedRow}: the rows before it landed and last_pushed names the last of
     * them; the error names the row after {@code cause}.
     */
    private void assertPushStoppedAt(FlowProject p, FlowProject.Result r, int failedRow, String cause,
                                     int... requestsPerId) throws Exception {
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        int kept = failedRow - 1;
        assertThat(r.errLine("Error in \"http_request: push\": ")).as("requests: %s", api.requests()).contains(cause)
                .endsWith("; stopped at for_each row " + failedRow + " of 5 (id=" + failedRow + ", email='"
                        + (char) ('a' + kept) + "@x.io') after " + kept + " rows succeeded, whose results landed in"
                        + " append table pushed (" + kept + " rows).");
        assertThat(p.rows("select id, remote_id from pushed order by id")).isEqualTo(pushed(kept));
        assertThat(pushRequests()).isEqualTo(counts("POST id=", requestsPerId));
        assertThat(p.savedVariables()).containsEntry("last_pushed", kept);
    }

    private static Reply status(int status, boolean retryAfter) {
        Map<String, String> headers = retryAfter ? Map.of("Retry-After", "1") : Map.of();
        return new Reply.Respond(status, headers, "busy", Duration.ZERO);
    }

    @ParameterizedTest(name = "{0}, Retry-After: {1}")
    @CsvSource({"429, true", "429, false", "503, true", "503, false"})
    void aPaginatedGetRetriesEveryThirdRequestsBusyAnswer(int status, boolean retryAfter) throws Exception {
        FlowProject p = project(Db.DUCKDB, everyThird(), status(status, retryAfter));
        // requests 3 and 6 are refused: page 3 (sent again as request 4) and page 5 (request 6, again as 7)
        assertAllPagesLanded(p, p.run("pages"), 1, 1, 2, 1, 2);
    }

    @ParameterizedTest(name = "{0}, Retry-After: {1}")
    @CsvSource({"429, true", "429, false", "503, true", "503, false"})
    void aForEachPostIsSentAgainAfterABusyAnswerOnlyWithRetryAfter(int status, boolean retryAfter) throws Exception {
        FlowProject p = project(Db.DUCKDB, everyThird(), status(status, retryAfter));
        FlowProject.Result r = p.run("push");
        if (retryAfter) {
            // the server said when to come back, so it did not act on the POST: rows 3 and 5 are sent twice
            assertAllPushed(p, r, 1, 1, 2, 1, 2);
        } else {
            assertPushStoppedAt(p, r, 3, "HTTP request failed with unexpected status code: " + status
                    + ". Expected status codes: [200]. Response body: busy", 1, 1, 1);
        }
    }

    /** A cut connection: the server read the request, then reset it or closed it without answering. */
    enum Cut {
        RESET(new Reply.Reset()), EMPTY(new Reply.Empty());

        final Reply reply;

        Cut(Reply reply) {
            this.reply = reply;
        }
    }

    @ParameterizedTest
    @EnumSource(Cut.class)
    void aPaginatedGetSendsACutRequestAgain(Cut cut) throws Exception {
        FlowProject p = project(Db.DUCKDB, everyThird(), cut.reply);
        assertAllPagesLanded(p, p.run("pages"), 1, 1, 2, 1, 2);
    }

    @ParameterizedTest
    @EnumSource(Cut.class)
    void aForEachPostWhoseConnectionIsCutIsNotSentAgain(Cut cut) throws Exception {
        FlowProject p = project(Db.DUCKDB, everyThird(), cut.reply);
        FlowProject.Result r = p.run("push");
        // the server had the request before the connection broke: it may have acted on it
        assertPushStoppedAt(p, r, 3, "HTTP request POST " + api.baseUrl() + "/sync failed: ", 1, 1, 1);
    }

    private static Reply late() {
        return new Reply.Respond(200, Map.of("Content-Type", "application/json"), "{}", Duration.ofSeconds(6));
    }

    @Test
    void aPaginatedGetSendsALateRequestAgain() throws Exception {
        FlowProject p = project(Db.DUCKDB, n -> n == 3, late());
        assertAllPagesLanded(p, p.run("pages"), 1, 1, 2, 1, 1);
    }

    @Test
    void aForEachPostThatTimesOutIsNotSentAgain() throws Exception {
        FlowProject p = project(Db.DUCKDB, n -> n == 3, late());
        FlowProject.Result r = p.run("push");
        assertPushStoppedAt(p, r, 3, "HTTP request POST " + api.baseUrl() + "/sync failed: no response within 2 s",
                1, 1, 1);
    }

    /** The API dies after answering its third request: every later connection is refused. */
    private static Reply diesAfterAnswering(ScriptedApi.Request r) {
        return new Reply.Die(healthy(r));
    }

    @Test
    void aPaginatedGetWhoseApiDiesChangesNothing() throws Exception {
        api = ScriptedApi.start((n, r) -> n == 3 ? diesAfterAnswering(r) : healthy(r));
        FlowProject p = FlowProject.create(tmp, Db.DUCKDB, PG_DATABASE, "base_url: \"" + api.baseUrl() + "\"");
        p.apiSource(API_SOURCE).flow("pages", PAGES);
        FlowProject.Result r = p.run("pages");
        assertPagesUntouched(p, r);
        assertThat(r.errLine("Error in \"http_request: pages\": ")).endsWith("HTTP request GET " + api.baseUrl()
                + "/items?page=4 failed after 3 attempts: cannot connect to 127.0.0.1:" + api.baseUrl().replaceAll(".*:", ""));
        assertThat(pageRequests()).isEqualTo(counts("GET page=", 1, 1, 1));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aForEachPostWhoseApiDiesKeepsTheAnsweredRowsAndRetriesOnlyRefusedConnections(Db db) throws Exception {
        api = ScriptedApi.start((n, r) -> n == 3 ? diesAfterAnswering(r) : healthy(r));
        FlowProject p = FlowProject.create(tmp, db, PG_DATABASE, "base_url: \"" + api.baseUrl() + "\"");
        p.apiSource(API_SOURCE).flow("push", PUSH);
        FlowProject.Result r = p.run("push");
        // row 4's POST never reached the server (connection refused), so it was tried 3 times, and never seen
        assertPushStoppedAt(p, r, 4, "HTTP request POST " + api.baseUrl() + "/sync failed after 3 attempts:"
                + " cannot connect to 127.0.0.1:", 1, 1, 1);
        assertThat(p.log()).contains("Retrying POST " + api.baseUrl() + "/sync after cannot connect to 127.0.0.1:"
                + api.baseUrl().replaceAll(".*:", "") + ": attempt 2 of 3");
    }

    @Test
    void aForEachPostWhoseApiDiesWhileHandlingItIsNotSentAgain() throws Exception {
        api = ScriptedApi.start((n, r) -> n == 3 ? new Reply.Die(new Reply.Empty()) : healthy(r));
        FlowProject p = FlowProject.create(tmp, Db.DUCKDB, PG_DATABASE, "base_url: \"" + api.baseUrl() + "\"");
        p.apiSource(API_SOURCE).flow("push", PUSH);
        FlowProject.Result r = p.run("push");
        assertPushStoppedAt(p, r, 3, "HTTP request POST " + api.baseUrl() + "/sync failed: ", 1, 1, 1);
    }
}
