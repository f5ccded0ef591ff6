package dev.sequor.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sequor.testing.FlowProject;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source's {@code rate_limit} is the run's, not each op's: the next op that uses the source waits for its turn
 * after the requests of the op before it. (A limiter of its own would let an op's first request go at once.)
 */
class SourceRateAcrossOpsTest {

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;

    @Test
    void theOpAfterAnotherWaitsForTheSourcesNextTurn() throws Exception {
        api.stubFor(get(urlPathMatching("/(first|second)")).willReturn(okJson("{\"ok\": true}")));
        FlowProject p = FlowProject.create(tmp, FlowProject.Db.DUCKDB, null)
                .apiSource("type: http\nbase_url: \"" + api.baseUrl() + "\"\nrate_limit: {requests_per_second: 1}\n")
                .flow("main", """
                        steps:
                          - op: http_request
                            id: one
                            request: {source: api, url: first}
                          - op: http_request
                            id: two
                            request: {source: api, url: second}
                        """);

        FlowProject.Result r = p.run("main");

        assertThat(r.exit()).as(r.err()).isZero();
        List<LoggedRequest> sent = api.findAll(anyRequestedFor(urlPathMatching("/.*"))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
        assertThat(sent).extracting(LoggedRequest::getUrl).containsExactly("/first", "/second");
        long gapMillis = sent.get(1).getLoggedDate().getTime() - sent.get(0).getLoggedDate().getTime();
        // one request a second: a second apart, less the limiter's one-eighth slot and the first request's connection
        // set-up, which the server's clock sees but the limiter does not; an op with a limiter of its own sends at once
        assertThat(gapMillis).isGreaterThanOrEqualTo(700);
    }
}
