package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sequor.http.HttpTesting.liveClient;
import static dev.sequor.http.HttpTesting.map;
import static dev.sequor.http.HttpTesting.secretSet;
import static dev.sequor.http.HttpTesting.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sequor.error.SequorException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redirects are followed as Python requests follows them, and credentials never follow a redirect to another origin.
 * Two WireMock servers on 127.0.0.1 differ by port, which requests counts as another origin; "localhost" and
 * "127.0.0.1" are different host names.
 */
class RedirectTest {

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @RegisterExtension
    static final WireMockExtension other = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    private static final String TOKEN = "tok-REDIRECT-1";
    private static final String KEY = "key-REDIRECT-2";

    @BeforeEach
    void reset() {
        api.resetAll();
        other.resetAll();
        api.stubFor(any(urlPathEqualTo("/final")).willReturn(ok("same host")));
        other.stubFor(any(anyUrl()).willReturn(ok("other host")));
    }

    private static void redirect(String from, int status, String location) {
        api.stubFor(any(urlPathEqualTo(from)).willReturn(aResponse().withStatus(status).withHeader("Location", location)));
    }

    @Test
    void aRedirectToTheSameHostKeepsTheCredentials() {
        redirect("/start", 302, "/final");
        HttpSourceConfig src = source("auth", map("type", "bearer_token", "token", TOKEN));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            HttpResponseData r = http.execute(HttpTesting.get(api.baseUrl() + "/start", "Cookie", "session=1"), src);
            assertThat(r.text()).isEqualTo("same host");
        }
        api.verify(getRequestedFor(urlPathEqualTo("/final")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Cookie", equalTo("session=1")));
    }

    @Test
    void aRedirectToAnotherOriginDropsEveryCredentialHeader() {
        redirect("/start", 302, other.baseUrl() + "/landing");
        HttpSourceConfig bearer = source("auth", map("type", "bearer_token", "token", TOKEN));
        HttpSourceConfig apiKey = source("auth", map("type", "api_key", "key_name", "X-Shop-Token", "key_value", KEY,
                "add_to", "header"));
        try (HttpClientService http = liveClient(secretSet(), bearer, apiKey)) {
            assertThat(http.execute(HttpTesting.get(api.baseUrl() + "/start", "Cookie", "session=1", "X-Api-Key", "k2",
                    "X-Trace", "t-1"), bearer).text()).isEqualTo("other host");
            assertThat(http.execute(HttpTesting.get(api.baseUrl() + "/start"), apiKey).text()).isEqualTo("other host");
        }
        api.verify(2, getRequestedFor(urlPathEqualTo("/start")));
        List<LoggedRequest> landed = other.findAll(getRequestedFor(urlPathEqualTo("/landing")));
        assertThat(landed).hasSize(2);
        for (LoggedRequest r : landed) {
            assertThat(r.containsHeader("Authorization")).isFalse();
            assertThat(r.containsHeader("Cookie")).isFalse();
            assertThat(r.containsHeader("X-Api-Key")).isFalse();
            assertThat(r.containsHeader("X-Shop-Token")).isFalse();
        }
        // headers that are not credentials still go along
        assertThat(landed.get(0).getHeader("X-Trace")).isEqualTo("t-1");
    }

    @Test
    void aRedirectToAnotherHostNameOnTheSamePortDropsThem() {
        redirect("/start", 301, "http://localhost:" + api.getPort() + "/final");
        HttpSourceConfig src = source("auth", map("type", "bearer_token", "token", TOKEN));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(HttpTesting.get("http://127.0.0.1:" + api.getPort() + "/start"), src);
        }
        api.verify(getRequestedFor(urlPathEqualTo("/final")).withHeader("Authorization", absent()));
    }

