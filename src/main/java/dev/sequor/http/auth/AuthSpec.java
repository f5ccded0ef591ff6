package dev.sequor.http.auth;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code auth} section of an http source, checked: its {@code type} and the rendered values of its
 * keys (empty strings count as absent, as upstream). Equal specs share one {@link HttpAuth} per run, so
 * an OAuth2 token or a digest challenge is reused across ops.
 */
public record AuthSpec(String type, Map<String, String> values) {

    public static final AuthSpec NONE = new AuthSpec("none", Map.of());

    private static final Set<String> SECRET_KEYS = Set.of("password", "token", "key_value", "client_secret");

    /** Reads {@code auth}; {@code where} starts every message ("Source "x": "). */
    public static AuthSpec from(Object auth, String where, SourcePos pos) {
        if (auth == null) {
            return NONE;
        }
        if (!(auth instanceof Map<?, ?> m)) {
            throw SequorException.invalid(pos, where + "auth must be a mapping with a 'type', not '" + auth + "'.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            String s = v == null ? null : String.valueOf(v);
            if (s != null && !s.isEmpty()) {
                values.put(String.valueOf(k), s);
            }
        });
        String type = values.remove("type");
        if (type == null) {
            throw SequorException.invalid(pos, where + "auth has no 'type'; expected one of basic_auth, bearer_token,"
                    + " digest_auth, api_key, oauth2, none.");
        }
        AuthSpec spec = new AuthSpec(type, Map.copyOf(values));
        spec.check(where, pos);
        return spec;
    }

    /** The credential values of this spec, to be hidden wherever Sequor prints or records traffic. */
    public List<String> secrets() {
        List<String> s = new ArrayList<>();
        values.forEach((k, v) -> {
            if (SECRET_KEYS.contains(k)) {
                s.add(v);
            }
        });
        // Basic auth sends base64(user:password); the base64 of the password alone is not a substring of it
        // unless the user part happens to be a multiple of 3 bytes long, so the pair is a secret of its own.
        String password = values.get("password");
        if (type.equals("basic_auth") && password != null && values.get("username") != null) {
            s.add(values.get("username") + ":" + password);
        }
        return s;
    }

    /**
     * The header this auth puts its credential in, beyond those known by name (Authorization...): the key name of
     * an {@code api_key} sent as a header; null for the others. Dropped on a redirect to another host.
     */
    public String credentialHeader() {
        return type.equals("api_key") && "header".equals(values.get("add_to")) ? values.get("key_name") : null;
    }

    /** A fresh authenticator; {@code learnSecret} hears about credentials obtained later (OAuth2 tokens). */
    public HttpAuth create(Consumer<String> learnSecret) {
        return switch (type) {
            case "none" -> HttpAuth.NONE;
            case "basic_auth" -> new BasicAuth(values.get("username"), values.get("password"));
            case "bearer_token" -> new BearerTokenAuth(values.get("token"));
            case "digest_auth" -> new DigestAuth(values.get("username"), values.get("password"));
            case "api_key" -> new ApiKeyAuth(values.get("key_name"), values.get("key_value"), "query".equals(values.get("add_to")));
            case "oauth2" -> new OAuth2TokenAuth(values.get("grant_type"), values.get("token_endpoint"),
                    values.get("client_id"), values.get("client_secret"), values.get("username"), values.get("password"),
                    learnSecret);
            default -> throw new IllegalStateException("checked in from(): " + type);
        };
    }

    private void check(String where, SourcePos pos) {
        switch (type) {
            case "none" -> { }
            case "basic_auth", "digest_auth" -> require(where, pos, "username");
            case "bearer_token" -> require(where, pos, "token");
            case "api_key" -> {
                require(where, pos, "key_name", "key_value", "add_to");
                String addTo = values.get("add_to");
                if (!addTo.equals("header") && !addTo.equals("query")) {
                    throw SequorException.invalid(pos, where + "Unsupported add_to location: " + addTo
                            + " (expected header or query).");
                }
            }
            case "oauth2" -> {
                require(where, pos, "grant_type", "token_endpoint");
                String grant = values.get("grant_type");
                if (grant.equals("password")) {
                    require(where, pos, "username");
                } else if (!grant.equals("client_credentials")) {
                    throw SequorException.invalid(pos, where + "Unsupported oauth2 grant_type: " + grant
                            + " (expected password or client_credentials).");
                }
            }
            case "oauth1" -> throw SequorException.invalid(pos, where + "oauth1 auth is not supported yet");
            default -> throw SequorException.invalid(pos, where + "Unsupported auth type: " + type
                    + " (expected basic_auth, bearer_token, digest_auth, api_key, oauth2 or none).");
        }
    }

    private void require(String where, SourcePos pos, String... keys) {
        for (String k : keys) {
            if (values.get(k) == null) {
                throw SequorException.invalid(pos, where + "auth type " + type + " needs '" + k + "'.");
            }
        }
    }
}
