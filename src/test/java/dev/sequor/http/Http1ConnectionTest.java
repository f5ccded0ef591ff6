package dev.sequor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.http.RawServer.Answer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live transport's own HTTP/1.1 connections on the wire: framing, keep-alive, interim answers, bad input. */
class Http1ConnectionTest {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    private static HttpRequestData request(String method, String url, String body, String... headerPairs) {
        List<Map.Entry<String, String>> headers = new java.util.ArrayList<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(Map.entry(headerPairs[i], headerPairs[i + 1]));
        }
        return new HttpRequestData(method, URI.create(url), headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
    }

    private static LiveTransport transport() {
        return new LiveTransport(new ProxyEnvironment(Map.of()));
    }

    @Test
    void requestsShareOneKeptConnectionAndSayTheirHostFirst() throws IOException {
        try (RawServer server = new RawServer((n, r) -> Answer.of(OK)); LiveTransport t = transport()) {
            for (int i = 0; i < 3; i++) {
                assertThat(t.send(request("GET", server.url("/items?page=" + i), null, "Accept", "*/*")).text())
                        .isEqualTo("ok");
            }
            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.seen().get(2).head()).isEqualTo("GET /items?page=2 HTTP/1.1\r\nHost: "
                    + URI.create(server.url("/")).getAuthority() + "\r\nAccept: */*\r\n\r\n");
        }
    }

    @Test
    void aBodyGoesWithItsLengthAndTypeAndABodylessPostSaysZero() throws IOException {
        try (RawServer server = new RawServer((n, r) -> Answer.of(OK)); LiveTransport t = transport()) {
            t.send(request("POST", server.url("/a"), "{\"x\":1}", "Content-Type", "application/json"));
            t.send(request("POST", server.url("/b"), "raw"));
            t.send(request("DELETE", server.url("/c"), null));
            List<RawServer.Seen> seen = server.seen();
            assertThat(seen.get(0).head()).contains("Content-Type: application/json\r\nContent-Length: 7\r\n");
            assertThat(seen.get(0).body()).isEqualTo("{\"x\":1}");
            assertThat(seen.get(1).head()).contains("Content-Type: application/octet-stream\r\nContent-Length: 3\r\n");
            assertThat(seen.get(2).head()).contains("Content-Length: 0\r\n");
        }
    }

    @Test
    void aChunkedBodyWithExtensionsAndTrailersIsReadWholeAndTheConnectionKept() throws IOException {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;note=x\r\nhello\r\n6\r\n world\r\n"
                + "0\r\nX-Checksum: 1\r\n\r\n";
        try (RawServer server = new RawServer((n, r) -> Answer.of(chunked)); LiveTransport t = transport()) {
            assertThat(t.send(request("GET", server.url("/a"), null)).text()).isEqualTo("hello world");
            assertThat(t.send(request("GET", server.url("/b"), null)).text()).isEqualTo("hello world");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aBodyThatEndsWithTheConnectionIsReadWholeAndTheNextRequestGetsANewOne() throws IOException {
        try (RawServer server = new RawServer((n, r) -> new Answer("HTTP/1.0 200 OK\r\n\r\nall of it", true));
             LiveTransport t = transport()) {
            assertThat(t.send(request("GET", server.url("/a"), null)).text()).isEqualTo("all of it");
            assertThat(t.send(request("GET", server.url("/b"), null)).text()).isEqualTo("all of it");
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void interimAnswersAreSkippedAndAHeadAnswerHasNoBody() throws IOException {
        try (RawServer server = new RawServer((n, r) -> Answer.of(n == 1
                ? "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                        + "HTTP/1.1 201 Created\r\nContent-Length: 7\r\n\r\ncreated"
                : "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"));
             LiveTransport t = transport()) {
            HttpResponseData created = t.send(request("POST", server.url("/a"), "{}", "Expect", "100-continue"));
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.text()).isEqualTo("created");
            HttpResponseData head = t.send(request("HEAD", server.url("/a"), null));
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void headerNamesKeepTheServersSpellingAndRepeatedHeadersKeepEveryValue() throws IOException {
        try (RawServer server = new RawServer((n, r) -> Answer.of("HTTP/1.1 200 OK\r\nX-RateLimit-Remaining: 5\r\n"
                + "Set-Cookie: a=1\r\nset-cookie: b=2\r\nContent-Length: 0\r\n\r\n"));
             LiveTransport t = transport()) {
            HttpResponseData r = t.send(request("GET", server.url("/a"), null));
            assertThat(r.headers()).containsKey("X-RateLimit-Remaining");
            assertThat(r.header("x-ratelimit-remaining")).isEqualTo("5");
            assertThat(r.headers().get("Set-Cookie")).containsExactly("a=1", "b=2");
        }
    }

    @Test
    void aKeptConnectionTheServerClosedIsReplacedAndTheGetSentAgain() throws IOException {
        // the server closes each connection after its answer without saying so (as after an idle timeout)
        try (RawServer server = new RawServer((n, r) -> new Answer(OK, true)); LiveTransport t = transport()) {
            assertThat(t.send(request("GET", server.url("/a"), null)).text()).isEqualTo("ok");
            assertThat(t.send(request("GET", server.url("/b"), null)).text()).isEqualTo("ok");
            assertThat(server.connections()).isEqualTo(2);
            assertThat(server.seen()).extracting(RawServer.Seen::requestLine)
                    .containsExactly("GET /a HTTP/1.1", "GET /b HTTP/1.1");
        }
    }

    @Test
    void aPostThatReachedAKeptConnectionBeforeItClosedIsNotSentAgain() {
        try (RawServer server = new RawServer((n, r) -> n == 1 ? Answer.of(OK) : new Answer("", true));
             LiveTransport t = transport()) {
            t.send(request("GET", server.url("/a"), null));
            assertThatThrownBy(() -> t.send(request("POST", server.url("/sync"), "{}")))
                    .hasMessage("the server closed the connection without answering");
            assertThat(server.seen()).extracting(RawServer.Seen::requestLine)
                    .containsExactly("GET /a HTTP/1.1", "POST /sync HTTP/1.1");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aKeptConnectionIsCheckedBeforeEveryRequestSoAPostNeverGoesIntoOneTheServerClosed() throws Exception {
        // the server closes each connection right after its answer without a Connection: close (some servers do,
        // and every server does after its idle timeout): urllib3 finds that out before reusing one, and so must we
        try (RawServer server = new RawServer((n, r) -> new Answer(OK, true)); LiveTransport t = transport()) {
            for (int i = 1; i <= 3; i++) {
                assertThat(t.send(request("POST", server.url("/sync/" + i), "{}")).text()).isEqualTo("ok");
                assertThat(server.awaitClosedByServer()).isTrue();
            }
            assertThat(server.seen()).extracting(RawServer.Seen::connection).containsExactly(1, 2, 3);
            assertThat(server.seen()).extracting(RawServer.Seen::requestLine)
                    .containsExactly("POST /sync/1 HTTP/1.1", "POST /sync/2 HTTP/1.1", "POST /sync/3 HTTP/1.1");
        }
    }

    @Test
    void aKeptConnectionOnWhichTheServerSentBytesNobodyAskedForIsNotReused() throws Exception {
        // an answer followed by stray bytes (a second, unrequested response): the line is out of step, so the next
        // request goes on a new connection instead of reading the stray bytes as its answer
        try (RawServer server = new RawServer((n, r) -> n == 1
                ? Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 500 Stray\r\nContent-Length: 0\r\n\r\n")
                : Answer.of(OK));
             LiveTransport t = transport()) {
            assertThat(t.send(request("GET", server.url("/a"), null)).text()).isEqualTo("ok");
            assertThat(t.send(request("POST", server.url("/b"), "{}")).statusCode()).isEqualTo(200);
            assertThat(server.seen()).extracting(RawServer.Seen::connection).containsExactly(1, 2);
        }
    }

    @Test
    void aHeaderValueWithALineBreakFailsBeforeAnythingIsSent() throws IOException {
        try (RawServer server = new RawServer((n, r) -> Answer.of(OK)); LiveTransport t = transport()) {
            assertThatThrownBy(() -> t.send(request("GET", server.url("/a"), null, "X-Note", "a\r\nX-Admin: 1")))
                    .hasMessage("the value of header 'X-Note' has a line break, which HTTP headers cannot hold");
            assertThatThrownBy(() -> t.send(request("GET", server.url("/a"), null, "X Note", "a")))
                    .hasMessage("header name 'X Note' has a character HTTP header names cannot hold");
            assertThat(server.seen()).isEmpty();
        }
    }

    @Test
    void answersThatAreNotHttpOrTooLargeOrContradictoryFailWithASentence() throws IOException {
        String huge = "HTTP/1.1 200 OK\r\nX-Big: " + "x".repeat(WireInput.MAX_HEAD_BYTES) + "\r\n\r\n";
        try (RawServer server = new RawServer((n, r) -> new Answer(switch (n) {
            case 1 -> "SSH-2.0-OpenSSH_9.6\r\n\r\n";
            case 2 -> huge;
            default -> "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!";
        }, true)); LiveTransport t = transport()) {
            assertThatThrownBy(() -> t.send(request("GET", server.url("/a"), null)))
                    .hasMessage("the server's answer is not HTTP: 'SSH-2.0-OpenSSH_9.6'");
            assertThatThrownBy(() -> t.send(request("GET", server.url("/a"), null)))
                    .hasMessage("the response's status line and headers are larger than 256 KB");
            assertThatThrownBy(() -> t.send(request("GET", server.url("/a"), null)))
                    .hasMessage("the server's Content-Length is not one number: '6'");
        }
    }

    @Test
    void anAnswerCutOffInItsStatusLineIsNotTakenForNoAnswer() throws IOException {
        try (RawServer server = new RawServer((n, r) -> new Answer("HTTP/1.1 2", true)); LiveTransport t = transport()) {
            assertThatThrownBy(() -> t.send(request("GET", server.url("/a"), null)))
                    .hasMessage("the server closed the connection in the middle of its answer");
        }
    }

    @Test
    void aBodyCutShortOfItsContentLengthFails() throws IOException {
        try (RawServer server = new RawServer((n, r) -> new Answer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc",
                true)); LiveTransport t = transport()) {
            assertThatThrownBy(() -> t.send(request("GET", server.url("/a"), null)))
                    .hasMessage("the server closed the connection after 3 of the 10 bytes its Content-Length"
                            + " announced");
        }
    }
}
