package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** oauth2 password and client_credentials grants: token fetching, reuse, renewal and failures. */
class OAuth2AuthTest {

    @RegisterExtension
    static final WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @BeforeEach
    void reset() {
        wiremock.resetAll();
        wiremock.stubFor(get(urlPathEqualTo("/data")).withHeader("Authorization", equalTo("Bearer tok-A"))
                .willReturn(okJson("[1,2]")));
        wiremock.stubFor(get(urlPathEqualTo("/data")).withHeader("Authorization", equalTo("Bearer tok-B"))
                .willReturn(okJson("[3]")));
    }

    private String tokenUrl() {
        return wiremock.baseUrl() + "/oauth/token";
    }

    private void tokenEndpointAnswers(String json) {
        wiremock.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson(json)));
    }

    private HttpSourceConfig passwordGrant() {
        return source("type", "http", "auth", map("type", "oauth2", "grant_type", "password", "token_endpoint", tokenUrl(),
                "username", "alice", "password", "p@ss word", "client_id", "cid", "client_secret", "c-secret"));
    }

    private List<String> authorizationsSentToData() {
        return wiremock.findAll(getRequestedFor(urlPathEqualTo("/data"))).stream()
                .map(r -> r.getHeader("Authorization")).toList();
    }

    @Test
    void passwordGrantFetchesOneTokenForSeveralRequests() {
        tokenEndpointAnswers("{\"access_token\":\"tok-A\",\"token_type\":\"bearer\",\"expires_in\":3600}");
        HttpSourceConfig src = passwordGrant();
        Set<String> secrets = secretSet();
        try (HttpClientService http = liveClient(secrets, src)) {
            for (int i = 0; i < 3; i++) {
                HttpResponseData r = http.execute(HttpTesting.get(wiremock.baseUrl() + "/data"), src);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.json()).isEqualTo(List.of(1, 2));
            }
        }
        List<LoggedRequest> tokenRequests = wiremock.findAll(postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertThat(tokenRequests).hasSize(1);
        LoggedRequest t = tokenRequests.get(0);
        assertThat(t.getBodyAsString())
                .isEqualTo("grant_type=password&username=alice&password=p%40ss+word&client_id=cid&client_secret=c-secret");
        assertThat(t.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(t.getHeader("Accept")).isEqualTo("application/json");
        assertThat(authorizationsSentToData()).containsExactly("Bearer tok-A", "Bearer tok-A", "Bearer tok-A");
        // The token becomes a run secret, so recordings and messages hide it.
        assertThat(secrets).contains("tok-A", "p@ss word", "c-secret");
    }

    @Test
    void aSourceUsedAgainWithAnEqualSpecSharesTheToken() {
        tokenEndpointAnswers("{\"access_token\":\"tok-A\"}");
        try (HttpClientService http = liveClient(secretSet(), passwordGrant())) {
            http.execute(HttpTesting.get(wiremock.baseUrl() + "/data"), passwordGrant());
            http.execute(HttpTesting.get(wiremock.baseUrl() + "/data"), passwordGrant());
        }
        wiremock.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void a401ToAnOlderTokenFetchesANewOneOnceAndResends() {
        wiremock.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("Started")
                .willReturn(okJson("{\"access_token\":\"tok-A\"}")).willSetStateTo("second"));
        wiremock.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\":\"tok-B\"}")));
        HttpSourceConfig src = passwordGrant();
        Set<String> secrets = secretSet();
        try (HttpClientService http = liveClient(secrets, src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/data"), src).json()).isEqualTo(List.of(1, 2));
            // the API revokes tok-A
            wiremock.stubFor(get(urlPathEqualTo("/data")).withHeader("Authorization", equalTo("Bearer tok-A"))
                    .willReturn(aResponse().withStatus(401)));
            HttpResponseData r = http.execute(HttpTesting.get(wiremock.baseUrl() + "/data"), src);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.json()).isEqualTo(List.of(3));
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/data"), src).json()).isEqualTo(List.of(3));
        }
        wiremock.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertThat(authorizationsSentToData()).containsExactly("Bearer tok-A", "Bearer tok-A", "Bearer tok-B", "Bearer tok-B");
        assertThat(secrets).contains("tok-A", "tok-B");
    }

    @Test
    void a401ToABrandNewTokenIsReturnedWithoutFetchingAgain() {
        tokenEndpointAnswers("{\"access_token\":\"tok-bad\"}");
        wiremock.stubFor(get(urlPathEqualTo("/data")).withHeader("Authorization", equalTo("Bearer tok-bad"))
                .willReturn(aResponse().withStatus(401)));
        HttpSourceConfig src = passwordGrant();
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/data"), src).statusCode()).isEqualTo(401);
        }
        wiremock.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        wiremock.verify(1, getRequestedFor(urlPathEqualTo("/data")));
    }

    @Test
    void aTokenAboutToExpireIsRenewedBeforeUse() {
        // expires_in below the 30 s safety margin: every request needs a fresh token
        tokenEndpointAnswers("{\"access_token\":\"tok-A\",\"expires_in\":5}");
        HttpSourceConfig src = passwordGrant();
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(HttpTesting.get(wiremock.baseUrl() + "/data"), src);
            http.execute(HttpTesting.get(wiremock.baseUrl() + "/data"), src);
        }
        wiremock.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void clientCredentialsGrantSendsOnlyClientFields() {
        tokenEndpointAnswers("{\"access_token\":\"tok-B\"}");
        HttpSourceConfig src = source("auth", map("type", "oauth2", "grant_type", "client_credentials",
                "token_endpoint", tokenUrl(), "client_id", "my app", "client_secret", "s&cret"));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/data"), src).json()).isEqualTo(List.of(3));
        }
        wiremock.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=my+app&client_secret=s%26cret")));
        assertThat(authorizationsSentToData()).containsExactly("Bearer tok-B");
    }

    @Test
    void aFailingTokenEndpointFailsWithItsStatusAndBodyWithoutThePassword() {
        wiremock.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_grant\",\"detail\":\"bad password p@ss word\"}")));
        HttpSourceConfig src = passwordGrant();
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(wiremock.baseUrl() + "/data"), src))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("The oauth2 token request (password grant) to " + tokenUrl() + " failed with status 400: "
                            + "{\"error\":\"invalid_grant\",\"detail\":\"bad password <redacted>\"}")
                    .satisfies(e -> assertThat(((SequorException) e).kind()).isEqualTo(ExitCode.FLOW_FAILED));
        }
        wiremock.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void aTokenResponseWithoutAccessTokenFails() {
        tokenEndpointAnswers("{\"token_type\":\"bearer\"}");
        HttpSourceConfig src = passwordGrant();
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get(wiremock.baseUrl() + "/data"), src))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("The oauth2 token response from " + tokenUrl()
                            + " has no access_token; expected a JSON object with access_token.");
        }
    }

    @Test
    void theTokenRequestGoesToTheConfiguredEndpointWithItsQuery() {
        wiremock.stubFor(post(urlPathEqualTo("/oauth/token")).withQueryParam("tenant", equalTo("t1"))
                .willReturn(okJson("{\"access_token\":\"tok-A\"}")));
        HttpSourceConfig src = source("auth", map("type", "oauth2", "grant_type", "client_credentials",
                "token_endpoint", tokenUrl() + "?tenant=t1", "client_id", "cid"));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThat(http.execute(HttpTesting.get(wiremock.baseUrl() + "/data"), src).statusCode()).isEqualTo(200);
        }
        wiremock.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=cid"))
                .withHeader("Accept", containing("json")));
    }
}
