package dev.sequor.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages into typed staging (declared columns on PostgreSQL) load on the loader thread while the next page is asked
 * for, when the op only reads: every row lands in page order, and a value the staging refuses fails the op one request
 * later, tables unchanged. An op that sends anything else still loads each page before asking for the next.
 */
class TypedPagesInBackgroundTest {

    @RegisterExtension
    static final FlowTestDatabase pg = new FlowTestDatabase("sequor_typed_pages");

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

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
                  create table items (id integer, name text)
                  go
                  insert into items values (0, 'earlier run')
                  go
            """;

    private static String fetch(String method) {
        return """
                steps:
                  - op: http_request
                    id: fetch
                    request:
                      source: api
                      url: "{{ var('base_url') }}/items"
                      method: METHOD
                    response:
                      tables:
                        - source: stage
                          table: items
                          write_mode: append
                          columns: {id: integer, name: text}
                          data_path: data
                      pagination:
                        type: page_number
                        total_pages_path: total_pages
                """.replace("METHOD", method);
    }

    /** Three pages of two items; page {@code badPage} (0: none) has an id that is not an integer. */
    private FlowProject project(String method, int badPage) throws Exception {
        FlowProject p = FlowProject.create(tmp, Db.POSTGRES, pg.name(), "base_url: \"" + api.baseUrl() + "\"");
        p.flow("seed", SEED).flow("fetch", fetch(method));
        assertThat(p.run("seed").exit()).isZero();
        for (int page = 1; page <= 3; page++) {
            String first = page == badPage ? "\"x" + page + "\"" : String.valueOf(page * 10 + 1);
            api.stubFor(any(urlPathEqualTo("/items")).withQueryParam("page", equalTo(String.valueOf(page)))
                    .willReturn(okJson("{\"total_pages\": 3, \"data\": [{\"id\": " + first + ", \"name\": \"a" + page
                            + "\"}, {\"id\": " + (page * 10 + 2) + ", \"name\": \"b" + page + "\"}]}")));
        }
        return p;
    }

    @Test
    void everyPageLandsInOrder() throws Exception {
        FlowProject p = project("GET", 0);

        FlowProject.Result r = p.run("fetch");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(p.rows("select id, name from items order by id")).containsExactly(List.of("0", "earlier run"),
                List.of("11", "a1"), List.of("12", "b1"), List.of("21", "a2"), List.of("22", "b2"),
                List.of("31", "a3"), List.of("32", "b3"));
    }

    @Test
    void aRefusedValueFailsTheOpOneRequestLaterWhenTheOpOnlyReads() throws Exception {
        assertPage2sValueFailsTheOpAfter("GET", 3);
    }

    @Test
    void aRefusedValueFailsItsOwnPageWhenTheOpSendsAnythingElse() throws Exception {
        assertPage2sValueFailsTheOpAfter("POST", 2);
    }

    /** Page 2 of 3 carries a value the integer column refuses: the op fails after {@code requests}, table unchanged. */
    private void assertPage2sValueFailsTheOpAfter(String method, int requests) throws Exception {
        FlowProject p = project(method, 2);

        FlowProject.Result r = p.run("fetch");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLine("Error in")).contains("invalid input syntax for type integer: \"x2\"");
        assertThat(p.rows("select id, name from items")).containsExactly(List.of("0", "earlier run"));
        assertThat(api.findAll(anyRequestedFor(urlPathEqualTo("/items")))).hasSize(requests);
    }
}