    @Test
    void a302Or303TurnsAPostIntoAGetWithoutItsBody() {
        redirect("/start", 303, "/final");
        redirect("/found", 302, "/final");
        HttpSourceConfig src = source();
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(HttpTesting.post(api.baseUrl() + "/start", "{\"a\":1}", "Content-Type", "application/json"), src);
            http.execute(HttpTesting.post(api.baseUrl() + "/found", "{\"a\":1}", "Content-Type", "application/json"), src);
        }
        List<LoggedRequest> finals = api.findAll(anyRequestedFor(urlPathEqualTo("/final")));
        assertThat(finals).hasSize(2).allSatisfy(r -> {
            assertThat(r.getMethod().getName()).isEqualTo("GET");
            assertThat(r.getBodyAsString()).isEmpty();
            assertThat(r.containsHeader("Content-Type")).isFalse();
        });
    }

    @Test
    void a307Or308KeepsTheMethodAndTheBody() {
        redirect("/start", 307, "/final");
        redirect("/moved", 308, "/final");
        HttpSourceConfig src = source();
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(HttpTesting.post(api.baseUrl() + "/start", "{\"a\":1}", "Content-Type", "application/json"), src);
            http.execute(HttpTesting.post(api.baseUrl() + "/moved", "{\"a\":2}", "Content-Type", "application/json"), src);
        }
        List<LoggedRequest> finals = api.findAll(postRequestedFor(urlPathEqualTo("/final")));
        assertThat(finals).extracting(LoggedRequest::getBodyAsString).containsExactly("{\"a\":1}", "{\"a\":2}");
        assertThat(finals).allSatisfy(r -> assertThat(r.getHeader("Content-Type")).isEqualTo("application/json"));
    }

    @Test
    void a301TurnsOnlyAPostIntoAGet() {
        redirect("/start", 301, "/final");
        HttpSourceConfig src = source();
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(new HttpRequestData("PUT", URI.create(api.baseUrl() + "/start"), List.of(),
                    "x".getBytes(), null), src);
            http.execute(HttpTesting.post(api.baseUrl() + "/start", "y"), src);
        }
        assertThat(api.findAll(anyRequestedFor(urlPathEqualTo("/final")))).extracting(r -> r.getMethod().getName())
                .containsExactly("PUT", "GET");
    }

    @Test
    void moreThanThirtyRedirectsFailWithoutRetrying() {
        redirect("/loop", 302, "/loop");
        HttpSourceConfig src = source();
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(api.baseUrl() + "/loop"), src))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("HTTP request GET " + api.baseUrl() + "/loop failed: Exceeded 30 redirects (the last to"
                            + " /loop).");
        }
        api.verify(31, getRequestedFor(urlPathEqualTo("/loop")));
    }

    /** Nothing is sent to a Location the client cannot follow, so it is not a failure to retry. */
    @Test
    void aRedirectToAUrlThatIsNotHttpFailsWithoutRetrying() {
        redirect("/start", 302, "ftp://files.example.com/a");
        HttpSourceConfig src = source();
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(api.baseUrl() + "/start"), src))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("HTTP request GET " + api.baseUrl() + "/start failed: redirected to"
                            + " 'ftp://files.example.com/a'; only http:// and https:// URLs can be followed.");
        }
        api.verify(1, getRequestedFor(urlPathEqualTo("/start")));
    }

    @Test
    void originsAreComparedAsRequestsDoes() {
        assertThat(RedirectFollower.crossesOrigin(URI.create("http://a.com/x"), URI.create("http://a.com:80/y"))).isFalse();
        assertThat(RedirectFollower.crossesOrigin(URI.create("https://a.com/x"), URI.create("https://A.com/y"))).isFalse();
        // http to https on the default ports keeps the credentials (requests' exception)
        assertThat(RedirectFollower.crossesOrigin(URI.create("http://a.com/x"), URI.create("https://a.com/y"))).isFalse();
        assertThat(RedirectFollower.crossesOrigin(URI.create("http://a.com:80/x"), URI.create("https://a.com:443/y"))).isFalse();
        assertThat(RedirectFollower.crossesOrigin(URI.create("https://a.com/x"), URI.create("http://a.com/y"))).isTrue();
        assertThat(RedirectFollower.crossesOrigin(URI.create("http://a.com:8080/x"), URI.create("https://a.com/y"))).isTrue();
        assertThat(RedirectFollower.crossesOrigin(URI.create("http://a.com/x"), URI.create("http://a.com:8080/y"))).isTrue();
        assertThat(RedirectFollower.crossesOrigin(URI.create("http://a.com/x"), URI.create("http://b.a.com/y"))).isTrue();
    }

    @Test
    void locationsResolveAgainstTheRequestUrl() {
        URI base = URI.create("https://a.com/v1/items?page=2");
        assertThat(RedirectFollower.location(base, "/v2/items")).hasToString("https://a.com/v2/items");
        assertThat(RedirectFollower.location(base, "next")).hasToString("https://a.com/v1/next");
        assertThat(RedirectFollower.location(base, "?page=3")).hasToString("https://a.com/v1/items?page=3");
        assertThat(RedirectFollower.location(base, "//b.com/x")).hasToString("https://b.com/x");
        assertThat(RedirectFollower.location(base, "https://c.com/a b")).hasToString("https://c.com/a%20b");
    }
}
