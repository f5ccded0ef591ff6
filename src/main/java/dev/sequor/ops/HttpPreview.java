package dev.sequor.ops;

import dev.sequor.http.HttpRequestData;
import dev.sequor.http.HttpResponseData;
import dev.sequor.run.RunOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The debug views of one exchange: {@code --debug-httprequest-preview-trace} prints request and response
 * (credentials masked) to standard error; {@code --debug-httprequest-preview-pretty} prints the response
 * body, JSON pretty-printed, to standard output.
 */
final class HttpPreview {

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "x-auth-token");

    private HttpPreview() {
    }

    static void print(HttpRequestData req, HttpResponseData resp, RunOptions options, Set<String> secrets,
                      PrintStream out, PrintStream err) {
        if (options.previewTrace()) {
            StringBuilder sb = new StringBuilder("HTTP request trace:\n----------------- TRACE START -----------------\n");
            sb.append("< ").append(req.method()).append(' ').append(req.uri()).append('\n');
            for (Map.Entry<String, String> h : req.headers()) {
                sb.append("< ").append(h.getKey()).append(": ").append(headerValue(h.getKey(), h.getValue())).append('\n');
            }
            if (req.body() != null) {
                sb.append("<\n").append(new String(req.body(), StandardCharsets.UTF_8)).append('\n');
            }
            sb.append("> ").append(resp.statusCode()).append('\n');
            for (Map.Entry<String, List<String>> h : resp.headers().entrySet()) {
                for (String v : h.getValue()) {
                    sb.append("> ").append(h.getKey()).append(": ").append(headerValue(h.getKey(), v)).append('\n');
                }
            }
            sb.append(">\n").append(resp.text()).append("\n----------------- TRACE END -----------------");
            err.println(mask(sb.toString(), secrets));
        }
        if (options.previewPretty()) {
            String body;
            try {
                body = JsonBodies.pretty(resp.json());
            } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
                body = resp.text();
            }
            out.println(mask(body, secrets));
        }
    }

    private static String headerValue(String name, String value) {
        return SECRET_HEADERS.contains(name.toLowerCase()) ? "<redacted>" : value;
    }

    private static String mask(String text, Set<String> secrets) {
        String s = text;
        for (String secret : secrets) {
            if (secret.length() >= 4) {
                s = s.replace(secret, "<redacted>");
            }
        }
        return s;
    }
}
