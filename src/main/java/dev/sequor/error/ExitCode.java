package dev.sequor.error;

/**
 * The one table of process exit codes. Every failure maps to exactly one of these, in one place
 * ({@code cli.ErrorReporter}).
 */
public enum ExitCode {
    OK(0),
    /** A step failed while the flow ran (HTTP, SQL, expression evaluated to an error...). */
    FLOW_FAILED(1),
    /**
     * The input is wrong before anything runs: CLI usage, malformed YAML, unknown op, missing project, and every
     * problem the checks of a whole flow find before its first step (a literal of the wrong type or range, an unknown
     * source, a template that does not parse; see {@code flow.FlowCheck}).
     */
    INVALID_INPUT(2),
    /** A bug in Sequor itself: an unexpected exception. Report it. */
    INTERNAL(70);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
