package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.sequor.http.HttpTesting.liveClient;
import static dev.sequor.http.HttpTesting.map;
import static dev.sequor.http.HttpTesting.secretSet;
import static dev.sequor.http.HttpTesting.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sequor.error.SequorException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** base_url resolution of relative request URLs and default headers merged under each request's own. */
class BaseUrlAndHeadersTest {

    @RegisterExtension
    static final WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;

    @BeforeEach
    void reset() {
        wiremock.resetAll();
        wiremock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl()).willReturn(ok("fine")));
    }

    private static URI join(String base, String relative) {
        return RequestDefaults.join(URI.create(base), URI.create(relative));
    }

    @Test
    void relativeUrlsKeepTheBasePathWithOrWithoutALeadingSlash() {
        assertThat(join("https://api.x.com/v1", "customers")).hasToString("https://api.x.com/v1/customers");
        assertThat(join("https://api.x.com/v1", "/customers")).hasToString("https://api.x.com/v1/customers");
        assertThat(join("https://api.x.com/v1/", "customers")).hasToString("https://api.x.com/v1/customers");
        assertThat(join("https://api.x.com/v1/", "/customers/7/orders?status=open"))
                .hasToString("https://api.x.com/v1/customers/7/orders?status=open");
        assertThat(join("https://api.x.com", "customers")).hasToString("https://api.x.com/customers");
        assertThat(join("https://api.x.com:8443", "/customers")).hasToString("https://api.x.com:8443/customers");
        assertThat(join("https://api.x.com/v1", "../v2/customers")).hasToString("https://api.x.com/v2/customers");
        assertThat(join("https://api.x.com/v1", "?page=2")).hasToString("https://api.x.com/v1/?page=2");
        assertThat(join("https://api.x.com/v1", "")).hasToString("https://api.x.com/v1");
        assertThat(join("https://api.x.com/v1", "https://other.example/x")).hasToString("https://other.example/x");
    }

    @Test
    void aRelativeRequestGoesToTheBaseUrlAndAnAbsoluteOneWhereItSays() {
        HttpSourceConfig src = source("base_url", wiremock.baseUrl() + "/api/v1");
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(HttpTesting.get("customers?limit=2"), src);
            http.execute(HttpTesting.get("/orders"), src);
            http.execute(HttpTesting.get(wiremock.baseUrl() + "/elsewhere"), src);
        }
        assertThat(wiremock.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
                .containsExactly("/api/v1/customers?limit=2", "/api/v1/orders", "/elsewhere");
    }

    @Test
    void aRelativeUrlWithoutBaseUrlFailsNamingTheSource() {
        HttpSourceConfig src = source();
        try (HttpClientService http = liveClient(secretSet(), src)) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get("customers"), src))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("The request URL 'customers' is relative, but source \"api\" has no base_url; write an"
                            + " absolute URL or set base_url in the source file.");
        }
        try (HttpClientService http = liveClient(secretSet())) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get("customers"), HttpSourceConfig.none()))
                    .hasMessage("The request URL 'customers' is relative, but the request names no http source with a"
                            + " base_url; write an absolute URL.");
        }
        assertThat(wiremock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void defaultHeadersGoUnderTheRequestsOwnWhoseNamesWinInAnyCase() {
        HttpSourceConfig src = source("base_url", wiremock.baseUrl(),
                "headers", map("Accept", "application/json", "X-Api-Version", "2024-01", "User-Agent", "etl/1.0"));
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(HttpTesting.get("/a"), src);
            http.execute(HttpTesting.get("/b", "x-api-version", "2025-06"), src);
        }
        wiremock.verify(getRequestedFor(urlEqualTo("/a")).withHeader("Accept", equalTo("application/json"))
                .withHeader("X-Api-Version", equalTo("2024-01")).withHeader("User-Agent", equalTo("etl/1.0")));
        List<LoggedRequest> b = wiremock.findAll(getRequestedFor(urlEqualTo("/b")));
        assertThat(b).hasSize(1);
        assertThat(b.get(0).getHeaders().getHeader("X-Api-Version").values()).containsExactly("2025-06");
        assertThat(b.get(0).getHeader("Accept")).isEqualTo("application/json");
    }

    @Test
    void aSourceWithoutHeadersSendsOnlyTheRequestsOwn() {
        HttpSourceConfig src = source("base_url", wiremock.baseUrl());
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(HttpTesting.get("/plain"), src);
        }
        wiremock.verify(getRequestedFor(urlEqualTo("/plain")).withHeader("X-Api-Version", absent())
                .withHeader("User-Agent", equalTo("sequor")));
    }

    @Test
    void aRecordingHoldsTheResolvedRequestAndReplaysFromIt() throws Exception {
        Path dir = tmp.resolve("rec");
        Set<String> secrets = secretSet();
        HttpSourceConfig src = source("base_url", wiremock.baseUrl() + "/v1", "headers", map("X-Tenant", "acme"));
        try (HttpClientService http = new HttpClientService(HttpTransports.recording(HttpTransports.live(), dir,
                () -> new SecretRedactor(secrets)), secrets)) {
            assertThat(http.execute(HttpTesting.get("items?page=1"), src).text()).isEqualTo("fine");
        }
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.toList();
        }
        assertThat(files).hasSize(1);
        var request = new ObjectMapper().readTree(files.get(0).toFile()).path("request");
        assertThat(request.path("url").asText()).isEqualTo(wiremock.baseUrl() + "/v1/items?page=1");
        assertThat(request.path("headers").path("X-Tenant").get(0).asText()).isEqualTo("acme");

        wiremock.resetAll();
        try (HttpClientService http = new HttpClientService(HttpTransports.replay(dir, () -> new SecretRedactor(secrets)),
                secrets)) {
            assertThat(http.execute(HttpTesting.get("/items?page=1"), src).text()).isEqualTo("fine");
        }
        assertThat(wiremock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
