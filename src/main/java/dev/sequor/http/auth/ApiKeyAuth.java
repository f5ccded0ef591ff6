package dev.sequor.http.auth;

import dev.sequor.http.HttpRequestData;
import dev.sequor.http.HttpResponseData;
import dev.sequor.http.HttpTransport;
import dev.sequor.http.QueryStrings;
import java.io.IOException;

/**
 * {@code api_key}: the key as a header ({@code add_to: header}) or as a query parameter ({@code add_to:
 * query}, replacing a parameter of the same name).
 */
record ApiKeyAuth(String keyName, String keyValue, boolean inQuery) implements HttpAuth {

    @Override
    public HttpResponseData exchange(HttpRequestData request, HttpTransport transport) throws IOException {
        if (inQuery) {
            return transport.send(request.withUri(QueryStrings.withParameter(request.uri(), keyName, keyValue)));
        }
        return transport.send(request.withHeader(keyName, keyValue));
    }
}
