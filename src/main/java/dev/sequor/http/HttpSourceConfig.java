package dev.sequor.http;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.flow.spec.SourceSpecs;
import dev.sequor.http.auth.AuthSpec;
import dev.sequor.yaml.YNode.YMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A rendered {@code type: http} source file: its auth, the timeout of each request, the retry policy, what every
 * request starts from (base URL, default headers), the rate limit, how hosts are reached (proxy, TLS) and the largest
 * response body it reads.
 * {@link #none()} is what a request without {@code request.source} uses: no auth, default timeout and retries,
 * proxies from the environment.
 *
 * <pre>
 * type: http
 * base_url: https://api.example.com/v1   # relative request URLs resolve against it
 * headers: {Accept: application/json}    # under each request's own
 * auth: {type: bearer_token, token: "{{ var('token') }}"}
 * timeout_seconds: 30          # whole exchange; default 60
 * retry: {max_attempts: 4, initial_backoff_seconds: 0.5, max_backoff_seconds: 30, unsafe_methods: false}
 * rate_limit: {requests_per_second: 10, max_concurrency: 4}
 * proxy: http://proxy.corp:3128           # default: HTTPS_PROXY / HTTP_PROXY / NO_PROXY
 * tls: {ca_file: certs/corp-ca.pem, insecure: false}
 * max_response_bytes: 268435456          # largest body a response may have; default 256 MB
 * </pre>
 */
public record HttpSourceConfig(String name, AuthSpec auth, Duration timeout, RetrySettings retry, Set<String> secrets,
                               RequestDefaults defaults, RateLimit rateLimit, ConnectionSettings connection) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** The keys of {@code retry}, as the source spec declares them. */
    private static final Set<String> RETRY_KEYS = SourceSpecs.keyNames(SourceSpecs.RETRY);

    public static HttpSourceConfig none() {
        return new HttpSourceConfig(null, AuthSpec.NONE, DEFAULT_TIMEOUT, RetrySettings.DEFAULT, Set.of(),
                RequestDefaults.NONE, null, ConnectionSettings.DEFAULT);
    }

    /** Reads a rendered source file; {@code pos} is where the file starts, for errors; tls.ca_file as written. */
    public static HttpSourceConfig from(String name, Map<String, Object> rendered, SourcePos pos) {
        return from(name, rendered, (key, sub) -> pos, null);
    }

    /** As above, a relative {@code tls.ca_file} taken from {@code projectDir}. */
    public static HttpSourceConfig from(String name, Map<String, Object> rendered, SourcePos pos, Path projectDir) {
        return from(name, rendered, (key, sub) -> pos, projectDir);
    }

    /**
     * Reads the rendered form of the source file {@code file}; an error points at the value of the key it is about
     * (for {@code retry}, at the setting within it), not at the file's start.
     */
    public static HttpSourceConfig from(String name, Map<String, Object> rendered, YMap file, Path projectDir) {
        return from(name, rendered, (key, sub) -> sub != null && file.get(key) instanceof YMap inner
                && inner.get(sub) != null ? inner.valuePos(sub) : file.valuePos(key), projectDir);
    }

    /** Where a key's value is written: {@code (key, null)} a top-level key, {@code (key, sub)} a setting in it. */
    private interface Positions {
        SourcePos of(String key, String sub);
    }

    private static HttpSourceConfig from(String name, Map<String, Object> rendered, Positions at, Path projectDir) {
        String where = "Source \"" + name + "\": ";
        Object variables = rendered.get("variables");
        if (variables != null && !(variables instanceof Map<?, ?>)) {
            throw SequorException.invalid(at.of("variables", null), where + "variables must be a mapping of variable"
                    + " names to values, not '" + variables + "'.");
        }
        AuthSpec auth = AuthSpec.from(rendered.get("auth"), where, at.of("auth", null));
        Duration timeout = rendered.get("timeout_seconds") == null ? DEFAULT_TIMEOUT
                : SourceValues.seconds(rendered.get("timeout_seconds"), where + "timeout_seconds",
                        at.of("timeout_seconds", null), false);
        RetrySettings retry = RetrySettings.DEFAULT;
        Object r = rendered.get("retry");
        if (r != null) {
            Map<?, ?> m = SourceValues.mapping(r, where, "retry", RETRY_KEYS, at.of("retry", null));
            int attempts = m.get("max_attempts") == null ? RetrySettings.DEFAULT.maxAttempts()
                    : SourceValues.positiveWholeNumber(m.get("max_attempts"), where + "retry.max_attempts",
                            at.of("retry", "max_attempts"));
            Duration initial = m.get("initial_backoff_seconds") == null ? RetrySettings.DEFAULT.initialBackoff()
                    : SourceValues.seconds(m.get("initial_backoff_seconds"), where + "retry.initial_backoff_seconds",
                            at.of("retry", "initial_backoff_seconds"), true);
            Duration max = m.get("max_backoff_seconds") == null ? RetrySettings.DEFAULT.maxBackoff()
                    : SourceValues.seconds(m.get("max_backoff_seconds"), where + "retry.max_backoff_seconds",
                            at.of("retry", "max_backoff_seconds"), true);
            boolean unsafeMethods = SourceValues.flag(m.get("unsafe_methods"), where + "retry.unsafe_methods",
                    at.of("retry", "unsafe_methods"));
            retry = new RetrySettings(attempts, initial, max, unsafeMethods);
        }
        RequestDefaults defaults = RequestDefaults.from(rendered.get("base_url"), at.of("base_url", null),
                rendered.get("headers"), at.of("headers", null), where);
        RateLimit rateLimit = RateLimit.from(rendered.get("rate_limit"), where, at.of("rate_limit", null));
        SourcePos proxyPos = at.of("proxy", null);
        ProxyAddress proxy = proxy(SourceValues.text(rendered.get("proxy"), where + "proxy", proxyPos), where, proxyPos);
        TlsSettings tls = TlsSettings.from(rendered.get("tls"), where, at.of("tls", null), projectDir);
        long maxResponseBytes = rendered.get("max_response_bytes") == null ? ConnectionSettings.DEFAULT_MAX_RESPONSE_BYTES
                : SourceValues.byteCount(rendered.get("max_response_bytes"), where + "max_response_bytes",
                        at.of("max_response_bytes", null), LimitedBody.MAX_LIMIT);
        Set<String> secrets = new LinkedHashSet<>(auth.secrets());
        if (proxy != null && proxy.password() != null) {
            secrets.add(proxy.password());
        }
        return new HttpSourceConfig(name, auth, timeout, retry, Set.copyOf(secrets), defaults, rateLimit,
                new ConnectionSettings(proxy, tls, maxResponseBytes));
    }

    private static ProxyAddress proxy(String url, String where, SourcePos pos) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        try {
            return ProxyAddress.parse(url);
        } catch (IllegalArgumentException e) {
            throw SequorException.invalid(pos, where + "proxy must be a URL such as http://proxy.example.com:3128: "
                    + e.getMessage() + ".");
        }
    }
}
