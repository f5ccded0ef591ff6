package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundLoadTest {

    @Test
    void loadsRunOneAtATimeInTheOrderStartedAndOffTheCallersThread() throws Exception {
        BackgroundLoad loads = new BackgroundLoad();
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> onLoader = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch release = new CountDownLatch(1);
        loads.start(() -> {
            onLoader.add(loads.onLoaderThread());
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.add(1);
        });
        assertThat(loads.onLoaderThread()).isFalse();
        assertThat(done).as("the caller goes on while the first load waits").isEmpty();
        release.countDown();
        loads.start(() -> done.add(2)); // waits for the first
        loads.await();
        assertThat(done).containsExactly(1, 2);
        assertThat(onLoader).containsExactly(true);
        loads.close();
    }

    @Test
    void aFailedLoadIsThrownAtTheNextUseAndOnlyOnce() {
        BackgroundLoad loads = new BackgroundLoad();
        loads.start(() -> {
            throw new IllegalStateException("the database went away");
        });
        assertThatThrownBy(() -> loads.start(() -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessage("the database went away");
        loads.await(); // already reported: nothing pending
        loads.close();
    }

    @Test
    void closeWaitsForTheLoadAndKeepsItsFailureToItself() {
        BackgroundLoad loads = new BackgroundLoad();
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        loads.start(() -> {
            done.add("loaded");
            throw new IllegalStateException("dropped with its staging table");
        });
        loads.close();
        assertThat(done).containsExactly("loaded");
    }
}
