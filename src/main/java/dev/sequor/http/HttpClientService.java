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
 * Sends the requests of one run: resolves them against the source's base URL and default headers, applies its
 * timeout, connection settings and auth, follows redirects, keeps to its rate limit, retries as its retry
 * policy says, and turns a request that could not be completed into an error naming it (credentials hidden).
 * Authenticators and rate limits live as long as the run, so tokens and digest challenges are reused and every
 * op using a source shares its limit. Every retry and change of rate is reported to the run's log, credentials
 * hidden. Safe to call from many threads at once.
 */
public final class HttpClientService implements AutoCloseable {

    /** Sent unless the flow sets its own User-Agent. */
    private static final String USER_AGENT = "sequor";

    private final HttpTransport transport;
    private final Set<String> secrets;
    private final Consumer<String> retryLog;
    private final SendCounter counter;
    private final Map<AuthSpec, HttpAuth> auths = new ConcurrentHashMap<>();
    /** One per source name, made with the source's first rendering of rate_limit in the run. */
    private final Map<String, SourceThrottle> throttles = new ConcurrentHashMap<>();
    /** The last request each thread sent through this client, for {@link #lastExchange()}. */
    private final ThreadLocal<Exchange> lastExchange = new ThreadLocal<>();

    /**
     * One request as it went: its method and URL (resolved against the source's base URL, not masked), the status of
     * the response it got (null when none came), how many times it was sent (retries included), and how many requests
     * the thread made since its last {@link #forgetLastExchange()}, this one included.
     */
    public record Exchange(String method, String url, Integer status, int attempts, int requests) {
    }

    /** {@code secrets} is the run's live set of credentials; tokens obtained here are added to it. */
    public HttpClientService(HttpTransport transport, Set<String> secrets) {
        this(transport, secrets, line -> { });
    }

    /**
     * As above; {@code retryLog} is told of every retry (what failed, the attempt to come, the wait) and of every
     * change of a source's rate or pause its server asks for.
     */
    public HttpClientService(HttpTransport transport, Set<String> secrets, Consumer<String> retryLog) {
        this(transport, secrets, retryLog, SendCounter.NONE);
    }

    /** As above; {@code counter} is told of every request sent and every re-send. */
    public HttpClientService(HttpTransport transport, Set<String> secrets, Consumer<String> retryLog,
                             SendCounter counter) {
        this.counter = counter;
        this.transport = transport;
        this.secrets = secrets;
        this.retryLog = retryLog;
    }

    /** The response to {@code request}, whatever its status; an error if no response could be had. */
    public HttpResponseData execute(HttpRequestData request, HttpSourceConfig source) {
        HttpRequestData resolved = source.defaults().apply(request, source.name());
        HttpRequestData prepared = resolved.withDefaultTimeout(source.timeout()).withConnection(source.connection());
        if (prepared.header("User-Agent") == null) {
            prepared = prepared.withHeader("User-Agent", USER_AGENT);
        }
        // requests' other defaults, which upstream flows were written against; the live transport decodes the body
        if (prepared.header("Accept") == null) {
            prepared = prepared.withHeader("Accept", "*/*");
        }
        if (prepared.header("Accept-Encoding") == null) {
            prepared = prepared.withHeader("Accept-Encoding", ContentDecoding.ACCEPTED);
        }
        HttpRequestData toSend = prepared;
        HttpAuth auth = auths.computeIfAbsent(source.auth(), spec -> spec.create(secrets::add));
        HttpTransport wire = new RedirectFollower(throttled(source), source.auth().credentialHeader());
        AtomicInteger sent = new AtomicInteger();
        RetryPolicy<HttpResponseData> policy = RetryPolicy.builder(source.retry().policy(request.method()).getConfig())
                .onRetryScheduled(e -> logRetry(resolved, e.getLastResult(), e.getLastException(),
                        e.getAttemptCount() + 1, source.retry().maxAttempts(), e.getDelay()))
                .build();
        Integer status = null;
        try {
            HttpResponseData response = Failsafe.with(policy).get(() -> {
                if (sent.incrementAndGet() == 1) {
                    counter.requestSent();
                } else {
                    counter.retried();
                }
                return auth.exchange(toSend, wire);
            });
            status = response.statusCode();
            return response;
        } catch (ResponseTooLarge e) {
            throw tooLarge(source, resolved, e);
        } catch (RedirectFollower.RedirectFailure e) {
            SecretRedactor redactor = new SecretRedactor(secrets);
            throw SequorException.failed(null, "HTTP request " + request.method() + " "
                    + redactor.text(resolved.uri().toString()) + " failed: " + redactor.text(e.getMessage()) + ".", e);
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String attempts = sent.get() <= 1 ? "" : " after " + sent.get() + " attempts";
            SecretRedactor redactor = new SecretRedactor(secrets);
            throw SequorException.failed(null, "HTTP request " + request.method() + " "
                    + redactor.text(resolved.uri().toString()) + " failed" + attempts + ": " + redactor.text(reason(cause)), cause);
        } finally {
            Exchange before = lastExchange.get();
            lastExchange.set(new Exchange(request.method(), resolved.uri().toString(), status, sent.get(),
                    before == null ? 1 : before.requests() + 1));
        }
    }

    private SequorException tooLarge(HttpSourceConfig source, HttpRequestData request, ResponseTooLarge e) {
        String what = "the response to " + request.method() + " " + new SecretRedactor(secrets).text(request.uri().toString())
                + " is larger than max_response_bytes (" + e.limit() + " bytes)";
        return SequorException.failed(null, source.name() == null
                ? "HTTP request failed: " + what + ", the limit of requests without a source; send it through an http "
                        + "source with a higher max_response_bytes if the API really answers with that much."
                : "Source \"" + source.name() + "\": " + what + "; raise max_response_bytes in the source file if the "
                        + "API really answers with that much.", e);
    }

    /**
     * The last request the calling thread sent through this client since its last {@link #forgetLastExchange()}, or
     * null: what a for_each row that failed had sent (for its error table).
     */
    public Exchange lastExchange() {
        return lastExchange.get();
    }

    /** Forgets the calling thread's last request, so that {@link #lastExchange()} tells only of what comes next. */
    public void forgetLastExchange() {
        lastExchange.remove();
    }

    /** The run's transport behind the source's rate limit, if it has one and the transport reaches the network. */
    private HttpTransport throttled(HttpSourceConfig source) {
        RateLimit limit = source.rateLimit();
        if (limit == null || !transport.reachesNetwork()) {
            return transport;
        }
        return throttles.computeIfAbsent(source.name(), name -> new SourceThrottle(name, limit,
                source.retry().maxBackoff(), SourceThrottle.RECOVERY_STEP, retryLog)).around(transport);
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

    /** Lets the transport get ready for requests ahead of the first (see {@link HttpTransport#prepare()}). */
    public void prepare() {
        transport.prepare();
    }

    /** Says whether requests may go to https URLs (see {@link HttpTransport#expectTls}). */
    public void expectTls(boolean likely) {
        transport.expectTls(likely);
    }
}
