package dev.sequor.run.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The counters of a run: per op, added up over its executions, counted from many threads, on a test clock. */
class RunStatsTest {

    private final FakeClock clock = new FakeClock();
    private final RunStats stats = new RunStats(clock);

    @Test
    void countsGoToTheRunningOpAndNowhereWhenNoneRuns() {
        Object fetch = new Object();
        stats.requestSent();
        stats.current().rowsWritten(null, "lost", 5);
        OpStats op = stats.start(fetch, "http_request: fetch");
        assertThat(stats.current()).isSameAs(op);
        stats.requestSent();
        stats.requestSent();
        stats.retried();
        stats.current().responseHandled();
        stats.current().rowsWritten(null, "users", 2);
        stats.current().rowsWritten(null, "roles", 3);
        stats.current().rowsWritten(null, "users", 4);
        stats.current().rowFailed();
        stats.end(op, false);
        stats.requestSent();

        assertThat(stats.ops()).containsExactly(op);
        assertThat(op.label()).isEqualTo("http_request: fetch");
        assertThat(op.requests()).isEqualTo(2);
        assertThat(op.retries()).isEqualTo(1);
        assertThat(op.pages()).isEqualTo(1);
        assertThat(op.failedRows()).isEqualTo(1);
        assertThat(op.rowsByTable()).containsExactly(Map.entry("users", 6L), Map.entry("roles", 3L));
        assertThat(op.rows()).isEqualTo(9);
        assertThat(op.failed()).isFalse();
        assertThat(stats.current()).isNotSameAs(op);
    }

    @Test
    void anOpInALoopIsOneOpWhoseTimeAddsUp() {
        Object inLoop = new Object();
        Object other = new Object();
        OpStats first = stats.start(inLoop, "transform: t");
        clock.advanceMillis(300);
        stats.end(first, false);
        clock.advanceMillis(5_000);
        OpStats o = stats.start(other, "execute: e");
        clock.advanceMillis(100);
        stats.end(o, false);
        OpStats again = stats.start(inLoop, "transform: t");
        assertThat(again).isSameAs(first);
        clock.advanceMillis(200);
        assertThat(again.running()).isTrue();
        assertThat(again.currentNanos(clock.getAsLong())).isEqualTo(200_000_000L);
        assertThat(again.elapsedNanos(clock.getAsLong())).isEqualTo(500_000_000L);
        stats.end(again, true);
        clock.advanceMillis(1_000);

        assertThat(stats.ops()).containsExactly(first, o);
        assertThat(first.running()).isFalse();
        assertThat(first.currentNanos(clock.getAsLong())).isZero();
        assertThat(first.elapsedNanos(clock.getAsLong())).isEqualTo(500_000_000L);
        assertThat(first.failed()).isTrue();
        assertThat(o.elapsedNanos(clock.getAsLong())).isEqualTo(100_000_000L);
        assertThat(o.failed()).isFalse();
    }

    @Test
    void countsFromManyThreadsAtOnceAreAllKept() throws Exception {
        OpStats op = stats.start(new Object(), "http_request: push");
        int threads = 8;
        int each = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String table = "t" + (t % 2);
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        stats.requestSent();
                        stats.retried();
                        stats.current().responseHandled();
                        stats.current().rowsWritten(null, table, 2);
                        stats.current().rowFailed();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long total = (long) threads * each;
        assertThat(op.requests()).isEqualTo(total);
        assertThat(op.retries()).isEqualTo(total);
        assertThat(op.pages()).isEqualTo(total);
        assertThat(op.failedRows()).isEqualTo(total);
        assertThat(op.rowsByTable()).containsOnlyKeys("t0", "t1").containsEntry("t0", total).containsEntry("t1", total);
    }
}
