package dev.sequor.ops;

import dev.sequor.http.HttpResponseData;
import dev.sequor.http.SecretRedactor;
import java.io.PrintStream;
import java.util.Set;

/**
 * {@code --debug-httprequest-preview-pretty}: the response body, JSON pretty-printed, on standard output.
 * (The trace of {@code --debug-httprequest-preview-trace} is printed by the transport, which sees the
 * request as sent, auth included.)
 */
final class HttpPreview {

    private HttpPreview() {
    }

    /** Prints the response body, JSON pretty-printed, credentials hidden. */
    static void printPretty(HttpResponseData resp, Set<String> secrets, PrintStream out) {
        String body;
        try {
            body = JsonBodies.pretty(resp.json());
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            body = resp.text();
        }
        out.println(new SecretRedactor(secrets).text(body));
    }
}
