package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.sequor.http.HttpTesting.liveClient;
import static dev.sequor.http.HttpTesting.secretSet;
import static dev.sequor.http.HttpTesting.source;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Content-Type a flow sets reaches the server, with or without a body, as Python requests sends it. */
class ContentTypeHeaderTest {

    @RegisterExtension
    static final WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @BeforeEach
    void reset() {
        wiremock.resetAll();
        wiremock.stubFor(any(anyUrl()).willReturn(noContent()));
    }

    @Test
    void aDeleteWithoutBodyKeepsTheFlowsContentType() {
        HttpSourceConfig src = source();
        HttpRequestData delete = new HttpRequestData("DELETE", URI.create(wiremock.baseUrl() + "/items/7"),
                List.of(Map.entry("Content-Type", "application/json")), null, null);
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(delete, src);
        }
        wiremock.verify(deleteRequestedFor(urlPathEqualTo("/items/7"))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @Test
    void aBodyIsSentWithTheFlowsContentType() {
        HttpSourceConfig src = source();
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(HttpTesting.post(wiremock.baseUrl() + "/items", "a=1",
                    "Content-Type", "application/x-www-form-urlencoded"), src);
        }
        wiremock.verify(postRequestedFor(urlPathEqualTo("/items"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("a=1")));
    }

    @Test
    void noContentTypeIsInventedWhenTheFlowSetsNone() {
        HttpSourceConfig src = source();
        try (HttpClientService http = liveClient(secretSet(), src)) {
            http.execute(HttpTesting.get(wiremock.baseUrl() + "/items"), src);
        }
        wiremock.verify(getRequestedFor(urlPathEqualTo("/items")).withHeader("Content-Type", absent()));
    }
}
