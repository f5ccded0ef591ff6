package dev.sequor.error;

/**
 * A failure the user can act on. Carries the exit-code kind and, when known, where in a file the
 * problem was written. The message is one sentence saying what is wrong and what was expected; the
 * position is printed in front of it by the reporter, never baked into the message.
 */
public class SequorException extends RuntimeException {

    private final ExitCode kind;
    private final SourcePos pos;
    /** What the user could do about it, printed on a line of its own after the error; null when nothing to add. */
    private String hint;

    public SequorException(ExitCode kind, SourcePos pos, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.pos = pos;
    }

    /** Bad input found before running (YAML, op keys, templates that do not parse, CLI arguments). */
    public static SequorException invalid(SourcePos pos, String message) {
        return new SequorException(ExitCode.INVALID_INPUT, pos, message, null);
    }

    /** A failure while a step ran. */
    public static SequorException failed(SourcePos pos, String message) {
        return new SequorException(ExitCode.FLOW_FAILED, pos, message, null);
    }

    public static SequorException failed(SourcePos pos, String message, Throwable cause) {
        return new SequorException(ExitCode.FLOW_FAILED, pos, message, cause);
    }

    public ExitCode kind() {
        return kind;
    }

    /** May be null when the failure is not tied to a place in a file. */
    public SourcePos pos() {
        return pos;
    }

    /**
     * This failure with {@code hint}: what the user could do about it, kept apart from the message (which stays the
     * one sentence upstream writes, and which snippets can catch and compare).
     */
    public SequorException withHint(String hint) {
        this.hint = hint;
        return this;
    }

    public String hint() {
        return hint;
    }

    /** The same failure, placed at {@code where} if it had no position yet. */
    public SequorException at(SourcePos where) {
        if (pos != null || where == null) {
            return this;
        }
        SequorException e = new SequorException(kind, where, getMessage(), getCause()).withHint(hint);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** {@code file:line:col: message}, or just the message when there is no position. */
    public String located() {
        return pos == null ? getMessage() : pos + ": " + getMessage();
    }
}
