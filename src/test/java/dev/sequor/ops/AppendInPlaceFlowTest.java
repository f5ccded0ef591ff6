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
 * A paginated http_request appending inferred columns to an existing PostgreSQL table loads its pages straight into
 * the table, inside the op's transaction: while the op waits for page 2, the table is locked by the op's session and
 * still shows other sessions only its old row; at the end every record is there, with the column page 2 brought.
 */
class AppendInPlaceFlowTest {

    @RegisterExtension
    static final FlowTestDatabase pg = new FlowTestDatabase("sequor_append_in_place");

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

    @Test
    void pagesGoIntoTheTableInsideTheOpsTransaction() throws Exception {
        FlowProject p = FlowProject.create(tmp, Db.POSTGRES, pg.name(), "base_url: \"" + api.baseUrl() + "\"");
        p.flow("seed", SEED).flow("fetch", FETCH);
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

        CompletableFuture<FlowProject.Result> run = CompletableFuture.supplyAsync(() -> p.run("fetch"));
        boolean locked = false;
        List<List<String>> seenMeanwhile = null;
        while (!run.isDone() && !locked) {
            locked = !p.rows(LOCKED).get(0).get(0).equals("0");
            if (locked) {
                seenMeanwhile = p.rows("select count(*) from events");
            } else {
                Thread.sleep(20);
            }
        }
        FlowProject.Result r = run.get();

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(locked).as("the table was locked by the op's load while page 2 was awaited").isTrue();
        assertThat(seenMeanwhile).containsExactly(List.of("1"));
        assertThat(p.rows("select count(*), max(id), count(extra) from events"))
                .containsExactly(List.of(String.valueOf(PAGE_1 + 2), "9999", "1"));
        assertThat(p.rows("select name from events where id in (0, 1, 9999) order by id"))
                .containsExactly(List.of("earlier run"), List.of("n1"), List.of("last"));
    }
}
