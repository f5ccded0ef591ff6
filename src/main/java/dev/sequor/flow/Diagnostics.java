package dev.sequor.flow;

import dev.sequor.error.SourcePos;
import java.util.ArrayList;
import java.util.List;

/**
 * Problems found while reading flows and sources. The parser keeps going after a problem so that
 * {@code sequor validate} can list all of them at once; {@code run} refuses to start when there is any error.
 */
public final class Diagnostics {

    public enum Severity { ERROR, WARNING }

    public record Problem(Severity severity, SourcePos pos, String message) {
        @Override
        public String toString() {
            return (pos == null ? "" : pos + ": ") + (severity == Severity.WARNING ? "warning: " : "") + message;
        }
    }

    private final List<Problem> problems = new ArrayList<>();

    public void error(SourcePos pos, String message) {
        problems.add(new Problem(Severity.ERROR, pos, message));
    }

    public void warning(SourcePos pos, String message) {
        problems.add(new Problem(Severity.WARNING, pos, message));
    }

    public List<Problem> all() {
        return List.copyOf(problems);
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity == Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity == Severity.WARNING).toList();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity == Severity.ERROR);
    }
}
