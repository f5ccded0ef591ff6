package dev.sequor.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.sequor.testing.FlowProject;
import dev.sequor.testing.FlowProject.Db;
import dev.sequor.testing.FlowTestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code for_each.parallel}: rows in flight at once give exactly the tables and variables of a sequential run, every
 * request is sent once, the server never holds more than {@code parallel} (or the source's max_concurrency) requests,
 * no row sees another's variables, and a failing row stops the op as it does sequentially. Real flows through
 * FlowRunner against WireMock, on DuckDB and PostgreSQL.
 */
class ParallelForEachTest {

    @RegisterExtension
    static final FlowTestDatabase pg = new FlowTestDatabase("sequor_parallel_for_each");

    /**
     * Counts the requests the server holds at once. Each request is held here, before it is matched, for a random
     * {@link #holdFor} time (instead of a WireMock delay, which runs after the listeners) and counted out before its
     * answer is written, so a client can never be counted twice. With a gate ({@link #holdUntil}), every request waits
     * until that many have arrived (or 30 s passed), so whether the client can have that many in flight does not
     * depend on how fast a loaded machine starts them.
     */
    static final class InFlight implements ServeEventListener {

        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();
        private volatile CountDownLatch gate;
        private volatile int minMillis;
        private volatile int maxMillis;

        @Override
        public void beforeMatch(ServeEvent event, Parameters parameters) {
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                CountDownLatch g = gate;
                if (g != null) {
                    g.countDown();
                    g.await(30, TimeUnit.SECONDS);
                }
                if (maxMillis > 0) {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(minMillis, maxMillis + 1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                now.decrementAndGet();
            }
        }

        void holdUntil(int requests) {
            gate = new CountDownLatch(requests);
        }

        void holdFor(int fromMillis, int toMillis) {
            minMillis = fromMillis;
            maxMillis = toMillis;
        }

        @Override
        public String getName() {
            return "in-flight";
        }

        int max() {
            return max.get();
        }

        void reset() {
            gate = null;
            minMillis = 0;
            maxMillis = 0;
            max.set(now.get());
        }
    }

    private static final InFlight IN_FLIGHT = new InFlight();

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().containerThreads(100).extensions(IN_FLIGHT)).build();

    @TempDir
    Path tmp;

    @BeforeEach
    void reset() {
        api.resetAll();
        IN_FLIGHT.reset();
    }

    /** {@code n} contacts, ids 1..n, and two empty append tables. */
    private static String seed(int n) {
        return """
                steps:
                  - op: execute
                    source: stage
                    statement: |
                      create table contacts (id integer, email text)
                      go
                      insert into contacts select i, 'c' || cast(i as varchar) || '@x.io' from generate_series(1, %d) as t(i)
                      go
                      create table pushed (id integer, email text, remote_id text)
                      go
                """.formatted(n);
    }

    /**
     * POSTs every contact; each row lands in {@code pushed} (append) and {@code snapshot} (create), sets the project
     * variable {@code last_pushed} and the local variable {@code remote}, which the step after it prints.
     */
    private static String push(String parallel) {
        return """
                steps:
                  - op: http_request
                    id: push
                    for_each: {source: stage, query: "select * from contacts order by id", as: contact%s}
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
                        remote:
                          value_expression: response.json()["remote_id"]
                          scope: local
                      tables:
                        - table: pushed
                          write_mode: append
                          columns: {id: integer, email: text, remote_id: text}
                          data_expression: |
                            [{"id": var("contact")["id"], "email": var("contact")["email"],
                              "remote_id": response.json()["remote_id"]}]
                        - table: snapshot
                          columns: {id: integer, remote_id: text}
                          data_expression: '[{"id": var("contact")["id"], "remote_id": response.json()["remote_id"]}]'
                  - op: print
                    message: "after: {{ var('contact')['id'] }} {{ var('remote') }}"
                """.formatted(parallel == null ? "" : ", parallel: " + parallel);
    }

    private FlowProject project(Db db, int contacts) throws Exception {
        FlowProject p = FlowProject.create(tmp, db, pg.name(), "base_url: \"" + api.baseUrl() + "\"");
        p.flow("seed", seed(contacts));
        FlowProject.Result seeded = p.run("seed");
        assertThat(seeded.exit()).as(seeded.err()).isZero();
        return p;
    }

    /** Every contact is accepted after a random 5-40 ms, so rows finish out of order; {@code failing} gets a 500. */
    private void apiAccepts(int failing) {
        api.stubFor(post(urlPathMatching("/sync/[0-9]+")).willReturn(okJson("{\"remote_id\": \"r{{request.pathSegments.[1]}}\"}")
                .withTransformers("response-template")));
        IN_FLIGHT.holdFor(5, 40);
        if (failing > 0) {
            api.stubFor(post(urlPathEqualTo("/sync/" + failing)).willReturn(aResponse().withStatus(500).withBody("down")));
        }
    }

    private int posts(int id) {
        return api.findAll(postRequestedFor(urlPathEqualTo("/sync/" + id))).size();
    }

    private static List<List<String>> everyRow(FlowProject p, String table) throws Exception {
        // no ORDER BY: the order the rows were inserted in, which is for_each row order
        return p.rows("select * from " + table);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void parallelRowsLandExactlyTheTablesAndVariablesOfASequentialRun(Db db) throws Exception {
        FlowProject p = project(db, 200);
        apiAccepts(0);
        p.flow("push_in_turn", push(null)).flow("push_parallel", push("8"));

        FlowProject.Result inTurn = p.run("push_in_turn");
        assertThat(inTurn.exit()).as(inTurn.err()).isZero();
        List<List<String>> pushedInTurn = everyRow(p, "pushed");
        List<List<String>> snapshotInTurn = everyRow(p, "snapshot");
        p.rows("delete from pushed returning id");
        api.resetRequests();
        IN_FLIGHT.reset();
        IN_FLIGHT.holdFor(5, 40);

        FlowProject.Result parallel = p.run("push_parallel");

        assertThat(parallel.exit()).as(parallel.err()).isZero();
        assertThat(everyRow(p, "pushed")).hasSize(200).isEqualTo(pushedInTurn);
        assertThat(everyRow(p, "snapshot")).hasSize(200).isEqualTo(snapshotInTurn);
        assertThat(pushedInTurn.get(0)).containsExactly("1", "c1@x.io", "r1");
        for (int id = 1; id <= 200; id++) {
            assertThat(posts(id)).as("POSTs of row %d", id).isEqualTo(1);
        }
        assertThat(IN_FLIGHT.max()).isBetween(2, 8);
        // the last row's variables, as after a sequential run
        assertThat(p.savedVariables()).containsEntry("last_pushed", 200);
        assertThat(parallel.out()).isEqualTo(inTurn.out()).isEqualTo("after: 200 r200\n");
        assertThat(p.log()).contains("INFO \"http_request: push\": 200 requests\n");
    }

    /**
     * The control for the test below: without a limit, 64 rows are all at the server at once (more than the HTTP
     * client's default pool of 50 connections per host): the server answers none before all 64 arrived.
     */
    @Test
    void parallelRowsAreAtTheServerAtOnce() throws Exception {
        FlowProject p = project(Db.DUCKDB, 64);
        api.stubFor(post(urlPathMatching("/sync/[0-9]+")).willReturn(okJson("{\"remote_id\": \"r\"}")));
        p.flow("push", push("64"));
        IN_FLIGHT.holdUntil(64);

        FlowProject.Result r = p.run("push");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(IN_FLIGHT.max()).isEqualTo(64);
        assertThat(api.findAll(postRequestedFor(urlPathMatching("/sync/.*")))).hasSize(64);
    }

    @Test
    void theSourcesMaxConcurrencyCapsTheRowsInFlight() throws Exception {
        FlowProject p = project(Db.DUCKDB, 40);
        api.stubFor(post(urlPathMatching("/sync/[0-9]+")).willReturn(okJson("{\"remote_id\": \"r\"}")));
        IN_FLIGHT.holdFor(60, 60);
        p.apiSource("type: http\nrate_limit: {max_concurrency: 3}\n").flow("push", push("8"));

        FlowProject.Result r = p.run("push");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(IN_FLIGHT.max()).isEqualTo(3);
        assertThat(api.findAll(postRequestedFor(urlPathMatching("/sync/.*")))).hasSize(40);
    }

    /**
     * Each row pages twice: its first response sets the local variable {@code token}, which its second request sends.
     * A row that saw another row's token would send a first request with a token, or a second with the wrong one.
     */
    @Test
    void eachRowSeesOnlyItsOwnLocalVariables() throws Exception {
        FlowProject p = project(Db.DUCKDB, 30);
        p.flow("pages", """
                steps:
                  - op: execute
                    source: stage
                    statement: |
                      create table tokens (id integer, token text)
                      go
                  - op: http_request
                    id: pages
                    for_each: {source: stage, table: contacts, as: contact, parallel: 6}
                    request:
                      url: "{{ var('base_url') }}/items/{{ var('contact')['id'] }}"
                      parameters_expression: '{"token": var("token")} if is_var_defined("token") else {}'
                    response:
                      source: stage
                      tables:
                        - table: tokens
                          write_mode: append
                          columns: {id: integer, token: text}
                          data_expression: '[{"id": var("contact")["id"], "token": var("token")}] if is_var_defined("token") else []'
                      variables:
                        token:
                          value_expression: response.json()["token"]
                          scope: local
                      while_expression: response.json()["more"]
                """);
        for (int id = 1; id <= 30; id++) {
            api.stubFor(get(urlPathEqualTo("/items/" + id)).withQueryParam("token", absent())
                    .willReturn(okJson("{\"token\": \"t" + id + "\", \"more\": true}").withUniformRandomDelay(5, 30)));
            api.stubFor(get(urlPathEqualTo("/items/" + id)).withQueryParam("token", equalTo("t" + id))
                    .willReturn(okJson("{\"token\": \"t" + id + "\", \"more\": false}").withUniformRandomDelay(5, 30)));
        }

        FlowProject.Result r = p.run("pages");

        assertThat(r.exit()).as(r.err()).isZero();
        List<List<String>> expected = new ArrayList<>();
        for (int id = 1; id <= 30; id++) {
            expected.add(List.of(String.valueOf(id), "t" + id));
            assertThat(api.findAll(getRequestedFor(urlPathEqualTo("/items/" + id)).withQueryParam("token", absent())))
                    .hasSize(1);
            assertThat(api.findAll(getRequestedFor(urlPathEqualTo("/items/" + id))
                    .withQueryParam("token", equalTo("t" + id)))).hasSize(1);
        }
        assertThat(api.findAll(getRequestedFor(urlPathMatching("/items/.*")))).hasSize(60);
        assertThat(p.rows("select id, token from tokens")).isEqualTo(expected);
    }

    private static final Pattern LATER = Pattern.compile("; (\\d+) later rows? (?:was|were) already in flight and sent"
            + " \\(rows? ([0-9, -]+)\\); their results were discarded\\.$");

    /**
     * Row 10 of 40 fails while rows after it are in flight: as sequentially, rows 1-9 land in the append table and
     * their variables are saved; the later rows that were sent are named, and nothing of them is kept.
     */
    @ParameterizedTest
    @EnumSource(Db.class)
    void aFailingRowStopsTheOpAsSequentiallyAndNamesTheLaterRowsThatWereSent(Db db) throws Exception {
        FlowProject p = project(db, 40);
        apiAccepts(10);
        p.flow("push", push("4").replace("- table: snapshot", "- table: snapshot\n          write_mode: append"));
        p.flow("snapshot", """
                steps:
                  - op: execute
                    source: stage
                    statement: |
                      create table snapshot (id integer, remote_id text)
                      go
                """);
        assertThat(p.run("snapshot").exit()).isZero();

        FlowProject.Result r = p.run("push");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        String error = r.errLine("Error in");
        assertThat(error).contains("\"http_request: push\": HTTP request failed with unexpected status code: 500."
                + " Expected status codes: [200]. Response body: down; stopped at for_each row 10 of 40 (id=10,"
                + " email='c10@x.io') after 9 rows succeeded, whose results landed in append tables pushed (9 rows) and"
                + " snapshot (9 rows)");
        List<Integer> laterSent = new ArrayList<>();
        for (int id = 11; id <= 40; id++) {
            assertThat(posts(id)).isLessThanOrEqualTo(1);
            if (posts(id) == 1) {
                laterSent.add(id);
            }
        }
        Matcher later = LATER.matcher(error);
        if (laterSent.isEmpty()) {
            assertThat(error).endsWith("snapshot (9 rows).");
        } else {
            assertThat(later.find()).as(error).isTrue();
            assertThat(Integer.parseInt(later.group(1))).isEqualTo(laterSent.size());
            // rows start in row order, so those sent after row 10 are the ones right after it
            assertThat(laterSent).isEqualTo(range(11, 10 + laterSent.size()));
            assertThat(later.group(2)).isEqualTo(laterSent.size() == 1 ? "11" : "11-" + (10 + laterSent.size()));
        }
        // at most twice parallel rows are started ahead of the one being applied
        assertThat(laterSent.size()).isLessThanOrEqualTo(8);
        assertThat(p.rows("select id from pushed order by id")).isEqualTo(range(1, 9).stream()
                .map(i -> List.of(String.valueOf(i))).toList());
        assertThat(p.savedVariables()).containsEntry("last_pushed", 9);
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }
}
