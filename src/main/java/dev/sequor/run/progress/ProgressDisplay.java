package dev.sequor.run.progress;

import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * How one run shows progress: on a terminal, one line updated in place, with the run's standard output and error
 * passing through its {@link StatusLine#guard} so that they never mix with it; elsewhere, plain lines; with
 * {@code -q}, nothing. Only the process's own standard error can be a terminal (streams handed in by tests are not).
 */
public final class ProgressDisplay {

    private final boolean quiet;
    private final StatusLine status;
    private final boolean outIsTerminal;

    private ProgressDisplay(boolean quiet, StatusLine status, boolean outIsTerminal) {
        this.quiet = quiet;
        this.status = status;
        this.outIsTerminal = outIsTerminal;
    }

    /**
     * The display for a run writing to {@code err}; {@code errIsTerminal} says whether that is the process's own
     * standard error and a terminal, {@code processOut} whether the run's output is the process's standard output;
     * {@code colours} are those of standard error.
     */
    public static ProgressDisplay choose(OutputStream err, boolean errIsTerminal, boolean processOut, boolean quiet,
                                         Colours colours) {
        if (quiet || !errIsTerminal) {
            return new ProgressDisplay(quiet, null, false);
        }
        StatusLine line = new StatusLine(err, Terminal::columns, colours);
        return new ProgressDisplay(false, line, processOut && Terminal.isTerminal(1));
    }

    /** Where the run's standard error goes: through the status line's guard on a terminal. */
    public OutputStream err(OutputStream err) {
        return status == null ? err : status.guard(err);
    }

    /** Where the run's standard output goes: guarded too when it shows on the terminal. */
    public OutputStream out(OutputStream out) {
        return status != null && outIsTerminal ? status.guard(out) : out;
    }

    /**
     * The reporter for the run, ticking, or a closed one with {@code -q}. {@code plain} prints a whole line when the
     * output is not a terminal; {@code mask} hides credentials.
     */
    public ProgressReporter start(RunStats stats, Consumer<String> plain, UnaryOperator<String> mask) {
        ProgressReporter reporter = new ProgressReporter(stats, status, plain, mask);
        return quiet ? reporter : reporter.start();
    }
}
