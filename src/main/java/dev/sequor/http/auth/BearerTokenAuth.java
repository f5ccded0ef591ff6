package dev.sequor.http.auth;

import dev.sequor.http.HttpRequestData;
import dev.sequor.http.HttpResponseData;
import dev.sequor.http.HttpTransport;
import java.io.IOException;

/** {@code bearer_token}: {@code Authorization: Bearer <token>} on every request. */
record BearerTokenAuth(String token) implements HttpAuth {

    @Override
    public HttpResponseData exchange(HttpRequestData request, HttpTransport transport) throws IOException {
        return transport.send(request.withHeader("Authorization", "Bearer " + token));
    }
}
