package dev.sequor.http.auth;

import dev.sequor.http.HttpRequestData;
import dev.sequor.http.HttpResponseData;
import dev.sequor.http.HttpTransport;
import java.io.IOException;

/**
 * One way of authenticating requests. It sees the whole exchange, so schemes that answer a challenge
 * (digest) or fetch a token first (OAuth2) send what they need through the same transport, and a
 * recording shows every request that went out.
 */
public interface HttpAuth {

    HttpAuth NONE = (request, transport) -> transport.send(request);

    HttpResponseData exchange(HttpRequestData request, HttpTransport transport) throws IOException;
}
