package dev.sequor.flow.spec;

import static dev.sequor.flow.spec.JsonType.BOOLEAN;
import static dev.sequor.flow.spec.JsonType.INTEGER;
import static dev.sequor.flow.spec.JsonType.NUMBER;
import static dev.sequor.flow.spec.JsonType.OBJECT;
import static dev.sequor.flow.spec.JsonType.STRING;
import static dev.sequor.flow.spec.KeySpec.literal;
import static dev.sequor.flow.spec.KeySpec.templated;

import dev.sequor.db.SourceType;
import dev.sequor.db.SourceTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys of a {@code sources/NAME.yaml} file: {@code type}, and what each type adds. A source file is rendered
 * with Jinja where it is used, so every value may be a template. The database types and their key names come from
 * {@link SourceTypes} (the one list of types); their docs and value types are kept here, by key name.
 */
public final class SourceSpecs {

    private SourceSpecs() {
    }

    public static final SectionSpec RETRY = SectionSpec.closed("http source retry",
            "When a request is sent again: after a connection failure, a timeout, 429 or 5xx, with backoff.",
            templated("max_attempts", "Sends in all, the first included; 1 turns retries off.", INTEGER).dflt(4),
            templated("initial_backoff_seconds", "The first wait.", NUMBER).dflt(0.5),
            templated("max_backoff_seconds", "The longest wait, also the cap on Retry-After.", NUMBER).dflt(30),
            templated("unsafe_methods", "Also send POST and PATCH again after any retryable outcome.", BOOLEAN)
                    .dflt(false));

    public static final SectionSpec RATE_LIMIT = SectionSpec.closed("http source rate_limit",
            "Limits over every op of the run that uses the source.",
            templated("requests_per_second", "At most this many requests a second.", NUMBER),
            templated("max_concurrency", "At most this many requests in flight at once.", INTEGER))
            .oneOfRequired("requests_per_second", "max_concurrency");

    public static final SectionSpec TLS = SectionSpec.closed("http source tls",
            "How servers' certificates are trusted.",
            templated("ca_file", "A PEM file of further certificate authorities (relative to the project).", STRING),
            templated("insecure", "Trust every certificate and host name (tests against self-signed servers only).",
                    BOOLEAN).dflt(false));

    public static final SectionSpec AUTH = SectionSpec.open("http source auth",
            "How requests authenticate.",
            literal("type", "The kind of authentication.", STRING).oneOf(List.of("basic_auth", "bearer_token",
                    "digest_auth", "api_key", "oauth2", "none")).mandatory())
            .withVariants("type", authVariants());

    private static Map<String, List<KeySpec>> authVariants() {
        KeySpec username = templated("username", "The user name.", STRING);
        KeySpec password = templated("password", "The password (a secret: masked in logs and recordings).", STRING);
        Map<String, List<KeySpec>> v = new LinkedHashMap<>();
        v.put("basic_auth", List.of(username.mandatory(), password));
        v.put("bearer_token", List.of(templated("token", "The token sent as Authorization: Bearer (a secret).", STRING)
                .mandatory()));
        v.put("digest_auth", List.of(username.mandatory(), password));
        v.put("api_key", List.of(
                templated("key_name", "The header or query parameter name.", STRING).mandatory(),
                templated("key_value", "The key (a secret).", STRING).mandatory(),
                templated("add_to", "Where the key goes.", STRING).oneOf(List.of("header", "query")).mandatory()));
        v.put("oauth2", List.of(
                templated("grant_type", "The OAuth2 grant.", STRING).oneOf(List.of("password", "client_credentials"))
                        .mandatory(),
                templated("token_endpoint", "The token URL.", STRING).mandatory(),
                templated("client_id", "The client id.", STRING),
                templated("client_secret", "The client secret (a secret).", STRING),
                username.withDoc("The user name (grant_type password)."),
                password.withDoc("The password (grant_type password; a secret).")));
        v.put("none", List.of());
        return v;
    }

