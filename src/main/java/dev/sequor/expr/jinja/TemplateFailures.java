package dev.sequor.expr.jinja;

import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.TemplateError;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.expr.TimeLimits;

/**
 * Turns what Jinjava reports (thrown exceptions or collected {@link TemplateError}s) into one-sentence
 * {@link SequorException}s placed at the template's line: "Invalid Jinja template: ..." for syntax, "Error rendering
 * Jinja template: ..." for render failures. The detail is the message of the failure the user caused (an undefined
 * name, a function's own error such as "Variable 'x' is not defined"), not Jinjava's wrappers around it.
 */
final class TemplateFailures {

    private TemplateFailures() {
    }

    static SequorException invalid(SourcePos templatePos, int line, String detail) {
        return SequorException.invalid(at(templatePos, line), "Invalid Jinja template: " + clean(detail));
    }

    static SequorException renderError(SourcePos templatePos, TemplateError error) {
        Throwable cause = error.getException();
        return failed(templatePos, error.getLineno(), cause, error.getMessage());
    }

    static SequorException renderError(SourcePos templatePos, RuntimeException thrown) {
        int line = thrown instanceof InterpretException ie ? ie.getLineNumber() : 0;
        return failed(templatePos, line, thrown, thrown.getMessage());
    }

    /**
     * A failure of a function that the expression on template line {@code line} called, when the template was
     * rendered without Jinjava ({@link VarTemplate}): the same sentence and position as through Jinjava.
     */
    static SequorException renderError(SourcePos templatePos, int line, SequorException thrown) {
        return failed(templatePos, line, thrown, thrown.getMessage());
    }

    /**
     * A render that ran past its time limit, at the template line where it stopped when Jinjava says ({@code thrown}
     * is its wrapper of the {@link TemplateTimeout}, or null).
     */
    static SequorException timedOut(SourcePos templatePos, RuntimeException thrown, long limitNanos) {
        int line = thrown instanceof InterpretException ie ? ie.getLineNumber() : 0;
        return SequorException.failed(at(templatePos, line), "Error rendering Jinja template: "
                + TimeLimits.exceeded(limitNanos));
    }

    private static SequorException failed(SourcePos templatePos, int line, Throwable cause, String fallback) {
        Throwable root = userFacingCause(cause);
        String detail = root instanceof TemplateValueException value ? value.text()
                : root != null ? root.getMessage() : fallback;
        return SequorException.failed(at(templatePos, line), "Error rendering Jinja template: " + clean(detail), cause);
    }

    /** The first of our own exceptions in the chain: its message was written for the user. */
    private static Throwable userFacingCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SequorException || c instanceof TemplateValueException) {
                return c;
            }
        }
        return null;
    }

    /** Line 1 is the template's own position; later lines start at column 1 of that line. */
    private static SourcePos at(SourcePos templatePos, int line) {
        if (templatePos == null) {
            return null;
        }
        return line > 1 ? templatePos.plusLines(line - 1) : templatePos;
    }

    private static String clean(String detail) {
        if (detail == null || detail.isBlank()) {
            return "unknown error";
        }
        String oneLine = detail.strip().replaceAll("\\s*\\R\\s*", " ");
        return oneLine.endsWith(".") ? oneLine.substring(0, oneLine.length() - 1) : oneLine;
    }
}
