package dev.sequor.run;

import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import dev.sequor.flow.Diagnostics;
import dev.sequor.http.SecretRedactor;
import dev.sequor.run.progress.Colours;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;

/**
 * The one place that turns a failure into what the user sees on standard error and the process exit code
 * ({@link ExitCode}). No Java stack trace unless {@code --stacktrace}; known credentials are masked.
 */
public final class ErrorReporter {

    private final PrintStream err;
    private final boolean javaStacktrace;
    private final boolean flowStacktrace;
    private final Set<String> secrets;
    private final Colours colours;

    public ErrorReporter(PrintStream err, boolean javaStacktrace, boolean flowStacktrace, Set<String> secrets) {
        this(err, javaStacktrace, flowStacktrace, secrets, Colours.NONE);
    }

    /** {@code colours}: those of {@code err} (the error is red on a terminal). */
    public ErrorReporter(PrintStream err, boolean javaStacktrace, boolean flowStacktrace, Set<String> secrets,
                         Colours colours) {
        this.err = err;
        this.colours = colours;
        this.javaStacktrace = javaStacktrace;
        this.flowStacktrace = flowStacktrace;
        this.secrets = secrets;
    }

    /** Prints the failure and returns the exit code for it. */
    public int report(Throwable failure) {
        String text;
        ExitCode code;
        switch (failure) {
            case InvalidFlowException invalid -> {
                StringBuilder sb = new StringBuilder();
                for (Diagnostics.Problem p : invalid.problems()) {
                    sb.append(sb.isEmpty() ? "" : "\n").append(p);
                }
                text = sb.toString();
                code = ExitCode.INVALID_INPUT;
            }
            case OpFailure f -> {
                StringBuilder sb = new StringBuilder(f.headline());
                if (flowStacktrace) {
                    sb.append("\nStacktrace (most recent op last):");
                    f.stack().forEach(line -> sb.append('\n').append(line));
                }
                text = sb.toString();
                code = f.kind();
            }
            case SequorException e -> {
                text = "Error: " + e.located();
                code = e.kind();
            }
            default -> {
                text = "Internal error: " + failure.getClass().getName() + ": " + failure.getMessage()
                        + " (please report this; run with --stacktrace for details)";
                code = ExitCode.INTERNAL;
            }
        }
        err.println(colours.error(mask(text)));
        String hint = hintOf(failure);
        if (hint != null) {
            err.println(mask("hint: " + hint));
        }
        if (javaStacktrace) {
            StringWriter sw = new StringWriter();
            failure.printStackTrace(new PrintWriter(sw));
            err.println("Java stacktrace:\n" + mask(sw.toString()));
        }
        err.flush();
        return code.code;
    }

    /** The first hint along the failure's causes (a wrapped error keeps the hint of the one it wraps). */
    private static String hintOf(Throwable failure) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SequorException s && s.hint() != null) {
                return s.hint();
            }
        }
        return null;
    }

    private String mask(String text) {
        return new SecretRedactor(secrets).text(text);
    }
}
