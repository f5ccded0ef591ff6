package dev.sequor.http.auth;

import dev.sequor.http.HttpRequestData;
import dev.sequor.http.HttpResponseData;
import dev.sequor.http.HttpTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code basic_auth}: {@code Authorization: Basic base64(username:password)} on every request. */
record BasicAuth(String username, String password) implements HttpAuth {

    @Override
    public HttpResponseData exchange(HttpRequestData request, HttpTransport transport) throws IOException {
        String pair = username + ":" + (password == null ? "" : password);
        String value = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        return transport.send(request.withHeader("Authorization", value));
    }
}
