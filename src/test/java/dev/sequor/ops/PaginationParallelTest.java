package dev.sequor.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sequor.testing.FlowProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pagination.parallel}: pages asked for ahead once the API said how many there are, handled in page order, each
 * page asked for once, pages the fetch turns out not to need dropped unhandled; and the flows it is refused for.
 */
class PaginationParallelTest {

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().containerThreads(32)).build();

    @TempDir
    Path tmp;

    private FlowProject project;

    @BeforeEach
    void setUp() throws Exception {
        api.resetAll();
        project = FlowProject.create(tmp, FlowProject.Db.DUCKDB, null, "base: \"" + api.baseUrl() + "\"");
    }

    private FlowProject.Result fetch(String method, String pagination) throws Exception {
        project.flow("main", """
                steps:
                  - op: http_request
                    id: fetch
                    request:
                      url: "{{ var('base') }}/items"
                      method: %s
                    response:
                      tables:
                        - source: stage
                          table: items
                          columns: {id: integer}
                          data_path: data
                      pagination:
                """.formatted(method) + pagination.indent(8));
        return project.run("main");
    }

    /** The page where query parameter {@code param} is {@code value}: ids firstId.. (count of them), {@code meta} beside. */
    private static void page(String param, long value, String meta, int firstId, int count, int delayMs) {
        String data = IntStream.range(firstId, firstId + count).mapToObj(i -> "{\"id\": " + i + "}")
                .collect(Collectors.joining(", "));
        api.stubFor(get(urlPathEqualTo("/items")).withQueryParam(param, equalTo(Long.toString(value)))
                .willReturn(okJson("{\"data\": [" + data + "], " + meta + "}").withFixedDelay(delayMs)));
    }

    private static List<String> requested() {
        return PaginationTest.requested(api);
    }

    /** The ids in the order they were written. */
    private List<String> idsInWriteOrder() throws Exception {
        return project.rows("SELECT id FROM items ORDER BY rowid").stream().map(r -> r.get(0)).toList();
    }

    @Test
    void pagesAreAskedForAheadButWrittenInPageOrder() throws Exception {
        // the later a page, the sooner it answers: only handling in page order keeps the rows in order
        for (int n = 1; n <= 6; n++) {
            page("page", n, "\"total_pages\": 6", n * 10 + 1, 2, n == 1 ? 0 : (7 - n) * 150);
        }
        FlowProject.Result r = fetch("GET", "type: page_number\ntotal_pages_path: total_pages\nparallel: 4");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 6).mapToObj(n -> "/items?page=" + n).toList());
        assertThat(idsInWriteOrder()).containsExactly("11", "12", "21", "22", "31", "32", "41", "42", "51", "52", "61",
                "62");
        assertThat(project.log()).contains("\"http_request: fetch\": 6 requests");
    }

    @Test
    void upToParallelPagesAreInFlightAtOnce() throws Exception {
        // every page after the first takes 1 s to answer: one page at a time, page 5 could not be asked for before
        // page 2 had answered; with parallel: 4, pages 2 to 5 are asked for together
        page("page", 1, "\"total_pages\": 6", 1, 1, 0);
        for (int n = 2; n <= 6; n++) {
            page("page", n, "\"total_pages\": 6", n, 1, 1000);
        }
        FlowProject.Result r = fetch("GET", "type: page_number\ntotal_pages_path: total_pages\nparallel: 4");
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Long> received = api.getAllServeEvents().stream().collect(Collectors.toMap(
                e -> e.getRequest().getUrl(), e -> e.getRequest().getLoggedDate().getTime()));
        assertThat(received.get("/items?page=5") - received.get("/items?page=2")).isLessThan(1000);
        // page 6 is asked for only when page 2 was taken: never more than 4 in flight
        assertThat(received.get("/items?page=6") - received.get("/items?page=2")).isGreaterThanOrEqualTo(1000);
        assertThat(idsInWriteOrder()).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void offsetPagesAreAskedForAheadUpToTheTotal() throws Exception {
        for (int n = 0; n < 4; n++) {
            page("offset", n * 3L, "\"total\": 11", n * 3 + 1, n == 3 ? 2 : 3, (4 - n) * 100);
        }
        FlowProject.Result r = fetch("GET", "type: offset\nlimit: 3\ntotal_path: total\nparallel: 8");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactlyInAnyOrder("/items?offset=0&limit=3", "/items?offset=3&limit=3",
                "/items?offset=6&limit=3", "/items?offset=9&limit=3");
        assertThat(idsInWriteOrder()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
    }

    @Test
    void aFetchThatEndsEarlyDropsThePagesAskedForAfterIt() throws Exception {
        // the API says 5 pages, but page 3 is empty: the fetch ends there as it would one page at a time
        page("page", 1, "\"total_pages\": 5", 1, 1, 0);
        page("page", 2, "\"total_pages\": 5", 2, 1, 0);
        page("page", 3, "\"total_pages\": 5", 3, 0, 200);
        page("page", 4, "\"total_pages\": 5", 4, 1, 0);
        page("page", 5, "\"total_pages\": 5", 5, 1, 0);
        FlowProject.Result r = fetch("GET", "type: page_number\ntotal_pages_path: total_pages\nparallel: 4");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(idsInWriteOrder()).containsExactly("1", "2");
        List<String> urls = requested();
        assertThat(urls).doesNotHaveDuplicates().startsWith("/items?page=1").contains("/items?page=2", "/items?page=3");
        // the summary counts every request sent, those for the dropped pages included
        assertThat(project.log()).contains("\"http_request: fetch\": " + urls.size() + " requests");
    }

    @Test
    void maxPagesCapsThePagesAskedForAhead() throws Exception {
        for (int n = 1; n <= 9; n++) {
            page("page", n, "\"total_pages\": 9", n, 1, 0);
        }
        FlowProject.Result r = fetch("GET", "type: page_number\ntotal_pages_path: total_pages\nmax_pages: 3\nparallel: 8");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactlyInAnyOrder("/items?page=1", "/items?page=2", "/items?page=3");
        assertThat(r.err()).contains("warning: \"http_request: fetch\" stopped after max_pages (3) pages; the API has"
                + " more.");
        assertThat(idsInWriteOrder()).containsExactly("1", "2", "3");
    }

    @Test
    void aFailingPageFailsTheOpAndWritesNothing() throws Exception {
        page("page", 1, "\"total_pages\": 4", 1, 1, 0);
        page("page", 2, "\"total_pages\": 4", 2, 1, 300);
        api.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("3"))
                .willReturn(aResponse().withStatus(404).withBody("no such page")));
        page("page", 4, "\"total_pages\": 4", 4, 1, 0);
        FlowProject.Result r = fetch("GET", "type: page_number\ntotal_pages_path: total_pages\nparallel: 3");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("Error in \"http_request: fetch\"").contains("404");
        assertThat(project.rows("SELECT count(*) FROM information_schema.tables WHERE table_name = 'items'"))
                .containsExactly(List.of("0"));
    }

    @Test
    void aPageThatIsNotJsonFailsInItsTurnAsWithoutParallel() throws Exception {
        // page 3's body is parsed ahead on a page thread; its error must still be the op's, at page 3
        page("page", 1, "\"total_pages\": 4", 1, 1, 0);
        page("page", 2, "\"total_pages\": 4", 2, 1, 300);
        api.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("3"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>busy")));
        page("page", 4, "\"total_pages\": 4", 4, 1, 0);
        for (String parallel : List.of("", "\nparallel: 3")) {
            FlowProject.Result r = fetch("GET", "type: page_number\ntotal_pages_path: total_pages" + parallel);
            assertThat(r.exit()).as(parallel).isNotZero();
            assertThat(r.err()).as(parallel).contains("Error in \"http_request: fetch\"")
                    .contains("Response body is not valid JSON (status 200, Content-Type text/html): <html>busy");
            assertThat(project.rows("SELECT count(*) FROM information_schema.tables WHERE table_name = 'items'"))
                    .containsExactly(List.of("0"));
        }
    }

    @Test
    void parallelNeedsTheNumberOfPages() throws Exception {
        FlowProject.Result r = fetch("GET", "type: cursor\ncursor_param: after\ncursor_path: next\nparallel: 4");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'parallel' in http_request \"fetch\" response pagination asks for pages before"
                + " the ones before them are handled, so it needs the number of pages from the API: write it with"
                + " page_number and total_pages_path, or offset and total_path.");
        r = fetch("GET", "type: page_number\nparallel: 4");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(requested()).isEmpty();
    }

    @Test
    void onlyGetRequestsAreAskedForAhead() throws Exception {
        FlowProject.Result r = fetch("POST", "type: page_number\ntotal_pages_path: total_pages\nparallel: 4");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("'parallel' in http_request \"fetch\" pagination sends requests for pages before"
                + " it knows they are needed, which only GET requests may do; this request is POST.");
        assertThat(requested()).isEmpty();
    }
}
