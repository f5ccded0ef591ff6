package dev.sequor.http;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.http.auth.AuthSpec;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A rendered {@code type: http} source file: its auth, the timeout of each request and the retry policy.
 * {@link #none()} is what a request without {@code request.source} uses: no auth, default timeout and
 * retries.
 *
 * <pre>
 * type: http
 * auth: {type: bearer_token, token: "{{ var('token') }}"}
 * timeout_seconds: 30          # whole exchange; default 60
 * retry: {max_attempts: 4, initial_backoff_seconds: 0.5, max_backoff_seconds: 30, unsafe_methods: false}
 * </pre>
 */
public record HttpSourceConfig(String name, AuthSpec auth, Duration timeout, RetrySettings retry, Set<String> secrets) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Every top-level key an http source file may have. */
    public static final Set<String> KEYS = Set.of("type", "variables", "auth", "timeout_seconds", "retry");

    private static final Set<String> RETRY_KEYS = Set.of("max_attempts", "initial_backoff_seconds", "max_backoff_seconds", "unsafe_methods");

    public static HttpSourceConfig none() {
        return new HttpSourceConfig(null, AuthSpec.NONE, DEFAULT_TIMEOUT, RetrySettings.DEFAULT, Set.of());
    }

    /** Reads a rendered source file; {@code pos} is where the file starts, for errors. */
    public static HttpSourceConfig from(String name, Map<String, Object> rendered, SourcePos pos) {
        String where = "Source \"" + name + "\": ";
        AuthSpec auth = AuthSpec.from(rendered.get("auth"), where, pos);
        Duration timeout = rendered.get("timeout_seconds") == null ? DEFAULT_TIMEOUT
                : seconds(rendered.get("timeout_seconds"), where + "timeout_seconds", pos, false);
        RetrySettings retry = RetrySettings.DEFAULT;
        Object r = rendered.get("retry");
        if (r != null) {
            if (!(r instanceof Map<?, ?> m)) {
                throw SequorException.invalid(pos, where + "retry must be a mapping with " + String.join(", ", RETRY_KEYS.stream().sorted().toList()) + ".");
            }
            for (Object k : m.keySet()) {
                if (!RETRY_KEYS.contains(String.valueOf(k))) {
                    throw SequorException.invalid(pos, where + "unknown key 'retry." + k + "'; expected "
                            + String.join(", ", RETRY_KEYS.stream().sorted().toList()) + ".");
                }
            }
            int attempts = RetrySettings.DEFAULT.maxAttempts();
            if (m.get("max_attempts") != null) {
                try {
                    attempts = Integer.parseInt(String.valueOf(m.get("max_attempts")).strip());
                } catch (NumberFormatException e) {
                    attempts = 0;
                }
                if (attempts < 1) {
                    throw SequorException.invalid(pos, where + "retry.max_attempts must be a whole number of at least 1, not '"
                            + m.get("max_attempts") + "'.");
                }
            }
            Duration initial = m.get("initial_backoff_seconds") == null ? RetrySettings.DEFAULT.initialBackoff()
                    : seconds(m.get("initial_backoff_seconds"), where + "retry.initial_backoff_seconds", pos, true);
            Duration max = m.get("max_backoff_seconds") == null ? RetrySettings.DEFAULT.maxBackoff()
                    : seconds(m.get("max_backoff_seconds"), where + "retry.max_backoff_seconds", pos, true);
            boolean unsafeMethods = flag(m.get("unsafe_methods"), where + "retry.unsafe_methods", pos);
            retry = new RetrySettings(attempts, initial, max, unsafeMethods);
        }
        Set<String> secrets = new LinkedHashSet<>(auth.secrets());
        return new HttpSourceConfig(name, auth, timeout, retry, Set.copyOf(secrets));
    }

    private static Duration seconds(Object v, String what, SourcePos pos, boolean zeroAllowed) {
        double s;
        try {
            s = Double.parseDouble(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            s = Double.NaN;
        }
        if (Double.isNaN(s) || s < 0 || (!zeroAllowed && s == 0) || Double.isInfinite(s)) {
            throw SequorException.invalid(pos, what + " must be a " + (zeroAllowed ? "non-negative" : "positive")
                    + " number of seconds, not '" + v + "'.");
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    /** true or false, also as rendered text; absent is false. */
    private static boolean flag(Object value, String what, SourcePos pos) {
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        String text = String.valueOf(value).strip();
        if (text.equals("true") || text.equals("false")) {
            return text.equals("true");
        }
        throw SequorException.invalid(pos, what + " must be true or false, not '" + value + "'.");
    }
}
