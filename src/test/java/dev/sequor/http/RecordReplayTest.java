package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sequor.http.HttpTesting.map;
import static dev.sequor.http.HttpTesting.secretSet;
import static dev.sequor.http.HttpTesting.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Recording exchanges to a folder (secrets hidden) and answering the same requests from it offline. */
class RecordReplayTest {

    private static final String SECRET = "sk_live_SECRET1";
    private static final byte[] BINARY = {(byte) 0xff, (byte) 0xfe, 0, 1, 2};
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path dir;

    private final Set<String> secrets = secretSet();

    @BeforeEach
    void reset() {
        wiremock.resetAll();
        secrets.add(SECRET);
        wiremock.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("{\"items\":[1,2],\"token\":\"abc-secret-tok\",\"echo\":\""
                + SECRET + "\"}").withHeader("X-Trace", "t-1").withHeader("Set-Cookie", "session=xyz")));
        wiremock.stubFor(post(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(201).withBody("created")
                .withHeader("Content-Type", "text/plain")));
        wiremock.stubFor(get(urlPathEqualTo("/blob")).willReturn(aResponse().withBody(BINARY)
                .withHeader("Content-Type", "application/octet-stream")));
        wiremock.stubFor(get(urlPathEqualTo("/page")).inScenario("pages").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok("first")).willSetStateTo("2"));
        wiremock.stubFor(get(urlPathEqualTo("/page")).inScenario("pages").whenScenarioStateIs("2")
                .willReturn(ok("second")));
    }

    private String url(String pathAndQuery) {
        return "http://127.0.0.1:" + wiremock.getPort() + pathAndQuery;
    }

    private HttpRequestData itemsGet() {
        return HttpTesting.get(url("/items?api_key=" + SECRET + "&page=1"), "X-Note", "key " + SECRET,
                "Authorization", "Token whatever");
    }

    private HttpRequestData itemsPost() {
        return HttpTesting.post(url("/items"), "{\"name\":\"x\",\"price\":1.50,\"password\":\"hunter22\",\"note\":\"key "
                + SECRET + "\"}", "Content-Type", "application/json");
    }

    private HttpClientService recordingClient() {
        return new HttpClientService(HttpTransports.recording(HttpTransports.live(), dir, () -> new SecretRedactor(secrets)), secrets);
    }

    private HttpClientService replayingClient() {
        return new HttpClientService(HttpTransports.replay(dir, () -> new SecretRedactor(secrets)), secrets);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private JsonNode file(String name) throws IOException {
        return JSON.readTree(dir.resolve(name).toFile());
    }

    private void recordStandardExchanges() {
        try (HttpClientService http = recordingClient()) {
            assertThat(http.execute(itemsGet(), HttpSourceConfig.none()).statusCode()).isEqualTo(200);
            assertThat(http.execute(itemsPost(), HttpSourceConfig.none()).statusCode()).isEqualTo(201);
            assertThat(http.execute(HttpTesting.get(url("/blob")), HttpSourceConfig.none()).body()).isEqualTo(BINARY);
        }
    }

    @Test
    void eachExchangeIsANumberedReadableJsonFile() throws IOException {
        recordStandardExchanges();
        assertThat(files()).containsExactly("0001-GET-127.0.0.1.json", "0002-POST-127.0.0.1.json", "0003-GET-127.0.0.1.json");

        JsonNode get = file("0001-GET-127.0.0.1.json");
        assertThat(get.get("request").get("method").asText()).isEqualTo("GET");
        assertThat(get.get("request").get("url").asText()).isEqualTo(url("/items?api_key=<redacted>&page=1"));
        assertThat(get.get("request").get("headers").get("X-Note")).isEqualTo(JSON.valueToTree(List.of("key <redacted>")));
        assertThat(get.get("request").get("headers").get("Authorization")).isEqualTo(JSON.valueToTree(List.of("<redacted>")));
        assertThat(get.get("request").get("body_kind").asText()).isEqualTo("none");
        assertThat(get.get("request").has("body")).isFalse();
        assertThat(get.get("response").get("status").asInt()).isEqualTo(200);
        assertThat(get.get("response").get("body_kind").asText()).isEqualTo("json");
        assertThat(get.get("response").get("body")).isEqualTo(JSON.readTree(
                "{\"items\":[1,2],\"token\":\"<redacted>\",\"echo\":\"<redacted>\"}"));
        assertThat(get.get("response").get("headers").get("X-Trace")).isEqualTo(JSON.valueToTree(List.of("t-1")));
        assertThat(get.get("response").get("headers").get("Set-Cookie")).isEqualTo(JSON.valueToTree(List.of("<redacted>")));

        JsonNode post = file("0002-POST-127.0.0.1.json");
        assertThat(post.get("request").get("body_kind").asText()).isEqualTo("json");
        assertThat(post.get("request").get("body")).isEqualTo(JSON.readTree(
                "{\"name\":\"x\",\"price\":1.50,\"password\":\"<redacted>\",\"note\":\"key <redacted>\"}"));
        assertThat(post.get("response").get("status").asInt()).isEqualTo(201);
        assertThat(post.get("response").get("body_kind").asText()).isEqualTo("text");
        assertThat(post.get("response").get("body").asText()).isEqualTo("created");

        JsonNode blob = file("0003-GET-127.0.0.1.json");
        assertThat(blob.get("response").get("body_kind").asText()).isEqualTo("base64");
        assertThat(blob.get("response").get("body").asText()).isEqualTo("//4AAQI=");
    }

    @Test
    void noRecordingHoldsASecret() throws IOException {
        recordStandardExchanges();
        for (String f : files()) {
            assertThat(Files.readString(dir.resolve(f))).as(f)
                    .doesNotContain(SECRET).doesNotContain("hunter22").doesNotContain("abc-secret-tok")
                    .doesNotContain("session=xyz").doesNotContain("Token whatever");
        }
    }

    @Test
    void formBodiesHideCredentialFields() throws IOException {
        wiremock.stubFor(post(urlPathEqualTo("/form")).willReturn(ok()));
        try (HttpClientService http = recordingClient()) {
            http.execute(HttpTesting.post(url("/form"), "user=bob&password=hunter22&note=" + SECRET,
                    "Content-Type", "application/x-www-form-urlencoded"), HttpSourceConfig.none());
        }
        JsonNode request = file("0001-POST-127.0.0.1.json").get("request");
        assertThat(request.get("body_kind").asText()).isEqualTo("text");
        assertThat(request.get("body").asText()).isEqualTo("user=bob&password=<redacted>&note=<redacted>");
    }

    @Test
    void numberingContinuesAfterRecordingsAlreadyInTheFolder() throws IOException {
        Files.writeString(dir.resolve("0007-GET-api.example.com.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "not a recording");
        try (HttpClientService http = recordingClient()) {
            http.execute(HttpTesting.get(url("/page")), HttpSourceConfig.none());
        }
        assertThat(files()).containsExactly("0007-GET-api.example.com.json", "0008-GET-127.0.0.1.json", "notes.txt");
    }

    @Test
    void replayAnswersTheRecordedRequestsWithoutTheNetwork() throws IOException {
        recordStandardExchanges();
        wiremock.resetRequests();

        try (HttpClientService http = replayingClient()) {
            HttpResponseData items = http.execute(itemsGet(), HttpSourceConfig.none());
            assertThat(items.statusCode()).isEqualTo(200);
            assertThat(items.header("X-Trace")).isEqualTo("t-1");
            assertThat(items.header("content-type")).isEqualTo("application/json");
            assertThat(items.json()).isEqualTo(Map.of("items", List.of(1, 2), "token", "<redacted>", "echo", "<redacted>"));
            assertThat(items.text()).isEqualTo("{\"items\":[1,2],\"token\":\"<redacted>\",\"echo\":\"<redacted>\"}");

            HttpResponseData created = http.execute(itemsPost(), HttpSourceConfig.none());
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.text()).isEqualTo("created");

            assertThat(http.execute(HttpTesting.get(url("/blob")), HttpSourceConfig.none()).body()).isEqualTo(BINARY);
        }
        assertThat(wiremock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void replayWorksWithTheServerGone() throws Exception {
        // recordings made against a server on a port that is closed now
        int port = HttpTesting.closedPort();
        Files.writeString(dir.resolve("0001-GET-127.0.0.1.json"), """
                {"request": {"method": "GET", "url": "http://127.0.0.1:%d/hello"},
                 "response": {"status": 202, "headers": {"X-One": "1"}, "body_kind": "text", "body": "hi"}}
                """.formatted(port));
        try (HttpClientService http = replayingClient()) {
            HttpResponseData r = http.execute(HttpTesting.get("http://127.0.0.1:" + port + "/hello"), HttpSourceConfig.none());
            assertThat(r.statusCode()).isEqualTo(202);
            assertThat(r.header("X-One")).isEqualTo("1");
            assertThat(r.text()).isEqualTo("hi");
        }
    }

    @Test
    void repeatedRequestsAreAnsweredInOrderThenTheLastRepeats() {
        try (HttpClientService http = recordingClient()) {
            assertThat(http.execute(HttpTesting.get(url("/page")), HttpSourceConfig.none()).text()).isEqualTo("first");
            assertThat(http.execute(HttpTesting.get(url("/page")), HttpSourceConfig.none()).text()).isEqualTo("second");
        }
        try (HttpClientService http = replayingClient()) {
            assertThat(List.of(1, 2, 3, 4)).map(i -> http.execute(HttpTesting.get(url("/page")), HttpSourceConfig.none()).text())
                    .containsExactly("first", "second", "second", "second");
        }
    }

    @Test
    void retriedExchangesAreRecordedAndReplayedInOrder() {
        wiremock.stubFor(get(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wiremock.stubFor(get(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("up").willReturn(ok("up")));
        HttpSourceConfig fast = source("retry", map("initial_backoff_seconds", 0.01, "max_backoff_seconds", 0.02));
        try (HttpClientService http = recordingClient()) {
            assertThat(http.execute(HttpTesting.get(url("/flaky")), fast).text()).isEqualTo("up");
        }
        try (HttpClientService http = replayingClient()) {
            assertThat(http.execute(HttpTesting.get(url("/flaky")), fast).text()).isEqualTo("up");
        }
    }

    @Test
    void anUnmatchedRequestFailsSayingHowToRecordIt() throws IOException {
        recordStandardExchanges();
        try (HttpClientService http = replayingClient()) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(url("/other?api_key=" + SECRET)), HttpSourceConfig.none()))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("No recording in " + dir + " answers GET " + url("/other?api_key=<redacted>")
                            + " (3 recordings there); record it with --record " + dir + ".");
            // same URL, different body
            assertThatThrownBy(() -> http.execute(HttpTesting.post(url("/items"), "{\"name\":\"y\"}",
                    "Content-Type", "application/json"), HttpSourceConfig.none()))
                    .hasMessage("No recording in " + dir + " answers POST " + url("/items") + " with body {\"name\":\"y\"}"
                            + " (3 recordings there); record it with --record " + dir + ".");
        }
    }

    @Test
    void aMissingReplayFolderIsBadInput() {
        Path missing = dir.resolve("nowhere");
        try (HttpClientService http = new HttpClientService(HttpTransports.replay(missing, () -> new SecretRedactor(Set.of())), secrets)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(url("/items")), HttpSourceConfig.none()))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("The replay folder " + missing + " does not exist; record one with --record " + missing + ".")
                    .satisfies(e -> assertThat(((SequorException) e).kind()).isEqualTo(ExitCode.INVALID_INPUT));
        }
    }

    @Test
    void brokenRecordingsAreReportedByFile() throws IOException {
        Path f = dir.resolve("0001-GET-h.json");
        HttpRequestData request = HttpTesting.get("http://h/x");

        Files.writeString(f, "{\"request\": {\"method\": \"GET\"}}");
        assertThatThrownBy(() -> HttpTransports.replay(dir, () -> new SecretRedactor(Set.of())).send(request))
                .hasMessage("Recording " + f + " has no request with method and url.");

        Files.writeString(f, "{\"request\": ");
        assertThatThrownBy(() -> HttpTransports.replay(dir, () -> new SecretRedactor(Set.of())).send(request))
                .hasMessageStartingWith("Recording " + f + " is not valid JSON: ");

        Files.writeString(f, "{\"request\": {\"method\": \"GET\", \"url\": \"http://h/x\"}, \"response\": {}}");
        assertThatThrownBy(() -> HttpTransports.replay(dir, () -> new SecretRedactor(Set.of())).send(request))
                .hasMessage("Recording " + f + " is not valid: the recording has no response.status.");

        Files.writeString(f, "{\"request\": {\"method\": \"GET\", \"url\": \"http://h/x\"},"
                + " \"response\": {\"status\": 200, \"body_kind\": \"xml\", \"body\": \"<a/>\"}}");
        assertThatThrownBy(() -> HttpTransports.replay(dir, () -> new SecretRedactor(Set.of())).send(request))
                .hasMessage("Recording " + f + " is not valid: unknown body_kind 'xml' (expected none, json, text or base64).");
    }

    @Test
    void oauth2TokenExchangesReplayToo() {
        wiremock.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("{\"access_token\":\"tok-live-42\"}")));
        wiremock.stubFor(get(urlPathEqualTo("/me")).willReturn(okJson("{\"id\":7}")));
        HttpSourceConfig src = source("auth", map("type", "oauth2", "grant_type", "password", "token_endpoint", url("/token"),
                "username", "alice", "password", "hunter22"));
        secrets.addAll(src.secrets());
        try (HttpClientService http = recordingClient()) {
            assertThat(http.execute(HttpTesting.get(url("/me")), src).json()).isEqualTo(Map.of("id", 7));
        }
        wiremock.resetAll();
        try (HttpClientService http = replayingClient()) {
            assertThat(http.execute(HttpTesting.get(url("/me")), src).json()).isEqualTo(Map.of("id", 7));
        }
        assertThat(wiremock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
