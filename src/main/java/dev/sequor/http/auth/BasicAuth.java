package dev.sequor.http.auth;

import dev.sequor.http.BasicCredentials;
import dev.sequor.http.HttpRequestData;
import dev.sequor.http.HttpResponseData;
import dev.sequor.http.HttpTransport;
import java.io.IOException;

/** {@code basic_auth}: {@code Authorization: Basic base64(username:password)} on every request. */
record BasicAuth(String username, String password) implements HttpAuth {

    @Override
    public HttpResponseData exchange(HttpRequestData request, HttpTransport transport) throws IOException {
        return transport.send(request.withHeader("Authorization", BasicCredentials.header(username, password)));
    }
}
