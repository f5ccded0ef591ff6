package dev.sequor.http;

import static dev.sequor.http.HttpTesting.POS;
import static dev.sequor.http.HttpTesting.map;
import static dev.sequor.http.HttpTesting.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading base_url, headers, rate_limit, proxy and tls of a rendered http source, and the exact errors for bad values. */
class SourceSettingsConfigTest {

    private static void rejects(String message, Object... keyValues) {
        assertThatThrownBy(() -> source(keyValues))
                .isInstanceOf(SequorException.class)
                .hasMessage(message)
                .satisfies(e -> {
                    assertThat(((SequorException) e).kind()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(((SequorException) e).pos()).isEqualTo(POS);
                });
    }

    @Test
    void baseUrlAndHeaders() {
        HttpSourceConfig c = source("base_url", "https://api.example.com/v1",
                "headers", map("Accept", "application/json", "X-Version", 3, "X-Skip", null));
        assertThat(c.defaults().baseUrl()).isEqualTo(URI.create("https://api.example.com/v1"));
        assertThat(c.defaults().headers()).containsExactly(Map.entry("Accept", "application/json"), Map.entry("X-Version", "3"));
        assertThat(source("base_url", "").defaults()).isEqualTo(RequestDefaults.NONE);
    }

    @Test
    void badBaseUrlsAndHeaders() {
        rejects("Source \"api\": base_url 'api.example.com/v1' is not a base URL: expected an absolute URL starting with"
                + " http:// or https://.", "base_url", "api.example.com/v1");
        rejects("Source \"api\": base_url 'ftp://h/x' is not a base URL: expected an absolute URL starting with"
                + " http:// or https://.", "base_url", "ftp://h/x");
        rejects("Source \"api\": base_url 'https://h/v1?key=1' is not a base URL: it may not have a query or fragment;"
                + " give parameters in each request's parameters.", "base_url", "https://h/v1?key=1");
        rejects("Source \"api\": base_url 'https://h/a b' is not a base URL: Illegal character in path.",
                "base_url", "https://h/a b");
        rejects("Source \"api\": base_url must be a single value, not '[https://h]'.", "base_url", List.of("https://h"));
        rejects("Source \"api\": headers must be a mapping of header names to values, not 'Accept: json'.",
                "headers", "Accept: json");
        rejects("Source \"api\": headers.X-List must be a single value, not '[a, b]'.", "headers", map("X-List", List.of("a", "b")));
    }

    @Test
    void rateLimit() {
        assertThat(source("rate_limit", map("requests_per_second", "2.5", "max_concurrency", 4)).rateLimit())
                .isEqualTo(new RateLimit(2.5, 4));
        assertThat(source("rate_limit", map("max_concurrency", "1")).rateLimit()).isEqualTo(new RateLimit(null, 1));
        assertThat(source("rate_limit", map("requests_per_second", 10)).rateLimit()).isEqualTo(new RateLimit(10.0, null));
    }

    @Test
    void badRateLimits() {
        rejects("Source \"api\": rate_limit must be a mapping with max_concurrency, requests_per_second.", "rate_limit", 10);
        rejects("Source \"api\": unknown key 'rate_limit.rps'; expected max_concurrency, requests_per_second.",
                "rate_limit", map("rps", 10));
        rejects("Source \"api\": rate_limit needs requests_per_second, max_concurrency or both.", "rate_limit", map());
        for (Object bad : List.of(0, "-1", "fast", "Infinity")) {
            rejects("Source \"api\": rate_limit.requests_per_second must be a number above 0, not '" + bad + "'.",
                    "rate_limit", map("requests_per_second", bad));
        }
        for (Object bad : List.of(0, "2.5", "many")) {
            rejects("Source \"api\": rate_limit.max_concurrency must be a whole number of at least 1, not '" + bad + "'.",
                    "rate_limit", map("max_concurrency", bad));
        }
    }

    @Test
    void proxyUrlsAreReadAsRequestsReadsThem() {
        assertThat(source("proxy", "http://proxy.corp:3128").connection().proxy())
                .isEqualTo(new ProxyAddress("proxy.corp", 3128, null, null));
        assertThat(source("proxy", "proxy.corp:8080").connection().proxy())
                .isEqualTo(new ProxyAddress("proxy.corp", 8080, null, null));
        assertThat(source("proxy", "http://proxy.corp").connection().proxy().port()).isEqualTo(80);
        assertThat(source().connection().proxy()).isNull();
    }

    @Test
    void aProxyPasswordIsASecretAndNeverShownByTheAddress() {
        HttpSourceConfig c = source("proxy", "http://etl:pr%40xy-PW@proxy.corp:3128");
        assertThat(c.connection().proxy()).isEqualTo(new ProxyAddress("proxy.corp", 3128, "etl", "pr@xy-PW"));
        assertThat(c.secrets()).containsExactly("pr@xy-PW");
        assertThat(c.connection().proxy().toString()).isEqualTo("proxy.corp:3128");
    }

    @Test
    void badProxies() {
        rejects("Source \"api\": proxy must be a URL such as http://proxy.example.com:3128: only http:// proxies are"
                + " supported, not socks5://.", "proxy", "socks5://proxy:1080");
        rejects("Source \"api\": proxy must be a URL such as http://proxy.example.com:3128: a proxy URL has only a host,"
                + " a port and optional credentials.", "proxy", "http://proxy:3128/path");
        rejects("Source \"api\": proxy must be a single value, not '{http=x}'.", "proxy", map("http", "x"));
    }

    @Test
    void tlsCaFileIsTakenFromTheProjectFolder() {
        Path project = Path.of("/work/project");
        HttpSourceConfig c = HttpSourceConfig.from("api", map("tls", map("ca_file", "certs/ca.pem")), POS, project);
        assertThat(c.connection().tls()).isEqualTo(new TlsSettings(project.resolve("certs/ca.pem"), false));
        assertThat(HttpSourceConfig.from("api", map("tls", map("ca_file", "/etc/ca.pem")), POS, project)
                .connection().tls().caFile()).isEqualTo(Path.of("/etc/ca.pem"));
        assertThat(source("tls", map("insecure", "true")).connection().tls()).isEqualTo(new TlsSettings(null, true));
    }

    @Test
    void badTls() {
        rejects("Source \"api\": tls must be a mapping with ca_file, insecure.", "tls", "insecure");
        rejects("Source \"api\": unknown key 'tls.verify'; expected ca_file, insecure.", "tls", map("verify", false));
        rejects("Source \"api\": tls.insecure must be true or false, not 'yes'.", "tls", map("insecure", "yes"));
    }

    @Test
    void everyNewKeyIsAKnownKey() {
        assertThat(dev.sequor.flow.spec.SourceSpecs.keysOf("http")).contains("base_url", "headers", "rate_limit", "proxy", "tls");
    }
}
