package dev.sequor.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How RowPool starts rows, hands back their outcomes and stops: outcomes in row order whatever order the rows end in,
 * never more than {@code parallel} at once, with {@code parallel: 1} a row starting only after the one before it was
 * taken, and a stop (a failure, an interrupt) starting no more rows while waiting for those in flight.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RowPoolTest {

    private static final java.util.function.Predicate<RowOutcome> NEVER_STOPS = o -> false;

    private static RowOutcome done(int i) {
        return RowOutcome.succeeded(i, 1, null, null, java.util.Map.of(), java.util.Map.of());
    }

    @Test
    void outcomesComeInRowOrderAndNoMoreThanParallelRowsRunAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> taken = new ArrayList<>();
        try (RowPool pool = new RowPool(3, 30, i -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                // later rows end sooner, so rows finish out of order
                Thread.sleep(30 - i);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return done(i);
        }, NEVER_STOPS)) {
            for (int i = 0; i < 30; i++) {
                taken.add(pool.next().index());
            }
        }
        assertThat(taken).isEqualTo(java.util.stream.IntStream.range(0, 30).boxed().toList());
        assertThat(most.get()).isBetween(1, 3);
    }

    @Test
    void withOneRowAtATimeARowStartsOnlyAfterTheOneBeforeItWasTaken() {
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        try (RowPool pool = new RowPool(1, 3, i -> {
            events.add("run " + i);
            return done(i);
        }, NEVER_STOPS)) {
            for (int i = 0; i < 3; i++) {
                events.add("took " + pool.next().index());
            }
        }
        assertThat(events).containsExactly("run 0", "took 0", "run 1", "took 1", "run 2", "took 2");
    }

    @Test
    void stopStartsNoMoreRowsAndWaitsForTheOnesInFlight() throws Exception {
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        Set<Integer> finished = ConcurrentHashMap.newKeySet();
        CountDownLatch secondRowsStarted = new CountDownLatch(2);
        List<RowOutcome> later;
        try (RowPool pool = new RowPool(2, 50, i -> {
            ran.add(i);
            if (i > 0) {
                secondRowsStarted.countDown();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            finished.add(i);
            return done(i);
        }, NEVER_STOPS)) {
            assertThat(pool.next().index()).isZero();
            assertThat(secondRowsStarted.await(10, TimeUnit.SECONDS)).isTrue();
            // row 0 "failed": the op stops here
            later = pool.stop();
        }
        // rows 1 and 2 were in flight and ended; rows queued behind them (up to the window of 4) never ran
        assertThat(later).extracting(RowOutcome::index).containsExactly(1, 2);
        assertThat(finished).isEqualTo(ran).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void noRowAfterOneThatStopsTheOpStartsWhileAnEarlierRowStillRuns() throws Exception {
        // row 0 is slow; row 3 fails at once. A sequential run would have sent rows 0-3 and no other: rows 4 and on
        // must not start, although row 0 holds the window open and nobody has taken row 3's outcome yet.
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        CountDownLatch rowThreeEnded = new CountDownLatch(1);
        List<Integer> taken = new ArrayList<>();
        try (RowPool pool = new RowPool(4, 40, i -> {
            ran.add(i);
            if (i == 3) {
                rowThreeEnded.countDown();
                return RowOutcome.failed(i, SequorException.failed(null, "refused"), true, null);
            }
            try {
                // rows 1 and 2 free their threads only after row 3 has failed (50 ms: row 3's outcome is recorded
                // just after its work returns), and row 0 holds the window open for 300 ms: time for the rows queued
                // behind 3 to start, which they did before the pool knew to stop at a failed row
                assertThat(rowThreeEnded.await(10, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(i == 0 ? 300 : 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return done(i);
        }, o -> o.failure() != null)) {
            for (int i = 0; i < 4; i++) {
                taken.add(pool.next().index());
            }
            pool.stop();
        }
        assertThat(taken).containsExactly(0, 1, 2, 3);
        assertThat(ran).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void anInterruptOfTheOpsThreadStopsTheRows() throws Exception {
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        CountDownLatch inFlight = new CountDownLatch(1);
        Thread op = Thread.currentThread();
        RowPool pool = new RowPool(1, 10, i -> {
            ran.add(i);
            inFlight.countDown();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                return RowOutcome.failed(i, SequorException.failed(null, "interrupted"), true, null);
            }
            return done(i);
        }, NEVER_STOPS);
        Thread interrupter = new Thread(() -> {
            try {
                inFlight.await();
            } catch (InterruptedException e) {
                return;
            }
            op.interrupt();
        });
        interrupter.start();
        try {
            assertThatThrownBy(pool::next).isInstanceOf(SequorException.class)
                    .hasMessage("Interrupted while for_each rows were in flight.");
            assertThat(Thread.interrupted()).isTrue();
        } finally {
            pool.close();
        }
        interrupter.join();
        assertThat(ran).containsExactly(0);
    }
}
