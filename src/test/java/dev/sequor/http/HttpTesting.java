package dev.sequor.http;

import dev.sequor.error.SourcePos;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Small builders shared by the HTTP tests. */
final class HttpTesting {

    static final SourcePos POS = new SourcePos("sources/api.yaml", 1, 1);

    private HttpTesting() {
    }

    static HttpRequestData get(String url, String... headerPairs) {
        return new HttpRequestData("GET", URI.create(url), headers(headerPairs), null, null);
    }

    static HttpRequestData post(String url, String body, String... headerPairs) {
        return new HttpRequestData("POST", URI.create(url), headers(headerPairs), body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static List<Map.Entry<String, String>> headers(String... pairs) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            h.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return List.copyOf(h);
    }

    /** A source file as rendered: {@code type: http} plus the given keys (key, value, key, value...). */
    static HttpSourceConfig source(Object... keyValues) {
        return HttpSourceConfig.from("api", map(keyValues), POS);
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** A client over the live transport with the source's secrets known, as a run sets it up. */
    static HttpClientService liveClient(Set<String> secrets, HttpSourceConfig... sources) {
        for (HttpSourceConfig s : sources) {
            secrets.addAll(s.secrets());
        }
        return new HttpClientService(HttpTransports.live(), secrets);
    }

    static Set<String> secretSet() {
        return ConcurrentHashMap.newKeySet();
    }

    /** A local port nothing listens on (bound, then released). */
    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
