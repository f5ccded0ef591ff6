package dev.sequor.http;

import static dev.sequor.http.HttpTesting.POS;
import static dev.sequor.http.HttpTesting.map;
import static dev.sequor.http.HttpTesting.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import dev.sequor.http.auth.AuthSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a rendered http source file: auth, timeout and retry, and the exact errors for bad values. See also
 * {@link SourceSettingsConfigTest} for base_url, headers, rate_limit, proxy and tls. */
class HttpSourceConfigTest {

    /** Asserts that reading the source fails as bad input at the file's position with {@code message}. */
    private static void rejects(String message, Object... keyValues) {
        assertThatThrownBy(() -> source(keyValues))
                .isInstanceOf(SequorException.class)
                .hasMessage(message)
                .satisfies(e -> {
                    assertThat(((SequorException) e).kind()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(((SequorException) e).pos()).isEqualTo(POS);
                });
    }

    @Test
    void aSourceWithoutSettingsHasNoAuthAndTheDefaults() {
        HttpSourceConfig c = source("type", "http");
        assertThat(c.name()).isEqualTo("api");
        assertThat(c.auth()).isEqualTo(AuthSpec.NONE);
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.retry()).isEqualTo(RetrySettings.DEFAULT);
        assertThat(c.secrets()).isEmpty();
        assertThat(c.defaults()).isEqualTo(RequestDefaults.NONE);
        assertThat(c.rateLimit()).isNull();
        assertThat(c.connection()).isEqualTo(ConnectionSettings.DEFAULT);
        assertThat(HttpSourceConfig.none()).isEqualTo(new HttpSourceConfig(null, AuthSpec.NONE, Duration.ofSeconds(60),
                RetrySettings.DEFAULT, java.util.Set.of(), RequestDefaults.NONE, null, ConnectionSettings.DEFAULT));
    }

    @Test
    void timeoutAndRetryAcceptRenderedStringsAndNumbers() {
        HttpSourceConfig c = source("timeout_seconds", " 2.5 ",
                "retry", map("max_attempts", "3", "initial_backoff_seconds", 0.01, "max_backoff_seconds", "0"));
        assertThat(c.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.retry()).isEqualTo(new RetrySettings(3, Duration.ofMillis(10), Duration.ZERO));
        assertThat(source("retry", map("max_attempts", 1)).retry())
                .isEqualTo(new RetrySettings(1, Duration.ofMillis(500), Duration.ofSeconds(30)));
    }

    @Test
    void credentialValuesAreTheSourceSecretsButUsernamesAreNot() {
        // the pair too: its base64 is the Basic header, which does not contain the password's own base64
        assertThat(source("auth", map("type", "basic_auth", "username", "alice", "password", "pw-1")).secrets())
                .containsExactlyInAnyOrder("pw-1", "alice:pw-1");
        assertThat(source("auth", map("type", "bearer_token", "token", "tok-1")).secrets()).containsExactly("tok-1");
        assertThat(source("auth", map("type", "api_key", "key_name", "X-Key", "key_value", "kv-1", "add_to", "header"))
                .secrets()).containsExactly("kv-1");
        assertThat(source("auth", map("type", "oauth2", "grant_type", "password", "token_endpoint", "http://h/t",
                "username", "u", "password", "pw-2", "client_id", "cid", "client_secret", "cs-2")).secrets())
                .containsExactlyInAnyOrder("pw-2", "cs-2");
    }

    @Test
    void emptyAuthValuesCountAsAbsent() {
        AuthSpec spec = source("auth", map("type", "basic_auth", "username", "alice", "password", "")).auth();
        assertThat(spec).isEqualTo(new AuthSpec("basic_auth", Map.of("username", "alice")));
        rejects("Source \"api\": auth type bearer_token needs 'token'.", "auth", map("type", "bearer_token", "token", ""));
    }

