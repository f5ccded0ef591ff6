package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.sequor.http.HttpTesting.get;
import static dev.sequor.http.HttpTesting.liveClient;
import static dev.sequor.http.HttpTesting.map;
import static dev.sequor.http.HttpTesting.secretSet;
import static dev.sequor.http.HttpTesting.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simple auth kinds (basic, bearer, api_key, none) as WireMock sees the requests they send. */
class AuthKindsTest {

    @RegisterExtension
    static final WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @BeforeEach
    void reset() {
        wiremock.resetAll();
        wiremock.stubFor(any(anyUrl()).willReturn(ok("{\"ok\":true}").withHeader("Content-Type", "application/json")));
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> all = wiremock.findAll(getRequestedFor(anyUrl()));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void basicAuthSendsBase64OfUsernameColonPassword() {
        HttpSourceConfig src = source("type", "http", "auth", map("type", "basic_auth", "username", "alice", "password", "s3cr:et"));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            HttpResponseData r = http.execute(get(wiremock.baseUrl() + "/items"), src);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.json()).isEqualTo(java.util.Map.of("ok", true));
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString("alice:s3cr:et".getBytes(StandardCharsets.UTF_8));
        assertThat(expected).isEqualTo("Basic YWxpY2U6czNjcjpldA==");
        assertThat(onlyRequest().getHeader("Authorization")).isEqualTo(expected);
    }

    @Test
    void basicAuthWithoutPasswordSendsAnEmptyOne() {
        HttpSourceConfig src = source("auth", map("type", "basic_auth", "username", "bob", "password", ""));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(get(wiremock.baseUrl() + "/items"), src);
        }
        assertThat(onlyRequest().getHeader("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("bob:".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bearerTokenSendsAuthorizationBearer() {
        HttpSourceConfig src = source("auth", map("type", "bearer_token", "token", "tok-123456"));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(get(wiremock.baseUrl() + "/me"), src).statusCode()).isEqualTo(200);
        }
        assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer tok-123456");
    }

    @Test
    void apiKeyInHeaderAddsTheNamedHeader() {
        HttpSourceConfig src = source("auth", map("type", "api_key", "key_name", "X-Api-Key", "key_value", "k-987654",
                "add_to", "header"));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(get(wiremock.baseUrl() + "/items?page=2"), src);
        }
        LoggedRequest r = onlyRequest();
        assertThat(r.getHeader("X-Api-Key")).isEqualTo("k-987654");
        assertThat(r.getUrl()).isEqualTo("/items?page=2");
        assertThat(r.containsHeader("Authorization")).isFalse();
    }

    @Test
    void apiKeyInQueryReplacesAParameterOfTheSameNameInsteadOfRepeatingIt() {
        HttpSourceConfig src = source("auth", map("type", "api_key", "key_name", "api key", "key_value", "k/98 76",
                "add_to", "query"));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(get(wiremock.baseUrl() + "/items?page=2&api+key=stale&limit=5"), src);
        }
        LoggedRequest r = onlyRequest();
        assertThat(r.getUrl()).isEqualTo("/items?page=2&limit=5&api+key=k%2F98+76");
        assertThat(r.getQueryParams().get("api key").values()).containsExactly("k/98 76");
        assertThat(r.containsHeader("Authorization")).isFalse();
    }

    @Test
    void apiKeyInQueryOnAUrlWithoutQuery() {
        HttpSourceConfig src = source("auth", map("type", "api_key", "key_name", "key", "key_value", "abcd1234", "add_to", "query"));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(get(wiremock.baseUrl() + "/items"), src);
        }
        assertThat(onlyRequest().getUrl()).isEqualTo("/items?key=abcd1234");
    }

    @Test
    void noAuthAndTypeNoneSendNoCredentialsButTheDefaultUserAgent() {
        try (HttpClientService http = liveClient(secretSet())) {
            http.execute(get(wiremock.baseUrl() + "/a"), HttpSourceConfig.none());
            HttpSourceConfig none = source("auth", map("type", "none"));
            http.execute(get(wiremock.baseUrl() + "/b"), none);
            http.execute(get(wiremock.baseUrl() + "/c"), source());
        }
        wiremock.verify(3, getRequestedFor(urlPathMatching("/[abc]"))
                .withHeader("Authorization", absent())
                .withHeader("User-Agent", equalTo("sequor")));
    }

    @Test
    void aUserAgentSetByTheFlowIsKept() {
        try (HttpClientService http = liveClient(secretSet())) {
            http.execute(get(wiremock.baseUrl() + "/a", "user-agent", "my-flow/1.0"), HttpSourceConfig.none());
        }
        assertThat(onlyRequest().getHeader("User-Agent")).isEqualTo("my-flow/1.0");
    }
}
