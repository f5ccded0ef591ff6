package dev.sequor.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import dev.sequor.testing.FlowTestDatabase;
import dev.sequor.testing.FlowProject.Db;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A for_each {@code http_request} (reverse ETL) that fails at one row keeps in its append tables what the rows
 * before it wrote, rolls back its create tables, saves the project variables of the completed rows only when
 * nothing rolled back, and says in its error where it stopped; a rerun over a view of the rows not yet pushed
 * resumes without sending any row twice. Real flows through FlowRunner, on DuckDB and PostgreSQL.
 */
class ForEachFailureTest {

    @RegisterExtension
    static final FlowTestDatabase pg = new FlowTestDatabase("sequor_foreach_failure");

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;

    @BeforeEach
    void reset() {
        api.resetAll();
    }

    /** Five contacts, an append table with a row of an earlier run, a create table with an old snapshot. */
    private static final String SEED = """
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
                  insert into pushed values (0, 'earlier run')
                  go
                  create table snapshot (id integer, remote_id text)
                  go
                  insert into snapshot values (0, 'old')
                  go
            """;

    /**
     * The README's resume recipe: the for_each reads a view of the contacts not yet in {@code pushed}. Each accepted
     * POST lands in {@code pushed} (append) and, when {@code withSnapshot}, in {@code snapshot} (create); each sets
     * the project variable {@code last_pushed}.
     */
    private static String push(boolean withSnapshot) {
        return """
                steps:
                  - op: execute
                    id: to_push
                    source: stage
                    statement: |
                      create or replace view contacts_to_push as
                      select * from contacts c where not exists (select 1 from pushed p where p.id = c.id) order by id
                      go
                  - op: http_request
                    id: push
                    for_each: {source: stage, table: contacts_to_push, as: contact}
                    request:
                      source: api
                      url: "{{ var('base_url') }}/sync/{{ var('contact')['id'] }}"
                      method: POST
                      body_format: json
                      body: {email: "{{ var('contact')['email'] }}"}
                    response:
                      success_status: [200]
                      source: stage
                      variables:
                        last_pushed_expression: var("contact")["id"]
                      tables:
                        - table: pushed
                          write_mode: append
                          columns: {id: integer, remote_id: text}
                          data_expression: '[{"id": var("contact")["id"], "remote_id": response.json()["remote_id"]}]'
                """ + (withSnapshot ? """
                        - table: snapshot
                          columns: {id: integer, remote_id: text}
                          data_expression: '[{"id": var("contact")["id"], "remote_id": response.json()["remote_id"]}]'
                """ : "");
    }

    private FlowProject project(Db db, boolean withSnapshot) throws Exception {
        FlowProject p = FlowProject.create(tmp, db, pg.name(), "base_url: \"" + api.baseUrl() + "\"");
        p.flow("seed", SEED).flow("push", push(withSnapshot));
        assertThat(p.run("seed").exit()).isZero();
        return p;
    }

    /** Every contact is accepted except {@code failing}, which gets a 500. */
    private void apiFailsAt(int failing) {
        for (int id = 1; id <= 5; id++) {
            api.stubFor(post(urlPathEqualTo("/sync/" + id)).willReturn(id == failing
                    ? aResponse().withStatus(500).withBody("down")
                    : okJson("{\"remote_id\": \"r" + id + "\"}")));
        }
    }

    private int posts(int id) {
        return api.findAll(postRequestedFor(urlPathEqualTo("/sync/" + id))).size();
    }

