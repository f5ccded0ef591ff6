package dev.sequor.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.sequor.testing.FlowProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code response.pagination}, one test per kind and per way of stopping: the requests the API received, in order,
 * and the rows landed.
 */
class PaginationTest {

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;

    private FlowProject project;

    @BeforeEach
    void setUp() throws Exception {
        api.resetAll();
        project = FlowProject.create(tmp, FlowProject.Db.DUCKDB, null, "base: \"" + api.baseUrl() + "\"");
    }

    /** A fetch of /items into table items with {@code pagination} (YAML lines at column 0) and {@code extra} response keys. */
    private FlowProject.Result fetch(String pagination, String extra) throws Exception {
        project.flow("main", """
                steps:
                  - op: http_request
                    id: fetch
                    request:
                      url: "{{ var('base') }}/items"
                      parameters:
                        kind: all
                    response:
                      tables:
                        - source: stage
                          table: items
                          columns: {id: integer}
                          data_path: data
                      pagination:
                """ + pagination.indent(8) + extra.indent(6));
        return project.run("main");
    }

    /** A page of records with these ids, plus {@code more} JSON members. */
    private static String page(String more, int... ids) {
        String data = IntStream.of(ids).mapToObj(i -> "{\"id\": " + i + "}").collect(Collectors.joining(", "));
        return "{\"data\": [" + data + "]" + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    private static void stub(MappingBuilder request, String body) {
        api.stubFor(request.willReturn(okJson(body)));
    }

    private static List<String> requested() {
        return requested(api);
    }

    /**
     * The URLs {@code server} received, in the order it received them. WireMock lists its log newest first and dates
     * requests to the millisecond; two requests within one millisecond keep the log's order (sorted oldest first by a
     * stable sort).
     */
    static List<String> requested(WireMockExtension server) {
        List<ServeEvent> oldestFirst = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(oldestFirst);
        return oldestFirst.stream().sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(ServeEvent::getRequest).map(r -> r.getUrl()).toList();
    }

    private List<String> ids() throws Exception {
        return project.rows("SELECT id FROM items ORDER BY id").stream().map(r -> r.get(0)).toList();
    }

    @Test
    void pageNumberStopsOnTheFirstEmptyPage() throws Exception {
        stub(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("1")), page("", 1, 2));
        stub(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("2")), page("", 3));
        stub(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("3")), page(""));
        FlowProject.Result r = fetch("type: page_number\npage_size_param: per_page\npage_size: 2", "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=all&page=1&per_page=2", "/items?kind=all&page=2&per_page=2",
                "/items?kind=all&page=3&per_page=2");
        assertThat(ids()).containsExactly("1", "2", "3");
    }

    @Test
    void pageNumberStopsWhenTotalPagesIsReachedOrHasMoreIsFalse() throws Exception {
        stub(get(urlPathEqualTo("/items")).withQueryParam("p", equalTo("0")), page("\"meta\": {\"pages\": 2}", 1));
        stub(get(urlPathEqualTo("/items")).withQueryParam("p", equalTo("1")), page("\"meta\": {\"pages\": 2}", 2));
        FlowProject.Result r = fetch("type: page_number\npage_param: p\nstart: 0\ntotal_pages_path: meta.pages", "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=all&p=0", "/items?kind=all&p=1");
        assertThat(ids()).containsExactly("1", "2");

        api.resetAll();
        stub(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("1")), page("\"has_more\": true", 1));
        stub(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("2")), page("\"has_more\": false", 2));
        r = fetch("type: page_number\nhas_more_path: has_more", "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=all&page=1", "/items?kind=all&page=2");
        assertThat(ids()).containsExactly("1", "2");
    }

    @Test
    void offsetStopsOnAShortPageOrAtTheTotal() throws Exception {
        stub(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo("0")), page("", 1, 2));
        stub(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo("2")), page("", 3, 4));
        stub(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo("4")), page("", 5));
        FlowProject.Result r = fetch("type: offset\nlimit: 2", "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=all&offset=0&limit=2", "/items?kind=all&offset=2&limit=2",
                "/items?kind=all&offset=4&limit=2");
        assertThat(ids()).containsExactly("1", "2", "3", "4", "5");

        api.resetAll();
        stub(get(urlPathEqualTo("/items")).withQueryParam("skip", equalTo("0")), page("\"total\": 4", 1, 2));
        stub(get(urlPathEqualTo("/items")).withQueryParam("skip", equalTo("2")), page("\"total\": 4", 3, 4));
        r = fetch("type: offset\noffset_param: skip\nlimit_param: take\nlimit: 2\ntotal_path: total", "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=all&skip=0&take=2", "/items?kind=all&skip=2&take=2");

        // a full last page: the empty page after it stops the fetch
        api.resetAll();
        stub(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo("0")), page("", 1, 2));
        stub(get(urlPathEqualTo("/items")).withQueryParam("offset", equalTo("2")), page(""));
        r = fetch("type: offset\nlimit: 2", "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=all&offset=0&limit=2", "/items?kind=all&offset=2&limit=2");
        assertThat(ids()).containsExactly("1", "2");
    }

    @Test
    void cursorFollowsThePathUntilItIsNullOrHasMoreIsFalse() throws Exception {
        stub(get(urlPathEqualTo("/items")).withQueryParam("after", absent()), page("", 1, 2));
        stub(get(urlPathEqualTo("/items")).withQueryParam("after", equalTo("2")), page("", 3));
        stub(get(urlPathEqualTo("/items")).withQueryParam("after", equalTo("3")), page(""));
        FlowProject.Result r = fetch("type: cursor\ncursor_param: after\ncursor_path: \"data[-1].id\"", "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=all", "/items?kind=all&after=2", "/items?kind=all&after=3");
        assertThat(ids()).containsExactly("1", "2", "3");

        api.resetAll();
        stub(get(urlPathEqualTo("/items")).withQueryParam("after", absent()), page("\"more\": true, \"next\": \"x1\"", 1));
        stub(get(urlPathEqualTo("/items")).withQueryParam("after", equalTo("x1")),
                page("\"more\": false, \"next\": \"x2\"", 2));
        r = fetch("type: cursor\ncursor_param: after\ncursor_path: next\nhas_more_path: more", "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=all", "/items?kind=all&after=x1");

        // an empty cursor ends the fetch as a null one does
        api.resetAll();
        stub(get(urlPathEqualTo("/items")).withQueryParam("after", absent()), page("\"next\": \"x1\"", 1));
        stub(get(urlPathEqualTo("/items")).withQueryParam("after", equalTo("x1")), page("\"next\": \"\"", 2));
        r = fetch("type: cursor\ncursor_param: after\ncursor_path: next", "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=all", "/items?kind=all&after=x1");
        assertThat(ids()).containsExactly("1", "2");
    }

    @Test
    void aRepeatedCursorStopsWithAnErrorAndLandsNothing() throws Exception {
        stub(get(urlPathEqualTo("/items")).withQueryParam("after", absent()), page("\"next\": \"c1\"", 1));
        stub(get(urlPathEqualTo("/items")).withQueryParam("after", equalTo("c1")), page("\"next\": \"c2\"", 2));
        stub(get(urlPathEqualTo("/items")).withQueryParam("after", equalTo("c2")), page("\"next\": \"c1\"", 3));
        FlowProject.Result r = fetch("type: cursor\ncursor_param: after\ncursor_path: next", "");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Error in \"http_request: fetch\": Page 3 gave the cursor 'c1' again, which was already fetched; the API is"
                + " repeating itself, so the op stops instead of fetching the same pages forever.");
        assertThat(requested()).hasSize(3);
        assertThat(project.rows("SELECT count(*) FROM information_schema.tables WHERE table_name = 'items'"))
                .containsExactly(List.of("0"));
    }

    @Test
    void nextUrlFollowsRelativeAndAbsoluteLinksWithoutTheOpsParameters() throws Exception {
        stub(get(urlPathEqualTo("/items")).withQueryParam("kind", equalTo("all")),
                page("\"links\": {\"next\": \"/items?cursor=b\"}", 1));
        stub(get(urlPathEqualTo("/items")).withQueryParam("cursor", equalTo("b")),
                page("\"links\": {\"next\": \"" + api.baseUrl() + "/more?cursor=c\"}", 2));
        stub(get(urlPathEqualTo("/more")), page("\"links\": {}", 3));
        FlowProject.Result r = fetch("type: next_url\nnext_url_path: links.next", "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=all", "/items?cursor=b", "/more?cursor=c");
        assertThat(ids()).containsExactly("1", "2", "3");
    }

    @Test
    void aNextUrlPointingBackAtAFetchedPageIsAnError() throws Exception {
        stub(get(urlPathEqualTo("/items")).withQueryParam("kind", equalTo("all")), page("\"next\": \"/items?p=2\"", 1));
        stub(get(urlPathEqualTo("/items")).withQueryParam("p", equalTo("2")), page("\"next\": \"/items?p=2\"", 2));
        FlowProject.Result r = fetch("type: next_url\nnext_url_path: next", "");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Page 2 gave the next URL '" + api.baseUrl() + "/items?p=2' again, which was already"
                + " fetched;");
        assertThat(requested()).containsExactly("/items?kind=all", "/items?p=2");
    }

    @Test
    void linkHeaderFollowsRelNextUntilThereIsNone() throws Exception {
        api.stubFor(get(urlPathEqualTo("/items")).withQueryParam("kind", equalTo("all")).willReturn(okJson(page("", 1))
                .withHeader("Link", "<" + api.baseUrl() + "/items?page=2>; rel=\"next\", <"
                        + api.baseUrl() + "/items?page=3>; rel=\"last\"")));
        api.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("2")).willReturn(okJson(page("", 2))
                .withHeader("Link", "</items?page=3>; rel=\"next last\"")));
        api.stubFor(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("3")).willReturn(okJson(page("", 3))
                .withHeader("Link", "</items?page=1>; rel=\"first\"")));
        FlowProject.Result r = fetch("type: link_header", "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=all", "/items?page=2", "/items?page=3");
        assertThat(ids()).containsExactly("1", "2", "3");
    }

    /** As Python requests resolves them against response.url: the URL the redirects landed on, not the one asked for. */
    @Test
    void relativeNextLinksResolveAgainstTheUrlARedirectLandedOn() throws Exception {
        api.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/v2/items?kind=all")));
        stub(get(urlPathEqualTo("/v2/items")).withQueryParam("kind", equalTo("all")),
                page("\"links\": {\"next\": \"items?cursor=b\"}", 1));
        stub(get(urlPathEqualTo("/v2/items")).withQueryParam("cursor", equalTo("b")), page("\"links\": {}", 2));
        FlowProject.Result r = fetch("type: next_url\nnext_url_path: links.next", "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=all", "/v2/items?kind=all", "/v2/items?cursor=b");
        assertThat(ids()).containsExactly("1", "2");

        api.resetAll();
        api.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/v2/items?kind=all")));
        api.stubFor(get(urlPathEqualTo("/v2/items")).withQueryParam("kind", equalTo("all")).willReturn(okJson(page("", 1))
                .withHeader("Link", "<items?page=2>; rel=\"next\"")));
        stub(get(urlPathEqualTo("/v2/items")).withQueryParam("page", equalTo("2")), page("", 2));
        r = fetch("type: link_header", "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=all", "/v2/items?kind=all", "/v2/items?page=2");
        assertThat(ids()).containsExactly("1", "2");
    }

    /** As the op's own url: nothing could be sent to it, so it fails at once, neither sent nor retried. */
    @Test
    void aNextUrlThatIsNotHttpFailsAtOnce() throws Exception {
        stub(get(urlPathEqualTo("/items")), page("\"n\": \"ftp://x/y\"", 1));
        FlowProject.Result r = fetch("type: next_url\nnext_url_path: n", "");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Error in \"http_request: fetch\": Invalid next page URL 'ftp://x/y' (after page 1):"
                + " only http:// and https:// URLs can be followed.");
        assertThat(r.err()).doesNotContain("Retrying").doesNotContain("attempts");
        assertThat(requested()).containsExactly("/items?kind=all");

        api.resetAll();
        api.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(page("", 1))
                .withHeader("Link", "<ftp://x/y>; rel=\"next\"")));
        r = fetch("type: link_header", "");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Error in \"http_request: fetch\": Invalid next page URL 'ftp://x/y' (after page 1):"
                + " only http:// and https:// URLs can be followed.");
        assertThat(r.err()).doesNotContain("Retrying");
        assertThat(requested()).containsExactly("/items?kind=all");
    }

    @Test
    void maxPagesCapsTheFetchWithAWarning() throws Exception {
        stub(get(urlPathEqualTo("/items")), page("", 7));
        FlowProject.Result r = fetch("type: page_number\nmax_pages: 3", "");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=all&page=1", "/items?kind=all&page=2",
                "/items?kind=all&page=3");
        assertThat(r.err()).contains("warning: \"http_request: fetch\" stopped after max_pages (3) pages; the API has more.");
        assertThat(ids()).containsExactly("7", "7", "7");
    }

    /** The error names the remedies that apply: with max_pages set, setting it is none. */
    @Test
    void maxIterationsBelowMaxPagesSaysToRaiseOneOrLowerTheOther() throws Exception {
        stub(get(urlPathEqualTo("/items")), page("", 7));
        FlowProject.Result r = fetch("type: page_number\nmax_pages: 5", "max_iterations: 3");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("\"http_request: fetch\" sent 3 requests and its pagination still finds a next page"
                + " within pagination.max_pages (5); raise response.max_iterations or lower max_pages to 3 or less.");
        assertThat(requested()).hasSize(3);

        api.resetAll();
        stub(get(urlPathEqualTo("/items")), page("", 7));
        r = fetch("type: page_number", "max_iterations: 3");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("\"http_request: fetch\" sent 3 requests and its pagination still finds a next page;"
                + " raise response.max_iterations or set pagination.max_pages.");
        assertThat(requested()).hasSize(3);
    }

    @Test
    void eachForEachRowPaginatesFromTheFirstPage() throws Exception {
        stub(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("1")), page("", 1));
        stub(get(urlPathEqualTo("/items")).withQueryParam("page", equalTo("2")), page(""));
        project.flow("main", """
                steps:
                  - op: transform
                    source: stage
                    query: "SELECT * FROM (VALUES ('a'), ('b')) AS t(kind)"
                    target_table: kinds
                  - op: http_request
                    id: fetch
                    for_each: {source: stage, table: kinds, as: k}
                    request:
                      url: "{{ var('base') }}/items"
                      parameters:
                        kind: "{{ var('k').kind }}"
                    response:
                      tables:
                        - source: stage
                          table: items
                          columns: {id: integer}
                          data_path: data
                      pagination: {type: page_number}
                """);
        FlowProject.Result r = project.run("main");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(requested()).containsExactly("/items?kind=a&page=1", "/items?kind=a&page=2", "/items?kind=b&page=1",
                "/items?kind=b&page=2");
        assertThat(ids()).containsExactly("1", "1");
    }

    @Test
    void paginationAndWhileTogetherAreRefusedBeforeAnyRequest() throws Exception {
        FlowProject.Result r = fetch("type: page_number", "while: \"{{ true }}\"");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Both pagination and while are specified in http_request \"fetch\" response.");
        assertThat(requested()).isEmpty();
    }
}
