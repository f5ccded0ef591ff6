package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The direct client made ahead of the first request ({@link LiveClients#prepare()}) is the one requests use. */
class LiveClientsTest {

    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(WireMockConfiguration.options().dynamicPort())
            .build();

    @Test
    void theFirstDirectRequestUsesTheClientMadeAhead() {
        try (LiveClients clients = new LiveClients()) {
            clients.prepare();
            clients.prepare();
            HttpClient made = clients.preparedClient();
            assertThat(made).isNotNull();
            assertThat(clients.client(null, TlsSettings.DEFAULT)).isSameAs(made);
            assertThat(clients.client(null, TlsSettings.DEFAULT)).isSameAs(made);
        }
    }

    @Test
    void aClientMadeAheadButNeverUsedIsClosedWithTheOthers() throws InterruptedException {
        HttpClient made;
        try (LiveClients clients = new LiveClients()) {
            clients.prepare();
            made = clients.preparedClient();
            assertThat(made.isTerminated()).isFalse();
        }
        assertThat(made.awaitTermination(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aPreparedTransportSendsRequests() throws Exception {
        api.stubFor(get(urlPathEqualTo("/ping")).willReturn(okJson("{\"ok\": true}")));
        try (LiveTransport transport = new LiveTransport(new ProxyEnvironment(Map.of()))) {
            transport.prepare();
            HttpResponseData response = transport.send(new HttpRequestData("GET",
                    URI.create(api.baseUrl() + "/ping"), List.of(), null, null));
            assertThat(response.statusCode()).isEqualTo(200);
        }
        api.verify(1, getRequestedFor(urlPathEqualTo("/ping")));
    }
}
