package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sequor.http.HttpTesting.liveClient;
import static dev.sequor.http.HttpTesting.secretSet;
import static dev.sequor.http.HttpTesting.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.net.httpserver.HttpServer;
import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * max_response_bytes: a body above the limit fails the request with one sentence naming the source, the limit and the
 * URL (credentials masked), from its Content-Length or while streaming, and is never retried; a body at the limit is
 * read whole.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResponseSizeLimitTest {

    @RegisterExtension
    static final WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    static final String BIG = "x".repeat(2000);

    @Test
    void aDeclaredContentLengthAboveTheLimitFailsWithoutRetrying() {
        wiremock.stubFor(get(urlPathEqualTo("/big")).willReturn(ok(BIG)));
        HttpSourceConfig src = source("max_response_bytes", 1000);
        String url = wiremock.baseUrl() + "/big?api_key=s3cret";
        java.util.Set<String> secrets = secretSet();
        secrets.add("s3cret");
        try (HttpClientService http = liveClient(secrets, src)) {
            http.execute(HttpTesting.get(wiremock.baseUrl() + "/big"), HttpSourceConfig.none());
            assertThatThrownBy(() -> http.execute(HttpTesting.get(url), src))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("Source \"api\": the response to GET " + wiremock.baseUrl() + "/big?api_key=<redacted> is "
                            + "larger than max_response_bytes (1000 bytes); raise max_response_bytes in the source file "
                            + "if the API really answers with that much.")
                    .satisfies(e -> assertThat(((SequorException) e).kind()).isEqualTo(ExitCode.FLOW_FAILED));
        }
        // the request without a source read the 2000 bytes (default limit); the limited one was sent once, not retried
        assertThat(wiremock.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadWhole() {
        wiremock.stubFor(get(urlPathEqualTo("/big")).willReturn(ok(BIG)));
        HttpSourceConfig src = source("max_response_bytes", 2000);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/big"), src).text()).isEqualTo(BIG);
        }
    }

    @Test
    void anEndlessChunkedBodyFailsOnceItPassesTheLimit() throws Exception {
        AtomicInteger chunksWritten = new AtomicInteger();
        CountDownLatch clientGone = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/stream", exchange -> {
            // no Content-Length: chunked, and it never ends until the client hangs up
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[16 * 1024];
            Arrays.fill(chunk, (byte) 'y');
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                    out.flush();
                    chunksWritten.incrementAndGet();
                }
            } catch (IOException hungUp) {
                clientGone.countDown();
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/stream";
            HttpSourceConfig src = source("max_response_bytes", 100_000);
            try (HttpClientService http = liveClient(secretSet(), src)) {
                assertThatThrownBy(() -> http.execute(HttpTesting.get(url), src))
                        .hasMessage("Source \"api\": the response to GET " + url + " is larger than max_response_bytes "
                                + "(100000 bytes); raise max_response_bytes in the source file if the API really "
                                + "answers with that much.");
            }
            // the client closed the connection instead of reading on
            assertThat(clientGone.await(20, TimeUnit.SECONDS)).isTrue();
            // it read the body up to the limit: the chunk whose size line would take it past fails the request
            // before its data is read, so the server may or may not have finished writing that seventh chunk
            assertThat(chunksWritten.get()).isGreaterThanOrEqualTo(100_000 / (16 * 1024));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRequestWithoutASourceHasTheDefaultLimitOf256Megabytes() {
        assertThat(HttpSourceConfig.none().connection().maxResponseBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(source().connection().maxResponseBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(source("max_response_bytes", "4096").connection().maxResponseBytes()).isEqualTo(4096);
    }

    @Test
    void aLimitThatIsNotAPositiveWholeNumberIsRejected() {
        for (Object bad : new Object[] {0, -5, "1.5", "lots", 3_000_000_000L}) {
            assertThatThrownBy(() -> source("max_response_bytes", bad))
                    .isInstanceOf(SequorException.class)
                    .hasMessageContaining("Source \"api\": max_response_bytes must be a whole number of bytes from 1 to "
                            + "2147483638, not '" + bad + "'.");
        }
    }
}