    @Test
    void unknownAuthTypes() {
        rejects("Source \"api\": Unsupported auth type: kerberos (expected basic_auth, bearer_token, digest_auth, api_key,"
                + " oauth2 or none).", "auth", map("type", "kerberos"));
        rejects("Source \"api\": oauth1 auth is not supported yet", "auth", map("type", "oauth1", "consumer_key", "k"));
        rejects("Source \"api\": auth has no 'type'; expected one of basic_auth, bearer_token, digest_auth, api_key,"
                + " oauth2, none.", "auth", map("token", "x"));
        rejects("Source \"api\": auth must be a mapping with a 'type', not 'bearer'.", "auth", "bearer");
    }

    @Test
    void missingRequiredAuthKeys() {
        rejects("Source \"api\": auth type basic_auth needs 'username'.", "auth", map("type", "basic_auth", "password", "p"));
        rejects("Source \"api\": auth type digest_auth needs 'username'.", "auth", map("type", "digest_auth"));
        rejects("Source \"api\": auth type bearer_token needs 'token'.", "auth", map("type", "bearer_token"));
        rejects("Source \"api\": auth type api_key needs 'key_value'.", "auth", map("type", "api_key", "key_name", "k"));
        rejects("Source \"api\": auth type api_key needs 'add_to'.", "auth",
                map("type", "api_key", "key_name", "k", "key_value", "v"));
        rejects("Source \"api\": auth type oauth2 needs 'token_endpoint'.", "auth", map("type", "oauth2", "grant_type", "password"));
        rejects("Source \"api\": auth type oauth2 needs 'username'.", "auth",
                map("type", "oauth2", "grant_type", "password", "token_endpoint", "http://h/t"));
    }

    @Test
    void apiKeyAddToMustBeHeaderOrQuery() {
        rejects("Source \"api\": Unsupported add_to location: body (expected header or query).", "auth",
                map("type", "api_key", "key_name", "k", "key_value", "v", "add_to", "body"));
    }

    @Test
    void oauth2GrantTypeMustBePasswordOrClientCredentials() {
        rejects("Source \"api\": Unsupported oauth2 grant_type: implicit (expected password or client_credentials).", "auth",
                map("type", "oauth2", "grant_type", "implicit", "token_endpoint", "http://h/t"));
    }

    @Test
    void timeoutSecondsMustBeAPositiveNumber() {
        for (Object bad : List.of("abc", 0, "0", -1, "-0.5", "Infinity", "NaN", true)) {
            rejects("Source \"api\": timeout_seconds must be a positive number of seconds, not '" + bad + "'.",
                    "timeout_seconds", bad);
        }
    }

    @Test
    void retryMustBeAMappingOfKnownKeys() {
        rejects("Source \"api\": retry must be a mapping with initial_backoff_seconds, max_attempts, max_backoff_seconds,"
                + " unsafe_methods.",
                "retry", 3);
        rejects("Source \"api\": unknown key 'retry.attempts'; expected initial_backoff_seconds, max_attempts,"
                + " max_backoff_seconds, unsafe_methods.", "retry", map("attempts", 3));
    }

    @Test
    void retryValuesAreChecked() {
        for (Object bad : List.of(0, "-2", "two", "1.5")) {
            rejects("Source \"api\": retry.max_attempts must be a whole number of at least 1, not '" + bad + "'.",
                    "retry", map("max_attempts", bad));
        }
        rejects("Source \"api\": retry.initial_backoff_seconds must be a non-negative number of seconds, not '-1'.",
                "retry", map("initial_backoff_seconds", -1));
        rejects("Source \"api\": retry.max_backoff_seconds must be a non-negative number of seconds, not 'soon'.",
                "retry", map("max_backoff_seconds", "soon"));
    }

    @Test
    void unsafeMethodsIsABooleanAlsoAsRenderedText() {
        assertThat(source("retry", map("unsafe_methods", true)).retry().unsafeMethods()).isTrue();
        assertThat(source("retry", map("unsafe_methods", "false")).retry().unsafeMethods()).isFalse();
        assertThat(source("retry", map("max_attempts", 2)).retry().unsafeMethods()).isFalse();
        for (Object bad : List.of("yes", 1, "")) {
            rejects("Source \"api\": retry.unsafe_methods must be true or false, not '" + bad + "'.",
                    "retry", map("unsafe_methods", bad));
        }
    }
}
