package dev.sequor.http;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.sequor.error.SequorException;
import dev.sequor.http.auth.AuthSpec;
import dev.sequor.http.auth.HttpAuth;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the requests of one run: applies the source's timeout and auth, retries as the source's retry
 * policy says, and turns a request that could not be completed into an error naming it (credentials
 * hidden). Authenticators live as long as the run, so tokens and digest challenges are reused.
 */
public final class HttpClientService implements AutoCloseable {

    /** Sent unless the flow sets its own User-Agent. */
    private static final String USER_AGENT = "sequor";

    private final HttpTransport transport;
    private final Set<String> secrets;
    private final Map<AuthSpec, HttpAuth> auths = new ConcurrentHashMap<>();

    /** {@code secrets} is the run's live set of credentials; tokens obtained here are added to it. */
    public HttpClientService(HttpTransport transport, Set<String> secrets) {
        this.transport = transport;
        this.secrets = secrets;
    }

    /** The response to {@code request}, whatever its status; an error if no response could be had. */
    public HttpResponseData execute(HttpRequestData request, HttpSourceConfig source) {
        HttpRequestData prepared = request.withDefaultTimeout(source.timeout());
        if (prepared.header("User-Agent") == null) {
            prepared = prepared.withHeader("User-Agent", USER_AGENT);
        }
        HttpRequestData toSend = prepared;
        HttpAuth auth = auths.computeIfAbsent(source.auth(), spec -> spec.create(secrets::add));
        try {
            return Failsafe.with(source.retry().policy()).get(() -> auth.exchange(toSend, transport));
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String attempts = source.retry().maxAttempts() == 1 ? "" : " after " + source.retry().maxAttempts() + " attempts";
            String reason = cause instanceof IOException && cause.getMessage() != null ? cause.getMessage() : cause.toString();
            SecretRedactor redactor = new SecretRedactor(secrets);
            throw SequorException.failed(null, "HTTP request " + request.method() + " "
                    + redactor.text(request.uri().toString()) + " failed" + attempts + ": " + redactor.text(reason), cause);
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
