package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.sequor.testing.FlowProject;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-of-run summary of {@code sequor run}, with standard error not a terminal (as under a test): a flow fetches
 * three pages from WireMock with page_number pagination (the second page answered 503 once, then retried), lands
 * items and a page log in two tables, then a transform selects some items; stderr ends with one summary line per op
 * that did work, and {@code -q} prints none.
 */
@QuarkusMainTest
class ProgressCliTest {

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;
    FlowProject project;

    @BeforeEach
    void threePagesWithOneRetry() throws IOException {
        api.stubFor(WireMock.get(WireMock.urlPathEqualTo("/items")).withQueryParam("page", WireMock.equalTo("1"))
                .willReturn(WireMock.okJson("{\"page\":1,\"has_more\":true,\"items\":[{\"id\":1},{\"id\":2}]}")));
        api.stubFor(WireMock.get(WireMock.urlPathEqualTo("/items")).withQueryParam("page", WireMock.equalTo("2"))
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(WireMock.serviceUnavailable()));
        api.stubFor(WireMock.get(WireMock.urlPathEqualTo("/items")).withQueryParam("page", WireMock.equalTo("2"))
                .inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(WireMock.okJson("{\"page\":2,\"has_more\":true,\"items\":[{\"id\":3},{\"id\":4}]}")));
        api.stubFor(WireMock.get(WireMock.urlPathEqualTo("/items")).withQueryParam("page", WireMock.equalTo("3"))
                .willReturn(WireMock.okJson("{\"page\":3,\"has_more\":false,\"items\":[{\"id\":5}]}")));
        project = FlowProject.create(tmp, FlowProject.Db.DUCKDB, null, "base_url: \"" + api.baseUrl() + "\"")
                .apiSource("type: http\nretry:\n  initial_backoff_seconds: 0.01\n  max_backoff_seconds: 0.05\n");
        project.flow("main", """
                steps:
                  - op: print
                    message: "start"
                  - op: http_request
                    id: get_items
                    request:
                      source: api
                      url: "{{ var('base_url') }}/items"
                    response:
                      success_status: [200]
                      tables:
                        - {source: stage, table: items, columns: {id: integer}, data_path: items}
                        - {source: stage, table: pages, columns: {page: integer}, data_path: "{page: page}"}
                      pagination:
                        type: page_number
                        has_more_path: has_more
                  - op: transform
                    id: big_items
                    source: stage
                    target_table: big_items
                    query: SELECT id FROM items WHERE id > 1
                """);
    }

    @Test
    void summaryLinesCountRowsPerTableRequestsAndRetries(QuarkusMainLauncher launcher) {
        LaunchResult r = run(launcher);
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        assertThat(r.getOutput()).isEqualTo("start");
        assertThat(api.getAllServeEvents()).hasSize(4);
        assertThat(summaryLines(r)).containsExactly(
                "Summary \"http_request: get_items\": 5 rows into items, 3 rows into pages, 3 requests, 1 retry,"
                        + " 0 failed rows, <time>",
                "Summary \"transform: big_items\": 4 rows into big_items, <time>");
        List<String> lines = r.getErrorOutput().lines().toList();
        // after the run: the summary is the last thing on stderr; not a terminal, so no line is redrawn in place
        // (a plain "Progress" line may come before it, when a loaded machine makes an op run over five seconds)
        assertThat(lines.subList(lines.size() - 2, lines.size())).allMatch(l -> l.startsWith("Summary "));
        assertThat(r.getErrorOutput()).doesNotContain("\r");
    }

    @Test
    void quietPrintsNoSummary(QuarkusMainLauncher launcher) {
        LaunchResult r = run(launcher, "-q");
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        assertThat(r.getErrorOutput()).isEmpty();
        assertThat(r.getOutput()).isEqualTo("start");
        assertThat(api.getAllServeEvents()).hasSize(4);
    }

    @Test
    void aFailedRunSummarisesWhatItDidBeforeTheError(QuarkusMainLauncher launcher) {
        api.stubFor(WireMock.get(WireMock.urlPathEqualTo("/items")).withQueryParam("page", WireMock.equalTo("3"))
                .willReturn(WireMock.notFound().withBody("gone")));
        LaunchResult r = run(launcher, "--disable-flow-stacktrace");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(summaryLines(r)).containsExactly("Summary \"http_request: get_items\" (failed): 4 rows into items,"
                + " 2 rows into pages, 3 requests, 1 retry, 0 failed rows, <time>");
        List<String> lines = r.getErrorOutput().lines().toList();
        assertThat(lines.get(lines.size() - 2)).startsWith("Summary ");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("flows/main.yaml:10:23: Error in \"http_request: get_items\":"
                + " HTTP request failed with unexpected status code: 404. Expected status codes: [200]."
                + " Response body: gone");
    }

    private static List<String> summaryLines(LaunchResult r) {
        return r.getErrorOutput().lines().filter(l -> l.startsWith("Summary "))
                .map(l -> l.replaceAll("\\d+\\.\\d{3}s$", "<time>")).toList();
    }

    private LaunchResult run(QuarkusMainLauncher launcher, String... options) {
        return launcher.launch(project.cliArgs("main", options));
    }
}
