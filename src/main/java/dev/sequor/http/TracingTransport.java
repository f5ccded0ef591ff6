package dev.sequor.http;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code --debug-httprequest-preview-trace}: prints every exchange exactly as it went over the wire (auth
 * headers, token requests and digest challenges included) to a stream, credentials hidden.
 */
final class TracingTransport implements HttpTransport {

    private final HttpTransport inner;
    private final PrintStream trace;
    private final Supplier<SecretRedactor> redactor;

    TracingTransport(HttpTransport inner, PrintStream trace, Supplier<SecretRedactor> redactor) {
        this.inner = inner;
        this.trace = trace;
        this.redactor = redactor;
    }

    @Override
    public HttpResponseData send(HttpRequestData req) throws IOException {
        HttpResponseData resp = inner.send(req);
        SecretRedactor redactor = this.redactor.get();
        StringBuilder sb = new StringBuilder("HTTP request trace:\n----------------- TRACE START -----------------\n");
        sb.append("< ").append(req.method()).append(' ').append(redactor.text(req.uri().toString())).append('\n');
        for (Map.Entry<String, String> h : req.headers()) {
            sb.append("< ").append(h.getKey()).append(": ").append(redactor.header(h.getKey(), h.getValue())).append('\n');
        }
        if (req.body() != null) {
            String body = new String(req.body(), StandardCharsets.UTF_8);
            String ct = req.header("Content-Type");
            sb.append("<\n").append(ct != null && ct.contains("x-www-form-urlencoded") ? redactor.form(body)
                    : redactor.text(body)).append('\n');
        }
        sb.append("> ").append(resp.statusCode()).append('\n');
        for (Map.Entry<String, List<String>> h : resp.headers().entrySet()) {
            for (String v : h.getValue()) {
                sb.append("> ").append(h.getKey()).append(": ").append(redactor.header(h.getKey(), v)).append('\n');
            }
        }
        sb.append(">\n").append(redactor.text(resp.text())).append("\n----------------- TRACE END -----------------");
        trace.println(sb);
        return resp;
    }

    @Override
    public boolean reachesNetwork() {
        return inner.reachesNetwork();
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public void prepare() {
        inner.prepare();
    }

    @Override
    public void expectTls(boolean likely) {
        inner.expectTls(likely);
    }
}
