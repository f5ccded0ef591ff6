package dev.sequor.run.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When progress is shown, driven tick by tick on a test clock (the daemon ticker only calls
 * {@link ProgressReporter#tick()}).
 */
class ProgressReporterTest {

    private final FakeClock clock = new FakeClock();
    private final RunStats stats = new RunStats(clock);
    private final List<String> plain = new ArrayList<>();

    private ProgressReporter plainReporter() {
        return new ProgressReporter(stats, null, plain::add, s -> s.replace("s3cret", "<redacted>"));
    }

    private void tickAfter(ProgressReporter r, long millis) {
        clock.advanceMillis(millis);
        r.tick();
    }

    @Test
    void withoutATerminalOneLineEveryFiveSecondsForAnOpStillRunning() {
        ProgressReporter r = plainReporter();
        r.tick();
        OpStats op = stats.start(new Object(), "http_request: s3cret");
        op.requestSent();
        tickAfter(r, 4_900);
        assertThat(plain).isEmpty();
        tickAfter(r, 100);
        assertThat(plain).containsExactly("Progress \"http_request: <redacted>\": 0 pages, 0 rows, 0.2 requests/s,"
                + " 0 retries, 0 failed rows, 5.0s");
        tickAfter(r, 2_000);
        tickAfter(r, 2_000);
        assertThat(plain).hasSize(1);
        op.responseHandled();
        op.rowsWritten(null, "t", 10);
        tickAfter(r, 1_500);
        assertThat(plain).hasSize(2).last().isEqualTo("Progress \"http_request: <redacted>\": 1 page, 10 rows,"
                + " 0.1 requests/s, 0 retries, 0 failed rows, 10.5s");
        stats.end(op, false);
        tickAfter(r, 10_000);
        assertThat(plain).hasSize(2);
    }

    @Test
    void anOpRunInALoopIsDueAfterFiveSecondsOfRunningInAllAndNothingIsDueBetweenItsExecutions() {
        ProgressReporter r = plainReporter();
        Object inLoop = new Object();
        OpStats op = stats.start(inLoop, "http_request: page");
        tickAfter(r, 3_000);
        stats.end(op, false);
        tickAfter(r, 10_000);
        assertThat(plain).isEmpty();
        stats.start(inLoop, "http_request: page");
        tickAfter(r, 1_900);
        assertThat(plain).isEmpty();
        tickAfter(r, 100);
        assertThat(plain).containsExactly("Progress \"http_request: page\": 0 pages, 0 rows, 0.0 requests/s, 0 retries,"
                + " 0 failed rows, 5.0s");
        stats.end(op, false);
        OpStats next = stats.start(new Object(), "transform: t");
        tickAfter(r, 4_000);
        assertThat(plain).hasSize(1);
        tickAfter(r, 1_000);
        assertThat(plain).hasSize(2).last().asString().startsWith("Progress \"transform: t\"");
        stats.end(next, false);
        stats.start(inLoop, "http_request: page");
        tickAfter(r, 4_900);
        assertThat(plain).hasSize(2);
        tickAfter(r, 100);
        assertThat(plain).hasSize(3).last().asString().endsWith(", 10.0s");
    }

    @Test
    void onATerminalTheLineAppearsAfterASecondUpdatesAndGoesWhenTheOpEnds() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ProgressReporter r = new ProgressReporter(stats, new StatusLine(screen, 200), plain::add, s -> s);
        OpStats op = stats.start(new Object(), "http_request: users");
        op.requestSent();
        tickAfter(r, 900);
        assertThat(screen.size()).isZero();
        tickAfter(r, 100);
        String first = "\"http_request: users\": 0 pages, 0 rows, 1.0 requests/s, 0 retries, 0 failed rows, 1.0s";
        assertThat(screen.toString(StandardCharsets.UTF_8)).isEqualTo(first);
        op.requestSent();
        op.responseHandled();
        tickAfter(r, 1_000);
        String second = "\"http_request: users\": 1 page, 0 rows, 1.0 requests/s, 0 retries, 0 failed rows, 2.0s";
        assertThat(screen.toString(StandardCharsets.UTF_8))
                .isEqualTo(first + "\r" + " ".repeat(first.length()) + "\r" + second);
        stats.end(op, false);
        tickAfter(r, 250);
        assertThat(screen.toString(StandardCharsets.UTF_8))
                .endsWith(second + "\r" + " ".repeat(second.length()) + "\r");
        assertThat(plain).isEmpty();
    }

    /** The op's closing log line goes through the terminal's guard: the line must not come back after it. */
    @Test
    void theLineGoesAsSoonAsTheOpEndsAndIsNotDrawnAgainAfterTheNextLogLine() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        StatusLine line = new StatusLine(screen, 200);
        ProgressReporter r = new ProgressReporter(stats, line, plain::add, s -> s);
        OpStats op = stats.start(new Object(), "http_request: users");
        tickAfter(r, 1_000);
        String shown = screen.toString(StandardCharsets.UTF_8);
        assertThat(shown).startsWith("\"http_request: users\"");
        stats.end(op, false);
        assertThat(screen.toString(StandardCharsets.UTF_8)).isEqualTo(shown + "\r" + " ".repeat(shown.length()) + "\r");
        line.guard(screen).write("Finished \"http_request: users\" in 1.0s\n".getBytes(StandardCharsets.UTF_8));
        assertThat(screen.toString(StandardCharsets.UTF_8)).endsWith("\rFinished \"http_request: users\" in 1.0s\n");
    }

    @Test
    void closingClearsTheLineAndLaterTicksShowNothing() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ProgressReporter r = new ProgressReporter(stats, new StatusLine(screen, 200), plain::add, s -> s);
        stats.start(new Object(), "http_request: users");
        tickAfter(r, 2_000);
        int drawn = screen.size();
        r.close();
        String cleared = screen.toString(StandardCharsets.UTF_8);
        assertThat(cleared).endsWith("\r" + " ".repeat(drawn) + "\r");
        tickAfter(r, 2_000);
        assertThat(screen.toString(StandardCharsets.UTF_8)).isEqualTo(cleared);
    }

    @Test
    void theTickerThreadIsADaemonAndStopsOnClose() throws Exception {
        ProgressReporter r = plainReporter().start();
        Thread ticker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("sequor-progress")).findFirst().orElseThrow();
        assertThat(ticker.isDaemon()).isTrue();
        r.close();
        ticker.join(5_000);
        assertThat(ticker.isAlive()).isFalse();
    }
}
