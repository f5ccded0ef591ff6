package dev.sequor.http;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A source's proxy, and the standard proxy environment variables when it sets none, with a second WireMock server as
 * the forward proxy (browser proxying: it passes on requests for other hosts and logs them).
 */
class ProxyTest {

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @RegisterExtension
    static final WireMockExtension proxy = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().enableBrowserProxying(true)).build();

    @BeforeEach
    void reset() {
        api.resetAll();
        proxy.resetAll();
        api.stubFor(get(anyUrl()).willReturn(ok("from the api")));
    }

    private String proxyUrl() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** A client whose environment holds {@code env}, as a run started with those variables. */
    private static HttpClientService clientWithEnvironment(Map<String, String> env) {
        return new HttpClientService(new LiveTransport(new ProxyEnvironment(env)), secretSet());
    }

    /** The absolute URLs the proxy passed on. */
    private java.util.List<String> proxied() {
        return proxy.findAll(anyRequestedFor(anyUrl())).stream().map(LoggedRequest::getAbsoluteUrl).toList();
    }

    @Test
    void aSourcesProxyCarriesItsRequests() {
        HttpSourceConfig src = source("proxy", proxyUrl());
        try (HttpClientService http = clientWithEnvironment(Map.of())) {
            assertThat(http.execute(HttpTesting.get(api.baseUrl() + "/items?page=1"), src).text()).isEqualTo("from the api");
        }
        assertThat(proxied()).containsExactly(api.baseUrl() + "/items?page=1");
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void withoutASourceProxyHttpProxyFromTheEnvironmentIsUsed() {
        try (HttpClientService http = clientWithEnvironment(Map.of("HTTP_PROXY", proxyUrl()))) {
            assertThat(http.execute(HttpTesting.get(api.baseUrl() + "/a"), HttpSourceConfig.none()).text())
                    .isEqualTo("from the api");
            HttpSourceConfig src = source("base_url", api.baseUrl());
            http.execute(HttpTesting.get("/b"), src);
        }
        assertThat(proxied()).containsExactly(api.baseUrl() + "/a", api.baseUrl() + "/b");
    }

    @Test
    void noProxyAndTheOtherSchemesVariableLeaveRequestsDirect() {
        try (HttpClientService http = clientWithEnvironment(Map.of("HTTP_PROXY", proxyUrl(), "NO_PROXY", "localhost,127.0.0.1"))) {
            http.execute(HttpTesting.get(api.baseUrl() + "/direct"), HttpSourceConfig.none());
        }
        try (HttpClientService http = clientWithEnvironment(Map.of("HTTPS_PROXY", proxyUrl()))) {
            http.execute(HttpTesting.get(api.baseUrl() + "/plain-http"), HttpSourceConfig.none());
        }
        assertThat(proxied()).isEmpty();
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void aSourcesProxyWinsOverTheEnvironment() {
        // the environment names a proxy nothing listens on, which would fail the request
        try (HttpClientService http = clientWithEnvironment(Map.of("http_proxy", "http://127.0.0.1:" + closedPort()))) {
            http.execute(HttpTesting.get(api.baseUrl() + "/items"), source("proxy", proxyUrl()));
        }
        assertThat(proxied()).containsExactly(api.baseUrl() + "/items");
    }

    private static int closedPort() {
        try {
            return HttpTesting.closedPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBadProxyVariableIsAClearError() {
        try (HttpClientService http = clientWithEnvironment(Map.of("https_proxy", "socks5://127.0.0.1:1080"))) {
            assertThatThrownBy(() -> http.execute(HttpTesting.get("https://api.example.com/x"), HttpSourceConfig.none()))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("The environment variable https_proxy is not a proxy URL such as"
                            + " http://proxy.example.com:3128: only http:// proxies are supported, not socks5://.");
        }
    }

    private static ProxyAddress proxyFor(Map<String, String> env, String url) {
        return new ProxyEnvironment(env).proxyFor(URI.create(url));
    }

    @Test
    void variablesAreReadAsRequestsReadsThem() {
        ProxyAddress p = new ProxyAddress("proxy", 3128, null, null);
        ProxyAddress q = new ProxyAddress("other", 8080, null, null);
        assertThat(proxyFor(Map.of("HTTPS_PROXY", "http://proxy:3128"), "https://api.x.com/a")).isEqualTo(p);
        assertThat(proxyFor(Map.of("HTTPS_PROXY", "proxy:3128"), "http://api.x.com/a")).isNull();
        assertThat(proxyFor(Map.of("ALL_PROXY", "proxy:3128"), "http://api.x.com/a")).isEqualTo(p);
        assertThat(proxyFor(Map.of("https_proxy", "proxy:3128", "HTTPS_PROXY", "other:8080"), "https://a.com/")).isEqualTo(p);
        assertThat(proxyFor(Map.of("https_proxy", "", "HTTPS_PROXY", "other:8080"), "https://a.com/")).isNull();
        assertThat(proxyFor(Map.of("HTTPS_PROXY", "other:8080"), "https://a.com/")).isEqualTo(q);
    }

    @Test
    void noProxyMatchesHostEndingsPortsAddressesAndNetworks() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "proxy:3128",
                "NO_PROXY", "internal.corp, .example.com,api.x.com:8443,10.0.0.0/8,192.168.1.7");
        assertThat(proxyFor(env, "https://svc.internal.corp/a")).isNull();
        assertThat(proxyFor(env, "https://example.com/a")).isNull();
        assertThat(proxyFor(env, "https://www.example.com/a")).isNull();
        assertThat(proxyFor(env, "https://api.x.com:8443/a")).isNull();
        assertThat(proxyFor(env, "https://api.x.com/a")).isNotNull();
        assertThat(proxyFor(env, "https://10.20.30.40/a")).isNull();
        assertThat(proxyFor(env, "https://11.0.0.1/a")).isNotNull();
        assertThat(proxyFor(env, "https://192.168.1.7/a")).isNull();
        assertThat(proxyFor(env, "https://192.168.1.8/a")).isNotNull();
        assertThat(proxyFor(Map.of("HTTPS_PROXY", "proxy:3128", "no_proxy", "*"), "https://any.where/a")).isNull();
        assertThat(proxyFor(Map.of("HTTPS_PROXY", "proxy:3128", "no_proxy", "", "NO_PROXY", "any.where"),
                "https://any.where/a")).isNull();
    }
}
