package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sequor.http.HttpTesting.liveClient;
import static dev.sequor.http.HttpTesting.map;
import static dev.sequor.http.HttpTesting.secretSet;
import static dev.sequor.http.HttpTesting.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** digest_auth against a WireMock server that challenges, checked by recomputing RFC 7616 MD5 responses. */
class DigestAuthTest {

    private static final String CHALLENGE = "Digest realm=\"r\", nonce=\"n\", qop=\"auth\", opaque=\"o\"";

    @RegisterExtension
    static final WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @BeforeEach
    void stubChallenge() {
        wiremock.resetAll();
        wiremock.stubFor(get(anyUrl()).withHeader("Authorization", absent())
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", CHALLENGE)));
        wiremock.stubFor(get(anyUrl()).withHeader("Authorization", matching("Digest .*"))
                .willReturn(aResponse().withStatus(200).withBody("secret data")));
    }

    private static HttpSourceConfig digest(String password) {
        return source("type", "http", "auth", map("type", "digest_auth", "username", "alice", "password", password));
    }

    @Test
    void answersTheChallengeWithTheRfc7616Md5Response() throws Exception {
        HttpSourceConfig src = digest("wonderland");
        try (HttpClientService http = liveClient(secretSet(), src)) {
            HttpResponseData r = http.execute(HttpTesting.get(wiremock.baseUrl() + "/dir/index.html?x=1&y=a+b"), src);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("secret data");
        }
        List<LoggedRequest> sent = wiremock.findAll(getRequestedFor(urlPathEqualTo("/dir/index.html")));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).containsHeader("Authorization")).isFalse();

        Map<String, String> p = params(sent.get(1).getHeader("Authorization"));
        assertThat(p).containsEntry("username", "alice").containsEntry("realm", "r").containsEntry("nonce", "n")
                .containsEntry("uri", "/dir/index.html?x=1&y=a+b").containsEntry("algorithm", "MD5")
                .containsEntry("qop", "auth").containsEntry("nc", "00000001").containsEntry("opaque", "o");
        assertThat(p.get("cnonce")).matches("[0-9a-f]{16}");
        assertThat(p.get("response")).isEqualTo(expectedResponse("alice", "wonderland", "GET", "/dir/index.html?x=1&y=a+b",
                p.get("nc"), p.get("cnonce")));
    }

    @Test
    void laterRequestsReuseTheChallengeWithAnIncreasingNonceCount() throws Exception {
        HttpSourceConfig src = digest("wonderland");
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/a"), src).statusCode()).isEqualTo(200);
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/b"), src).statusCode()).isEqualTo(200);
        }
        List<LoggedRequest> sent = wiremock.findAll(getRequestedFor(anyUrl()));
        assertThat(sent).extracting(LoggedRequest::getUrl).containsExactly("/a", "/a", "/b");
        Map<String, String> second = params(sent.get(2).getHeader("Authorization"));
        assertThat(second).containsEntry("nc", "00000002").containsEntry("uri", "/b");
        assertThat(second.get("response")).isEqualTo(expectedResponse("alice", "wonderland", "GET", "/b",
                "00000002", second.get("cnonce")));
    }

    @Test
    void aSecondChallengeWithTheSameNonceIsReturnedNotRetriedForever() {
        // Wrong credentials: the server keeps answering 401 with the same nonce.
        wiremock.resetAll();
        wiremock.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", CHALLENGE)));
        HttpSourceConfig src = digest("wrong");
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/a"), src).statusCode()).isEqualTo(401);
        }
        assertThat(wiremock.findAll(getRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void aStaleNonceIsAnsweredWithTheNewOne() throws Exception {
        HttpSourceConfig src = digest("wonderland");
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(HttpTesting.get(wiremock.baseUrl() + "/a"), src);
            wiremock.resetAll();
            wiremock.stubFor(get(anyUrl()).withHeader("Authorization", matching(".*nonce=\"n\".*"))
                    .willReturn(aResponse().withStatus(401)
                            .withHeader("WWW-Authenticate", "Digest realm=\"r\", nonce=\"n2\", qop=\"auth\", stale=true")));
            wiremock.stubFor(get(anyUrl()).withHeader("Authorization", matching(".*nonce=\"n2\".*"))
                    .willReturn(aResponse().withStatus(200)));
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/b"), src).statusCode()).isEqualTo(200);
        }
        List<LoggedRequest> sent = wiremock.findAll(getRequestedFor(anyUrl()));
        assertThat(sent).hasSize(2);
        Map<String, String> p = params(sent.get(1).getHeader("Authorization"));
        assertThat(p).containsEntry("nonce", "n2").containsEntry("nc", "00000001").doesNotContainKey("opaque");
        String ha1 = md5("alice:r:wonderland");
        assertThat(p.get("response")).isEqualTo(md5(ha1 + ":n2:00000001:" + p.get("cnonce") + ":auth:" + md5("GET:/b")));
    }

    @Test
    void aResponseWithoutDigestChallengeIsReturnedAsIs() {
        wiremock.resetAll();
        wiremock.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"r\"")));
        HttpSourceConfig src = digest("wonderland");
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/a"), src).statusCode()).isEqualTo(401);
        }
        assertThat(wiremock.findAll(getRequestedFor(anyUrl()))).hasSize(1);
    }

    /** RFC 7616 section 3.4.1 with algorithm MD5 and qop=auth. */
    private static String expectedResponse(String user, String password, String method, String uri, String nc,
                                           String cnonce) throws Exception {
        String ha1 = md5(user + ":r:" + password);
        String ha2 = md5(method + ":" + uri);
        return md5(ha1 + ":n:" + nc + ":" + cnonce + ":auth:" + ha2);
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> params(String header) {
        assertThat(header).startsWith("Digest ");
        Map<String, String> p = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))").matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return p;
    }
}
