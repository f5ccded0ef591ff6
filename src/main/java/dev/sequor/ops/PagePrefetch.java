package dev.sequor.ops;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.error.TaskFailures;
import dev.sequor.http.HttpRequestData;
import dev.sequor.http.HttpResponseData;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pages of one paginated fetch asked for ahead of their turn ({@code pagination.parallel}): once a page has said
 * how many pages there are, up to {@code parallel} of the pages after it are in flight at once, on threads of their
 * own, while the op's thread handles them one at a time in page order, as a fetch of one page at a time would. Only
 * the sending is ahead: each request is rendered on the op's thread when it is asked for, and each response is
 * handled in its turn. When the fetch ends before the pages asked for (a page says there are fewer after all, or a
 * page fails), they are dropped unhandled; {@link #close()} waits until none is still being sent, so no request of
 * the op is in flight after it.
 */
final class PagePrefetch implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    /** A page asked for: where it is, the request sent for it, and its response to come. */
    private record Page(long position, HttpRequestData request, Future<HttpResponseData> response) {
    }

    /** A page taken in its turn: the request sent for it and the response. */
    record Fetched(HttpRequestData request, HttpResponseData response) {
    }

    private final int parallel;
    private final Function<HttpRequestData, HttpResponseData> send;
    private final ArrayDeque<Page> ahead = new ArrayDeque<>();
    /** Requests the pool's threads began sending: those not taken when the fetch ended were sent for nothing. */
    private final AtomicInteger begun = new AtomicInteger();
    private ExecutorService threads;
    private int taken;
    private long lastAsked = -1;

    /** {@code send} sends one request (with the source's retries and rate limit) and is called on the pool's threads. */
    PagePrefetch(int parallel, Function<HttpRequestData, HttpResponseData> send) {
        this.parallel = parallel;
        this.send = send;
    }

    /** Only reads may be asked for ahead: a page the API turns out not to have is sent for nothing. */
    static void checkMethod(HttpRequestData request, SourcePos pos, String where) {
        if (!request.method().equals("GET")) {
            throw SequorException.failed(pos, "'parallel' in " + where + " pagination sends requests for pages"
                    + " before it knows they are needed, which only GET requests may do; this request is "
                    + request.method() + ".");
        }
    }

    /**
     * Asks for the pages after the ones in flight, up to {@code parallel} in flight, the last page {@code pager} knows
     * of, and {@code budget} pages in all (what response.max_iterations leaves); {@code build} renders the op's request.
     */
    void askAhead(Pager pager, Supplier<HttpRequestData> build, long budget) {
        long last = pager.lastPosition();
        if (last < 0) {
            return;
        }
        long next = ahead.isEmpty() ? pager.position() : lastAsked + pager.step();
        while (ahead.size() < parallel && ahead.size() < budget && next <= last) {
            HttpRequestData request = pager.applyAt(build.get(), next);
            ahead.add(new Page(next, request, pool().submit(() -> {
                begun.incrementAndGet();
                return parsedAhead(send.apply(request));
            })));
            lastAsked = next;
            next += pager.step();
        }
    }

    /**
     * The response with its JSON body already parsed, on the page's own thread: parsing is the largest part of a
     * page's handling that does not depend on the pages before it, so the op's thread finds it done. A body that is
     * not JSON is left as it is, for the op's thread to report in the page's turn, if the op reads it as JSON at all.
     */
    private static HttpResponseData parsedAhead(HttpResponseData response) {
        if (response.body().length > 0) {
            try {
                response.json();
            } catch (RuntimeException notJson) {
                // reported by the op's thread when it reads the body as JSON
            }
        }
        return response;
    }

    /**
     * The page at {@code position} with its response, waiting for it; null when it was not asked for (the op then
     * sends it itself). A page that failed throws what sending it threw.
     */
    Fetched take(long position) {
        if (ahead.isEmpty()) {
            return null;
        }
        if (ahead.peek().position() != position) {
            // the pager moved elsewhere than the pages asked for: they are not needed
            drop();
            return null;
        }
        Page page = ahead.poll();
        taken++;
        try {
            return new Fetched(page.request(), page.response().get());
        } catch (ExecutionException e) {
            throw TaskFailures.cause(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a page");
        }
    }

    /**
     * Drops the pages asked for and not taken, waiting for those being sent; returns how many requests of the fetch
     * were sent and never taken (these and any dropped before).
     */
    int drop() {
        ahead.forEach(p -> p.response().cancel(false));
        ahead.clear();
        awaitThreads();
        return begun.get() - taken;
    }

    @Override
    public void close() {
        drop();
    }

    private void awaitThreads() {
        if (threads == null) {
            return;
        }
        threads.shutdown();
        try {
            while (!threads.awaitTermination(1, TimeUnit.SECONDS)) {
                // a request in flight ends with its own timeout; the op waits for it rather than leave it running
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        threads = null;
    }

    private ExecutorService pool() {
        if (threads == null) {
            String prefix = "sequor-pages-" + POOLS.incrementAndGet() + "-";
            AtomicInteger n = new AtomicInteger();
            threads = Executors.newFixedThreadPool(parallel, r -> {
                Thread t = new Thread(r, prefix + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return threads;
    }
}
