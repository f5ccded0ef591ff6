package dev.sequor.run.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The exact text of the progress and summary lines, on a test clock. */
class StatsLinesTest {

    private final FakeClock clock = new FakeClock();
    private final RunStats stats = new RunStats(clock);

    @Test
    void progressShowsPagesRowsRateRetriesAndFailedRows() {
        OpStats op = stats.start(new Object(), "http_request: users");
        for (int i = 0; i < 12; i++) {
            op.requestSent();
            op.responseHandled();
        }
        op.retried();
        op.rowsWritten(null, "users", 3000);
        op.rowsWritten(null, "roles", 40);
        clock.advanceMillis(2_500);
        assertThat(StatsLines.progress(op, clock.getAsLong()))
                .isEqualTo("\"http_request: users\": 12 pages, 3040 rows, 4.8 requests/s, 1 retry, 0 failed rows,"
                        + " 2.5s");
        op.rowFailed();
        op.rowFailed();
        op.retried();
        assertThat(StatsLines.progress(op, clock.getAsLong()))
                .isEqualTo("\"http_request: users\": 12 pages, 3040 rows, 4.8 requests/s, 2 retries, 2 failed rows,"
                        + " 2.5s");
    }

    @Test
    void progressAtTheFirstInstantHasNoRateYet() {
        OpStats op = stats.start(new Object(), "http_request: users");
        op.requestSent();
        assertThat(StatsLines.progress(op, clock.getAsLong()))
                .isEqualTo("\"http_request: users\": 0 pages, 0 rows, 0.0 requests/s, 0 retries, 0 failed rows, 0.0s");
    }

    @Test
    void summaryOfAnHttpOpNamesRowsPerTableRequestsRetriesFailedRowsAndTime() {
        OpStats op = stats.start(new Object(), "http_request: users");
        op.requestSent();
        op.requestSent();
        op.requestSent();
        op.retried();
        op.rowsWritten(null, "users", 600);
        op.rowsWritten("crm", "roles", 1);
        clock.advanceMillis(412);
        stats.end(op, false);
        clock.advanceMillis(10_000);
        assertThat(StatsLines.summary(op, clock.getAsLong())).isEqualTo("Summary \"http_request: users\": 600 rows into"
                + " users, 1 row into crm.roles, 3 requests, 1 retry, 0 failed rows, 0.412s");
    }

    @Test
    void summaryOfASqlOpHasNoRequestCounts() {
        OpStats transform = stats.start(new Object(), "transform: report");
        transform.rowsWritten(null, "report", 42);
        clock.advanceMillis(105);
        stats.end(transform, false);
        OpStats execute = stats.start(new Object(), "execute: setup");
        clock.advanceMillis(20);
        stats.end(execute, false);
        assertThat(StatsLines.summary(transform, clock.getAsLong()))
                .isEqualTo("Summary \"transform: report\": 42 rows into report, 0.105s");
        assertThat(StatsLines.summary(execute, clock.getAsLong())).isEqualTo("Summary \"execute: setup\": 0.020s");
    }

    @Test
    void summaryOfAFailedOpSaysSoAndCountsFailedRowsEvenWithoutRequests() {
        OpStats op = stats.start(new Object(), "http_request: push");
        op.rowFailed();
        clock.advanceMillis(1_000);
        stats.end(op, true);
        assertThat(StatsLines.summary(op, clock.getAsLong()))
                .isEqualTo("Summary \"http_request: push\" (failed): 0 requests, 0 retries, 1 failed row, 1.000s");
    }
}