    private static List<List<String>> rowsOf(FlowProject p, String table) throws Exception {
        return p.rows("select id, remote_id from " + table + " order by id");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aMergeTableKeepsTheRowsBeforeTheFailingOneAndAReplaceTableRollsBack(Db db) throws Exception {
        FlowProject p = FlowProject.create(tmp, db, pg.name(), "base_url: \"" + api.baseUrl() + "\"");
        p.flow("seed", SEED).flow("push", push(true)
                .replace("write_mode: append", "write_mode: merge\n          primary_key: [id]")
                .replace("- table: snapshot", "- table: snapshot\n          write_mode: replace"));
        assertThat(p.run("seed").exit()).isZero();
        apiFailsAt(3);

        FlowProject.Result r = p.run("push");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.errLine("Error in")).endsWith("stopped at for_each row 3 of 5 (id=3, email='c@x.io') after 2 rows"
                + " succeeded, whose results landed in merge table pushed (2 rows); tables with write_mode replace and"
                + " project variables are unchanged.");
        assertThat(rowsOf(p, "pushed")).containsExactly(List.of("0", "earlier run"), List.of("1", "r1"),
                List.of("2", "r2"));
        assertThat(rowsOf(p, "snapshot")).containsExactly(List.of("0", "old"));
        assertThat(p.savedVariables()).doesNotContainKey("last_pushed");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void theAppendTableKeepsTheRowsBeforeTheFailingOneAndTheCreateTableRollsBack(Db db) throws Exception {
        FlowProject p = project(db, true);
        apiFailsAt(3);

        FlowProject.Result r = p.run("push");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.errLine("Error in")).isEqualTo("flows/push.yaml:19:23: Error in \"http_request: push\": HTTP request"
                + " failed with unexpected status code: 500. Expected status codes: [200]. Response body: down;"
                + " stopped at for_each row 3 of 5 (id=3, email='c@x.io') after 2 rows succeeded, whose results landed"
                + " in append table pushed (2 rows); tables with write_mode create and project variables are"
                + " unchanged.");
        assertThat(r.err()).doesNotContain("had been sent");
        assertThat(rowsOf(p, "pushed")).containsExactly(List.of("0", "earlier run"), List.of("1", "r1"),
                List.of("2", "r2"));
        assertThat(rowsOf(p, "snapshot")).containsExactly(List.of("0", "old"));
        assertThat(List.of(posts(1), posts(2), posts(3), posts(4), posts(5))).containsExactly(1, 1, 1, 0, 0);
        // the create table rolled back, so the variables its rows went with are not saved either
        assertThat(p.savedVariables()).doesNotContainKey("last_pushed");
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void withOnlyAppendTablesTheCompletedRowsVariablesAreSavedAndARerunResumesWhereItStopped(Db db) throws Exception {
        FlowProject p = project(db, false);
        apiFailsAt(3);

        FlowProject.Result first = p.run("push");

        assertThat(first.exit()).as(first.err()).isEqualTo(1);
        assertThat(first.errLine("Error in")).endsWith("Response body: down; stopped at for_each row 3 of 5 (id=3,"
                + " email='c@x.io') after 2 rows succeeded, whose results landed in append table pushed (2 rows).");
        assertThat(rowsOf(p, "pushed")).containsExactly(List.of("0", "earlier run"), List.of("1", "r1"),
                List.of("2", "r2"));
        assertThat(p.savedVariables()).containsEntry("last_pushed", 2);

        apiFailsAt(0);
        FlowProject.Result second = p.run("push");

        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(rowsOf(p, "pushed")).containsExactly(List.of("0", "earlier run"), List.of("1", "r1"),
                List.of("2", "r2"), List.of("3", "r3"), List.of("4", "r4"), List.of("5", "r5"));
        // row 3 was refused once and sent once more by the rerun; no accepted row was sent twice
        assertThat(List.of(posts(1), posts(2), posts(3), posts(4), posts(5))).containsExactly(1, 1, 2, 1, 1);
        api.verify(1, postRequestedFor(urlPathEqualTo("/sync/1")).withRequestBody(equalTo("{\"email\": \"a@x.io\"}")));
        assertThat(p.savedVariables()).containsEntry("last_pushed", 5);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void failingAtTheFirstRowKeepsNothing(Db db) throws Exception {
        FlowProject p = project(db, false);
        apiFailsAt(1);

        FlowProject.Result r = p.run("push");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLine("Error in")).endsWith("Response body: down; stopped at for_each row 1 of 5 (id=1,"
                + " email='a@x.io') before any row succeeded.");
        assertThat(rowsOf(p, "pushed")).containsExactly(List.of("0", "earlier run"));
        assertThat(p.savedVariables()).doesNotContainKey("last_pushed");
        assertThat(List.of(posts(1), posts(2))).containsExactly(1, 0);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aCatchSeesWhereTheLoopStoppedAndTheStatus(Db db) throws Exception {
        FlowProject p = project(db, false);
        p.flow("guarded", """
                steps:
                  - op: try
                    steps:
                      - op: run_flow
                        flow: push
                    catch:
                      - op: print
                        message: "{{ var('error')['status_code'] }} | {{ var('error')['message'] }}"
                """);
        apiFailsAt(4);

        FlowProject.Result r = p.run("guarded");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("500 | HTTP request failed with unexpected status code: 500. Expected status"
                + " codes: [200]. Response body: down; stopped at for_each row 4 of 5 (id=4, email='d@x.io') after 3"
                + " rows succeeded, whose results landed in append table pushed (3 rows).\n");
        assertThat(rowsOf(p, "pushed")).hasSize(4);
        assertThat(p.savedVariables()).containsEntry("last_pushed", 3);
    }

    /**
     * A row's cycle of several pages is one unit: the first page of row 3 was answered and handled, its second page
     * failed, and nothing of row 3 lands, neither its first page's rows nor the cursor that page set.
     */
    @ParameterizedTest
    @EnumSource(Db.class)
    void theRowsAndVariablesOfTheFailingRowsEarlierPagesDoNotLand(Db db) throws Exception {
        FlowProject p = project(db, false);
        p.flow("orders", """
                steps:
                  - op: execute
                    source: stage
                    statement: |
                      create table orders (contact_id integer, page integer, amount integer)
                      go
                  - op: http_request
                    id: orders
                    for_each: {source: stage, table: contacts, as: contact}
                    init:
                      variables:
                        page: {value: 1, scope: local}
                    request:
                      source: api
                      url: "{{ var('base_url') }}/orders/{{ var('contact')['id'] }}"
                      parameters: {page: "{{ var('page') }}"}
                    response:
                      source: stage
                      tables:
                        - table: orders
                          write_mode: append
                          columns: {contact_id: integer, page: integer, amount: integer}
                          data_expression: |
                            [{"contact_id": var("contact")["id"], "page": response.json()["page"], "amount": a}
                             for a in response.json()["amounts"]]
                      variables:
                        cursor_expression: str(var("contact")["id"]) + "-" + str(response.json()["page"])
                        page:
                          value_expression: '1 if response.json()["page"] == 2 else 2'
                          scope: local
                      while_expression: response.json()["page"] == 1
                """);
        for (int id = 1; id <= 5; id++) {
            api.stubFor(get(urlPathEqualTo("/orders/" + id)).withQueryParam("page", equalTo("1"))
                    .willReturn(okJson("{\"page\": 1, \"amounts\": [" + id + "0, " + id + "1]}")));
            api.stubFor(get(urlPathEqualTo("/orders/" + id)).withQueryParam("page", equalTo("2"))
                    .willReturn(id == 3 ? aResponse().withStatus(502).withBody("gateway")
                            : okJson("{\"page\": 2, \"amounts\": [" + id + "2]}")));
        }
        p.apiSource("type: http\nretry: {max_attempts: 1}\n");

        FlowProject.Result r = p.run("orders");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.errLine("Error in")).endsWith("Response body: gateway; stopped at for_each row 3 of 5 (id=3,"
                + " email='c@x.io') after 2 rows succeeded, whose results landed in append table orders (6 rows).");
        assertThat(p.rows("select contact_id, page, amount from orders order by contact_id, amount")).containsExactly(
                List.of("1", "1", "10"), List.of("1", "1", "11"), List.of("1", "2", "12"),
                List.of("2", "1", "20"), List.of("2", "1", "21"), List.of("2", "2", "22"));
        assertThat(p.savedVariables()).containsEntry("cursor", "2-2");
        assertThat(api.findAll(getRequestedFor(urlPathMatching("/orders/.*")))).hasSize(6);
    }

    /**
     * A response value its column type refuses: PostgreSQL stages typed columns, so the row whose response carried it
     * fails and the rows before it are kept; DuckDB stages text and casts on commit, so every row is sent and the
     * commit fails, and the error says that all rows had reached the API.
     */
    @ParameterizedTest
    @EnumSource(Db.class)
    void aValueItsColumnRefusesFailsTheRowOnPostgresAndTheCommitOnDuckDb(Db db) throws Exception {
        FlowProject p = project(db, false);
        p.flow("typed", push(false).replace("remote_id: text", "remote_id: integer")
                .replace("table: pushed", "table: pushed_ids").replace("from pushed p", "from pushed_ids p"));
        p.flow("seed_ids", """
                steps:
                  - op: execute
                    source: stage
                    statement: |
                      create table pushed_ids (id integer, remote_id integer)
                      go
                """);
        assertThat(p.run("seed_ids").exit()).isZero();
        for (int id = 1; id <= 5; id++) {
            api.stubFor(post(urlPathEqualTo("/sync/" + id))
                    .willReturn(okJson("{\"remote_id\": \"" + (id == 3 ? "x3" : String.valueOf(id * 100)) + "\"}")));
        }

        FlowProject.Result r = p.run("typed");

        assertThat(r.exit()).isEqualTo(1);
        if (db == Db.POSTGRES) {
            assertThat(r.errLine("Error in")).contains("SQL error on source 'stage': invalid input syntax for type"
                    + " integer: \"x3\"").endsWith("; stopped at for_each row 3 of 5 (id=3, email='c@x.io') after 2"
                    + " rows succeeded, whose results landed in append table pushed_ids (2 rows).");
            assertThat(p.rows("select id, remote_id from pushed_ids order by id"))
                    .containsExactly(List.of("1", "100"), List.of("2", "200"));
            assertThat(p.savedVariables()).isEqualTo(Map.of("last_pushed", 2));
            assertThat(List.of(posts(1), posts(2), posts(3), posts(4), posts(5))).containsExactly(1, 1, 1, 0, 0);
        } else {
            assertThat(r.errLine("Error in")).contains("SQL error on source 'stage': Conversion Error: Could not"
                    + " convert string 'x3' to INT32").endsWith("; all 5 for_each rows had succeeded, but committing"
                    + " their results failed; project variables are unchanged.");
            assertThat(p.rows("select id, remote_id from pushed_ids order by id")).isEmpty();
            assertThat(p.savedVariables()).doesNotContainKey("last_pushed");
            assertThat(List.of(posts(1), posts(2), posts(3), posts(4), posts(5))).containsExactly(1, 1, 1, 1, 1);
        }
    }
}
