package dev.sequor.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sequor.error.SequorException;
import dev.sequor.http.HttpRequestData;
import dev.sequor.http.HttpResponseData;
import dev.sequor.http.HttpTransport;
import dev.sequor.http.SecretRedactor;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code oauth2} with the {@code password} or {@code client_credentials} grant: fetches a token from
 * {@code token_endpoint} before the first request, then sends {@code Authorization: Bearer <token>} on
 * every request of the run. A new token is fetched when the old one has expired (by its
 * {@code expires_in}) or when the API answers 401 to a token that is not brand new.
 */
final class OAuth2TokenAuth implements HttpAuth {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A token this close to its expiry is renewed before use rather than risk a 401 mid-flow. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final String grantType;
    private final String tokenEndpoint;
    private final Map<String, String> form;
    private final Consumer<String> learnSecret;
    private String token;
    private Instant expiresAt;

    OAuth2TokenAuth(String grantType, String tokenEndpoint, String clientId, String clientSecret, String username,
                    String password, Consumer<String> learnSecret) {
        this.grantType = grantType;
        this.tokenEndpoint = tokenEndpoint;
        this.learnSecret = learnSecret;
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", grantType);
        if ("password".equals(grantType)) {
            f.put("username", username);
            f.put("password", password == null ? "" : password);
        }
        if (clientId != null) {
            f.put("client_id", clientId);
        }
        if (clientSecret != null) {
            f.put("client_secret", clientSecret);
        }
        this.form = f;
    }

    @Override
    public HttpResponseData exchange(HttpRequestData request, HttpTransport transport) throws IOException {
        boolean fetchedNow = false;
        String t;
        synchronized (this) {
            if (token == null || (expiresAt != null && Instant.now().isAfter(expiresAt.minus(EXPIRY_MARGIN)))) {
                fetch(transport);
                fetchedNow = true;
            }
            t = token;
        }
        HttpResponseData response = transport.send(request.withHeader("Authorization", "Bearer " + t));
        if (response.statusCode() == 401 && !fetchedNow) {
            synchronized (this) {
                if (t.equals(token)) {
                    fetch(transport);
                }
                t = token;
            }
            response = transport.send(request.withHeader("Authorization", "Bearer " + t));
        }
        return response;
    }

    private void fetch(HttpTransport transport) throws IOException {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", "application/x-www-form-urlencoded"));
        headers.add(Map.entry("Accept", "application/json"));
        URI uri;
        try {
            uri = URI.create(tokenEndpoint);
        } catch (IllegalArgumentException e) {
            throw SequorException.invalid(null, "oauth2 token_endpoint '" + tokenEndpoint + "' is not a valid URL.");
        }
        HttpRequestData tokenRequest = new HttpRequestData("POST", uri, List.copyOf(headers),
                body.toString().getBytes(StandardCharsets.UTF_8), null);
        HttpResponseData response = transport.send(tokenRequest);
        SecretRedactor redactor = new SecretRedactor(form.entrySet().stream()
                .filter(e -> e.getKey().equals("password") || e.getKey().equals("client_secret"))
                .map(Map.Entry::getValue).toList());
        if (response.statusCode() / 100 != 2) {
            throw SequorException.failed(null, "The oauth2 token request (" + grantType + " grant) to " + tokenEndpoint
                    + " failed with status " + response.statusCode() + ": " + brief(redactor.text(response.text())));
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.path("access_token").isTextual()) {
            throw SequorException.failed(null, "The oauth2 token response from " + tokenEndpoint
                    + " has no access_token; expected a JSON object with access_token.");
        }
        token = json.get("access_token").asText();
        learnSecret.accept(token);
        long lifetime = json.path("expires_in").asLong(0);
        expiresAt = lifetime > 0 ? Instant.now().plusSeconds(lifetime) : null;
    }

    private static String brief(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
