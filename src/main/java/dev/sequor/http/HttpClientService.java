package dev.sequor.http;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.sequor.error.SequorException;
import dev.sequor.http.auth.AuthSpec;
import dev.sequor.http.auth.HttpAuth;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends the requests of one run: applies the source's timeout and auth, retries as the source's retry
 * policy says, and turns a request that could not be completed into an error naming it (credentials
 * hidden). Authenticators live as long as the run, so tokens and digest challenges are reused. Every
 * retry is reported to the run's log, credentials hidden.
 */
public final class HttpClientService implements AutoCloseable {

    /** Sent unless the flow sets its own User-Agent. */
    private static final String USER_AGENT = "sequor";

    private final HttpTransport transport;
    private final Set<String> secrets;
    private final Consumer<String> retryLog;
    private final Map<AuthSpec, HttpAuth> auths = new ConcurrentHashMap<>();

    /** {@code secrets} is the run's live set of credentials; tokens obtained here are added to it. */
    public HttpClientService(HttpTransport transport, Set<String> secrets) {
        this(transport, secrets, line -> { });
    }

    /** As above; {@code retryLog} is told of every retry (what failed, the attempt to come, the wait). */
    public HttpClientService(HttpTransport transport, Set<String> secrets, Consumer<String> retryLog) {
        this.transport = transport;
        this.secrets = secrets;
        this.retryLog = retryLog;
    }

    /** The response to {@code request}, whatever its status; an error if no response could be had. */
    public HttpResponseData execute(HttpRequestData request, HttpSourceConfig source) {
        HttpRequestData prepared = request.withDefaultTimeout(source.timeout());
        if (prepared.header("User-Agent") == null) {
            prepared = prepared.withHeader("User-Agent", USER_AGENT);
        }
        HttpRequestData toSend = prepared;
        HttpAuth auth = auths.computeIfAbsent(source.auth(), spec -> spec.create(secrets::add));
        AtomicInteger sent = new AtomicInteger();
        RetryPolicy<HttpResponseData> policy = RetryPolicy.builder(source.retry().policy(request.method()).getConfig())
                .onRetryScheduled(e -> logRetry(request, e.getLastResult(), e.getLastException(),
                        e.getAttemptCount() + 1, source.retry().maxAttempts(), e.getDelay()))
                .build();
        try {
            return Failsafe.with(policy).get(() -> {
                sent.incrementAndGet();
                return auth.exchange(toSend, transport);
            });
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String attempts = sent.get() <= 1 ? "" : " after " + sent.get() + " attempts";
            SecretRedactor redactor = new SecretRedactor(secrets);
            throw SequorException.failed(null, "HTTP request " + request.method() + " "
                    + redactor.text(request.uri().toString()) + " failed" + attempts + ": " + redactor.text(reason(cause)), cause);
        }
    }

    private static String reason(Throwable failure) {
        return failure instanceof IOException && failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }

    private void logRetry(HttpRequestData request, HttpResponseData response, Throwable failure,
                          int nextAttempt, int maxAttempts, Duration wait) {
        SecretRedactor redactor = new SecretRedactor(secrets);
        String outcome = failure != null ? reason(failure) : "status " + response.statusCode();
        retryLog.accept("Retrying " + request.method() + " " + redactor.text(request.uri().toString())
                + " after " + redactor.text(outcome) + ": attempt " + nextAttempt + " of " + maxAttempts
                + " in " + String.format(Locale.ROOT, "%.2f", wait.toMillis() / 1000.0) + " s");
    }

    @Override
    public void close() {
        transport.close();
    }
}
