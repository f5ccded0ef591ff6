package dev.sequor.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sequor.testing.FlowProject;
import dev.sequor.testing.FlowProject.Db;
import dev.sequor.testing.FlowTestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paginated http_request on PostgreSQL loads its pages straight into tables inside the op's transaction: appending
 * inferred columns to an existing table, the table is locked by the op's session while the op waits for page 2 and
 * still shows other sessions only its old row, and at the end every record is there, with the column page 2 brought;
 * creating with declared columns, the pages go into a table no other session sees, swapped in at the end.
 */
class InPlaceLoadsFlowTest {

    @RegisterExtension
    static final FlowTestDatabase pg = new FlowTestDatabase("sequor_in_place_loads");

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;

    /** More records than a load waits for, so page 1 loads while page 2 is asked for. */
    static final int PAGE_1 = 5_000;

    private static final String SEED = """
            steps:
              - op: execute
                source: stage
                statement: |
                  create table events (id bigint, name text)
                  go
                  insert into events values (0, 'earlier run')
                  go
            """;

    private static final String FETCH = """
            steps:
              - op: http_request
                id: fetch
                request:
                  source: api
                  url: "{{ var('base_url') }}/events"
                response:
                  tables:
                    - source: stage
                      table: events
                      write_mode: append
                      data_path: data
                  pagination:
                    type: page_number
                    total_pages_path: total_pages
            """;

    /** Whether a session other than this query's holds the ROW EXCLUSIVE lock a load takes on {@code events}. */
    private static final String LOCKED = "select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
            + " where l.database = (select oid from pg_database where datname = current_database())"
            + " and c.relname = 'events' and l.mode = 'RowExclusiveLock' and l.pid <> pg_backend_pid()";

    /** Whether another session holds a lock on a table this session cannot see (one created but not committed). */
    private static final String LOCKED_UNSEEN = "select count(*) from pg_locks l where l.locktype = 'relation'"
            + " and l.pid <> pg_backend_pid()"
            + " and l.database = (select oid from pg_database where datname = current_database())"
            + " and not exists (select 1 from pg_class c where c.oid = l.relation)";

    /** Page 1 of {@link #PAGE_1} events, page 2 with one more (and a field page 1 did not have), 3 s late. */
    private FlowProject project(String fetch) throws Exception {
        FlowProject p = FlowProject.create(tmp, Db.POSTGRES, pg.name(), "base_url: \"" + api.baseUrl() + "\"");
        p.flow("seed", SEED).flow("fetch", fetch);
        assertThat(p.run("seed").exit()).isZero();
        StringBuilder page1 = new StringBuilder("{\"total_pages\": 2, \"data\": [");
        for (int i = 1; i <= PAGE_1; i++) {
            page1.append(i > 1 ? "," : "").append("{\"id\": ").append(i).append(", \"name\": \"n").append(i)
                    .append("\"}");
        }
        api.stubFor(get(urlPathEqualTo("/events")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(page1.append("]}").toString())));
        api.stubFor(get(urlPathEqualTo("/events")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson("{\"total_pages\": 2, \"data\": [{\"id\": 9999, \"name\": \"last\", \"extra\": true}]}")
                        .withFixedDelay(3_000)));
        return p;
    }

    /**
     * Runs the fetch; while it waits for page 2, as soon as {@code whileLoading} (a count) is not 0, reads the events
     * table as another session sees it. Returns that read, or null if the condition never held.
     */
    private static List<List<String>> seenWhileLoading(FlowProject p, String whileLoading) throws Exception {
        CompletableFuture<FlowProject.Result> run = CompletableFuture.supplyAsync(() -> p.run("fetch"));
        List<List<String>> seen = null;
        while (!run.isDone() && seen == null) {
            if (!p.rows(whileLoading).get(0).get(0).equals("0")) {
                seen = p.rows("select count(*) from events");
            } else {
                Thread.sleep(20);
            }
        }
        FlowProject.Result r = run.get();
        assertThat(r.exit()).as(r.err()).isZero();
        return seen;
    }

    @Test
    void pagesGoIntoTheTableInsideTheOpsTransaction() throws Exception {
        FlowProject p = project(FETCH);

        List<List<String>> seenMeanwhile = seenWhileLoading(p, LOCKED);

        assertThat(seenMeanwhile).as("the table was locked by the op's load while page 2 was awaited")
                .containsExactly(List.of("1"));
        assertThat(p.rows("select count(*), max(id), count(extra) from events"))
                .containsExactly(List.of(String.valueOf(PAGE_1 + 2), "9999", "1"));
        assertThat(p.rows("select name from events where id in (0, 1, 9999) order by id"))
                .containsExactly(List.of("earlier run"), List.of("n1"), List.of("last"));
    }

    @Test
    void aCreateBuildsItsTableUnseenWhileTheOldOneStaysReadable() throws Exception {
        FlowProject p = project(FETCH.replace("write_mode: append", "columns: {id: integer, name: text}"));

        List<List<String>> seenMeanwhile = seenWhileLoading(p, LOCKED_UNSEEN);

        assertThat(seenMeanwhile).as("a table no one else sees was being loaded while page 2 was awaited")
                .containsExactly(List.of("1"));
        assertThat(p.rows("select count(*), min(id), max(id) from events"))
                .containsExactly(List.of(String.valueOf(PAGE_1 + 1), "1", "9999"));
        assertThat(p.rows("select column_name from information_schema.columns where table_name = 'events'"
                + " order by ordinal_position")).containsExactly(List.of("id"), List.of("name"));
    }
}