    /** The keys of {@code type: http}, in the order of {@code http.HttpSourceConfig}. */
    static final List<KeySpec> HTTP_KEYS = List.of(
            literal("variables", "Variables bound (rendered, in order) as local variables of the ops using the"
                    + " source.", OBJECT),
            KeySpec.section("auth", "How requests authenticate (none: no auth).", AUTH),
            templated("timeout_seconds", "Time limit of a whole exchange.", NUMBER).dflt(60),
            KeySpec.section("retry", "When a request is sent again.", RETRY),
            templated("base_url", "Relative request URLs resolve against it.", STRING),
            templated("headers", "Default headers, under each request's own.", OBJECT),
            KeySpec.section("rate_limit", "Request rate and concurrency limits.", RATE_LIMIT),
            templated("proxy", "An HTTP proxy URL (default: HTTPS_PROXY, HTTP_PROXY, NO_PROXY).", STRING),
            KeySpec.section("tls", "Certificate trust.", TLS),
            templated("max_response_bytes", "The largest response body read (default 256 MB).", INTEGER)
                    .dflt(268435456));

    /**
     * Docs and value types of the database types' keys, by name; which keys each type has is {@link SourceType#keys()}
     * ({@code KeySpecTest} fails on a key without a doc here).
     */
    private static final Map<String, KeySpec> DATABASE_KEYS = byName(List.of(
            templated("conn_str", "The connection string, e.g. duckdb:///data/local.duckdb or"
                    + " postgresql://host:5432/db.", STRING),
            templated("allow_external_access", "Let SQL read and write files and URLs outside the database.",
                    BOOLEAN).dflt(false),
            templated("username", "The user name.", STRING),
            templated("password", "The password (a secret: masked in logs).", STRING),
            templated("url", "The JDBC URL.", STRING),
            templated("driver", "The JDBC driver class.", STRING),
            templated("driver_path", "A jar (or folder of jars) holding the driver.", STRING),
            templated("dialect", "The SQL the database speaks.", STRING).oneOf(SourceTypes.dialectNames()),
            templated("account", "The account identifier, e.g. myorg-myaccount (the part of the account URL before"
                    + " .snowflakecomputing.com).", STRING),
            templated("user", "The user name (username works too).", STRING),
            templated("private_key_file", "A PEM private key for key-pair authentication, instead of a password"
                    + " (relative to the project).", STRING),
            templated("private_key_file_pwd", "The private key's passphrase (a secret).", STRING),
            templated("warehouse", "The warehouse queries run on.", STRING),
            templated("database", "The database.", STRING),
            templated("schema", "The default schema.", STRING),
            templated("role", "The role.", STRING)));

    /** The keys of a source file of every type. */
    public static final SectionSpec SOURCE = SectionSpec.closed("source",
            "A Sequor source: a database or an HTTP API, chosen by type.",
            literal("type", "The kind of source.", STRING).oneOf(SourceTypes.names()).mandatory())
            .withVariants("type", typeVariants());

    private static Map<String, List<KeySpec>> typeVariants() {
        Map<String, List<KeySpec>> v = new LinkedHashMap<>();
        for (String name : SourceTypes.names()) {
            SourceType type = SourceTypes.named(name).orElseThrow();
            if (!type.isDatabase()) {
                v.put(name, HTTP_KEYS);
                continue;
            }
            List<KeySpec> keys = new ArrayList<>();
            for (String key : type.keys()) {
                keys.add(DATABASE_KEYS.getOrDefault(key, templated(key, "", new JsonType[0])));
            }
            v.put(name, List.copyOf(keys));
        }
        return v;
    }

    /** The top-level keys a source file of {@code type} may have, {@code type} first. */
    public static List<String> keysOf(String type) {
        return SOURCE.spellings(type);
    }

    /** The key names of a nested section of http sources, as the reader checks them. */
    public static Set<String> keyNames(SectionSpec section) {
        return Set.copyOf(section.spellings(null));
    }

    private static Map<String, KeySpec> byName(List<KeySpec> keys) {
        Map<String, KeySpec> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k.name(), k));
        return m;
    }
}
