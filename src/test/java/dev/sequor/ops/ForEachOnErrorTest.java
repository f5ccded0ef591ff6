package dev.sequor.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sequor.testing.FlowProject;
import dev.sequor.testing.FlowProject.Db;
import dev.sequor.testing.FlowTestDatabase;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code for_each.on_error}: skip passes a failed row over with a warning, record also appends it to an error table
 * (row, method, masked URL, status, attempts, masked message, time) that commits with the op; errors that are not the
 * row's own still fail the op. Real flows through FlowRunner against WireMock, on DuckDB and PostgreSQL.
 */
class ForEachOnErrorTest {

    @RegisterExtension
    static final FlowTestDatabase pg = new FlowTestDatabase("sequor_foreach_on_error");
    private static final String TOKEN = "tok-5ecret-value";

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().containerThreads(20)).build();

    @TempDir
    Path tmp;

    @BeforeEach
    void reset() {
        api.resetAll();
    }

    private static final String SEED = """
            steps:
              - op: execute
                source: stage
                statement: |
                  create table contacts (id integer, email text)
                  go
                  insert into contacts values (1, 'a@x.io'), (2, 'b@x.io'), (3, 'c@x.io'), (4, 'd@x.io'), (5, 'e@x.io'), (6, 'f@x.io')
                  go
                  create table pushed (id integer, remote_id text)
                  go
            """;

    /** POSTs each contact with the API token in the query string; {@code forEachExtra} goes into the for_each. */
    private static String push(String forEachExtra) {
        return """
                steps:
                  - op: http_request
                    id: push
                    for_each: {source: stage, table: contacts, as: contact%s}
                    request:
                      source: api
                      url: "{{ var('base_url') }}/sync/{{ var('contact')['id'] }}?token={{ var('api_token') }}"
                      method: POST
                      body_format: json
                      body: {email: "{{ var('contact')['email'] }}"}
                    response:
                      success_status: [200]
                      source: stage
                      tables:
                        - table: pushed
                          write_mode: append
                          columns: {id: integer, remote_id: text}
                          data_expression: '[{"id": var("contact")["id"], "remote_id": response.json()["remote_id"]}]'
                """.formatted(forEachExtra);
    }

    private FlowProject project(Db db, String forEachExtra) throws Exception {
        FlowProject p = FlowProject.create(tmp, db, pg.name(), "base_url: \"" + api.baseUrl() + "\"",
                "api_token: \"" + TOKEN + "\"");
        p.apiSource("type: http\nauth: {type: bearer_token, token: \"" + TOKEN + "\"}\nretry: {max_attempts: 1}\n");
        p.flow("seed", SEED).flow("push", push(forEachExtra));
        FlowProject.Result seeded = p.run("seed");
        assertThat(seeded.exit()).as(seeded.err()).isZero();
        return p;
    }

    /**
     * Row 3 is refused with a 500 whose body echoes the token; row 5 is accepted but its answer is not JSON, so its
     * response cannot be read. Every other row is accepted.
     */
    private void apiRefusesRows3And5() {
        for (int id = 1; id <= 6; id++) {
            api.stubFor(post(urlPathEqualTo("/sync/" + id)).willReturn(switch (id) {
                case 3 -> aResponse().withStatus(500).withBody("down for " + TOKEN);
                case 5 -> aResponse().withStatus(200).withBody("<html>maintenance</html>");
                default -> okJson("{\"remote_id\": \"r" + id + "\"}");
            }));
        }
    }

    private static final String ROW_3_MESSAGE = "HTTP request failed with unexpected status code: 500. Expected status"
            + " codes: [200]. Response body: down for <redacted>";
    private static final String ROW_5_MESSAGE = "Error evaluating 'data_expression': Response body is not valid JSON"
            + " (status 200, Content-Type null): <html>maintenance</html>";

    private static void assertTheOtherRowsLanded(FlowProject p) throws Exception {
        assertThat(p.rows("select id, remote_id from pushed order by id")).containsExactly(List.of("1", "r1"),
                List.of("2", "r2"), List.of("4", "r4"), List.of("6", "r6"));
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void skipLeavesOutTheFailedRowsWarnsOfEachAndTheOpSucceeds(Db db) throws Exception {
        FlowProject p = project(db, ", on_error: skip");
        apiRefusesRows3And5();

        FlowProject.Result r = p.run("push");

        assertThat(r.exit()).as(r.err()).isZero();
        assertTheOtherRowsLanded(p);
        assertThat(r.err().lines().filter(l -> l.contains("warning:"))).containsExactly(
                "flows/push.yaml:4:15: warning: \"http_request: push\": for_each row 3 of 6 (id=3, email='c@x.io')"
                        + " failed and was skipped: " + ROW_3_MESSAGE,
                "flows/push.yaml:4:15: warning: \"http_request: push\": for_each row 5 of 6 (id=5, email='e@x.io')"
                        + " failed and was skipped: " + ROW_5_MESSAGE);
        assertThat(p.log()).contains("\"http_request: push\": 6 requests, 2 rows failed (skipped)\n")
                .doesNotContain(TOKEN);
        // the end-of-run summary counts them too
        assertThat(p.log().lines().filter(l -> l.contains("Summary \"http_request: push\"")))
                .singleElement().asString().contains("4 rows into pushed, 6 requests").contains("2 failed rows");
        assertThat(r.err()).doesNotContain(TOKEN);
        for (int id = 1; id <= 6; id++) {
            api.verify(1, postRequestedFor(urlPathEqualTo("/sync/" + id)));
        }
    }

    /**
     * A row that wrote its rows and then failed (its response variable cannot be computed) and was skipped: its rows
     * are not in the table, and the summary does not count them either.
     */
    @Test
    void theSummaryCountsNoRowsOfASkippedRowThatFailedAfterWritingThem() throws Exception {
        FlowProject p = FlowProject.create(tmp, Db.DUCKDB, pg.name(), "base_url: \"" + api.baseUrl() + "\"",
                "api_token: \"" + TOKEN + "\"");
        p.apiSource("type: http\nauth: {type: bearer_token, token: \"" + TOKEN + "\"}\nretry: {max_attempts: 1}\n");
        p.flow("seed", SEED).flow("push", push(", on_error: skip").replace("""
                          data_expression: '[{"id": var("contact")["id"], "remote_id": response.json()["remote_id"]}]'
                """, """
                          data_expression: '[{"id": var("contact")["id"], "remote_id": response.json()["remote_id"]}]'
                      variables:
                        check_expression: 1 // (var("contact")["id"] - 4)
                """));
        FlowProject.Result seeded = p.run("seed");
        assertThat(seeded.exit()).as(seeded.err()).isZero();
        for (int id = 1; id <= 6; id++) {
            api.stubFor(post(urlPathEqualTo("/sync/" + id)).willReturn(okJson("{\"remote_id\": \"r" + id + "\"}")));
        }

        FlowProject.Result r = p.run("push");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(p.rows("select id from pushed order by id")).containsExactly(List.of("1"), List.of("2"),
                List.of("3"), List.of("5"), List.of("6"));
        assertThat(p.log().lines().filter(l -> l.contains("Summary \"http_request: push\"")))
                .singleElement().asString().contains("5 rows into pushed, 6 requests").contains("1 failed row");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void recordAppendsEachFailedRowToTheErrorTableWithItsRequestMaskedAndTheOpSucceeds(Db db) throws Exception {
        FlowProject p = project(db, ", on_error: record, parallel: 3");
        apiRefusesRows3And5();

        FlowProject.Result r = p.run("push");

        assertThat(r.exit()).as(r.err()).isZero();
        assertTheOtherRowsLanded(p);
        String url = api.baseUrl() + "/sync/%d?token=<redacted>";
        List<List<String>> recorded = p.rows("select \"row\", method, url, status, attempts, message from push_errors"
                + " order by failed_at, \"row\"");
        assertThat(recorded).hasSize(2);
        assertThat(recorded.get(0)).containsExactly("{\"id\":3,\"email\":\"c@x.io\"}", "POST", url.formatted(3), "500",
                "1", ROW_3_MESSAGE);
        assertThat(recorded.get(1)).containsExactly("{\"id\":5,\"email\":\"e@x.io\"}", "POST", url.formatted(5), "200",
                "1", ROW_5_MESSAGE);
        assertThat(p.rows("select count(*) from push_errors where failed_at is not null"
                + " and failed_at > current_timestamp - interval '1 hour'")).containsExactly(List.of("2"));
        assertThat(p.log()).contains("\"http_request: push\": 6 requests, 2 rows failed (recorded in push_errors)\n");
        assertThat(r.err()).contains("failed and was recorded in push_errors: " + ROW_3_MESSAGE);

        // a second run appends to the table it made
        FlowProject.Result again = p.run("push");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(p.rows("select count(*) from push_errors")).containsExactly(List.of("4"));
    }

    /** A GET that is retried until it gives up: attempts says how many times it went; no response means no status. */
    @Test
    void theErrorTableCountsRetriedAttemptsAndHasNoStatusWithoutAResponse() throws Exception {
        FlowProject p = project(Db.DUCKDB, "");
        p.apiSource("type: http\nretry: {max_attempts: 3, initial_backoff_seconds: 0, max_backoff_seconds: 0}\n");
        p.flow("fetch", """
                steps:
                  - op: http_request
                    id: fetch
                    for_each: {source: stage, table: contacts, as: contact, on_error: record, error_table: refused}
                    request:
                      source: api
                      url: "{{ 'http://user:pw-5ecret@127.0.0.1:1' if var('contact')['id'] == 2 else var('base_url') }}/items/{{ var('contact')['id'] }}"
                    response:
                      source: stage
                      tables:
                        - table: pushed
                          write_mode: append
                          columns: {id: integer, remote_id: text}
                          data_expression: '[{"id": var("contact")["id"], "remote_id": "ok"}]'
                """);
        api.stubFor(get(urlPathMatching("/items/[0-9]+")).willReturn(okJson("{}")));
        api.stubFor(get(urlPathEqualTo("/items/4")).willReturn(aResponse().withStatus(503).withBody("busy")));

        FlowProject.Result r = p.run("fetch");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(p.rows("select id from pushed order by id")).containsExactly(List.of("1"), List.of("3"),
                List.of("5"), List.of("6"));
        List<List<String>> recorded = p.rows("select \"row\", method, url, status, attempts from refused order by \"row\"");
        assertThat(recorded).containsExactly(
                Arrays.asList("{\"id\":2,\"email\":\"b@x.io\"}", "GET", "http://<redacted>@127.0.0.1:1/items/2", null, "3"),
                List.of("{\"id\":4,\"email\":\"d@x.io\"}", "GET", api.baseUrl() + "/items/4", "503", "3"));
        api.verify(3, getRequestedFor(urlPathEqualTo("/items/4")));
        assertThat(p.rows("select message from refused order by \"row\"").get(1).get(0))
                .isEqualTo("HTTP request failed with status code 503 (add success_status to the response section to"
                        + " accept it). Response body: busy");
        assertThat(r.err()).doesNotContain("pw-5ecret");
    }

    /**
     * A failure that is not the row's own (here its table does not exist) fails the op even with on_error record:
     * every row would hit it.
     */
    @ParameterizedTest
    @EnumSource(Db.class)
    void anErrorOfTheOpsTableStillFailsTheOp(Db db) throws Exception {
        FlowProject p = project(db, ", on_error: skip");
        p.flow("push", push(", on_error: skip").replace("table: pushed", "table: not_there"));
        apiRefusesRows3And5();

        FlowProject.Result r = p.run("push");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLine("Error in")).contains("does not exist for write_mode append; stopped at for_each row 1"
                + " of 6 (id=1, email='a@x.io') before any row succeeded.");
    }
    /**
     * An error table that is also one of the op's response tables would take the failed rows into that table's
     * columns (a row of nulls) and lose them: refused before any row is sent.
     */
    @Test
    void anErrorTableThatIsAlsoOneOfTheOpsTablesIsRefusedBeforeAnyRequest() throws Exception {
        FlowProject p = project(Db.DUCKDB, ", on_error: record, error_table: PUSHED");
        apiRefusesRows3And5();

        FlowProject.Result r = p.run("push");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine("Error in")).isEqualTo("flows/push.yaml:4:92: Error in \"http_request: push\": error_table"
                + " 'PUSHED' of http_request \"push\""
                + " is also a table its responses write; failed rows need a table of their own: name another"
                + " error_table.");
        assertThat(api.getAllServeEvents()).isEmpty();
        assertThat(p.rows("select count(*) from pushed")).containsExactly(List.of("0"));
    }

    /**
     * A table of the error table's name that lacks its columns would fail only at the commit, after every request:
     * refused before any row is sent, naming the columns it lacks.
     */
    @ParameterizedTest
    @EnumSource(Db.class)
    void anExistingErrorTableWithoutItsColumnsIsRefusedBeforeAnyRequest(Db db) throws Exception {
        FlowProject p = project(db, ", on_error: record, error_table: clash");
        p.flow("clash", """
                steps:
                  - op: execute
                    source: stage
                    statement: |
                      create table clash ("row" text, message text, extra integer)
                      go
                """);
        FlowProject.Result made = p.run("clash");
        assertThat(made.exit()).as(made.err()).isZero();
        apiRefusesRows3And5();

        FlowProject.Result r = p.run("push");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLine("Error in")).isEqualTo("flows/push.yaml:4:92: Error in \"http_request: push\": error_table"
                + " 'clash' of http_request \"push\""
                + " already exists on source 'stage' without the columns failed rows are recorded in (it lacks method,"
                + " url, status, attempts, failed_at); name another table, or drop this one so that the op creates it.");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    /**
     * A row that stops the op after earlier rows were recorded (its value is refused by its column: a failure of the
     * op, found when the row is staged on PostgreSQL and at the commit on DuckDB): the error counts the recorded rows
     * as failed, not as succeeded, and does not list the error table among the tables that kept results.
     */
    @ParameterizedTest
    @EnumSource(Db.class)
    void aStopAfterRecordedRowsCountsThemAsFailed(Db db) throws Exception {
        FlowProject p = project(db, ", on_error: record");
        p.flow("push", push(", on_error: record").replace("data_expression: '[{\"id\": var(\"contact\")[\"id\"]",
                "data_expression: '[{\"id\": var(\"contact\")[\"id\"] if var(\"contact\")[\"id\"] != 5 else \"five\""));
        for (int id = 1; id <= 6; id++) {
            api.stubFor(post(urlPathEqualTo("/sync/" + id)).willReturn(id == 3
                    ? aResponse().withStatus(500).withBody("down")
                    : okJson("{\"remote_id\": \"r" + id + "\"}")));
        }

        FlowProject.Result r = p.run("push");

        assertThat(r.exit()).isEqualTo(1);
        if (db == Db.DUCKDB) {
            assertThat(r.errLine("Error in")).contains("; 5 of the 6 for_each rows had succeeded and 1 failed (recorded"
                    + " in push_errors), but committing their results failed; project variables are unchanged.");
            assertThat(p.rows("select count(*) from pushed")).containsExactly(List.of("0"));
        } else {
            assertThat(r.errLine("Error in")).contains("; stopped at for_each row 5 of 6 (id=5, email='e@x.io') after 3"
                    + " rows succeeded and 1 failed (recorded in push_errors), whose results landed in append table"
                    + " pushed (3 rows).");
            assertThat(p.rows("select count(*) from push_errors")).containsExactly(List.of("1"));
        }
    }

    /** When every row failed, the closing line says so instead of giving a count that reads like some succeeded. */
    @Test
    void theClosingLineSaysWhenEveryRowFailed() throws Exception {
        FlowProject p = project(Db.DUCKDB, ", on_error: skip");
        api.stubFor(post(urlPathMatching("/sync/[0-9]+")).willReturn(aResponse().withStatus(404)));

        FlowProject.Result r = p.run("push");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(p.log()).contains("\"http_request: push\": 6 requests, every one of its 6 rows failed (skipped)\n");
    }
}
