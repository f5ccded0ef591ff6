package dev.sequor.flow;

import dev.sequor.error.SourcePos;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

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
    /** How many {@code try} bodies the parser is inside (see {@link #insideTry}). */
    private int tryDepth;

    /** Records an error; the returned problem can later be {@link #replace replaced} by a more precise one. */
    public Problem error(SourcePos pos, String message) {
        Problem p = new Problem(Severity.ERROR, pos, message);
        problems.add(p);
        return p;
    }

    /** Puts {@code better} where {@code old} was (same place in the list, so the report keeps the file's order). */
    public void replace(Problem old, Problem better) {
        for (int i = 0; i < problems.size(); i++) {
            if (problems.get(i) == old) {
                problems.set(i, better);
                return;
            }
        }
        problems.add(better);
    }

    /**
     * A value the op would refuse when it runs (a literal of the wrong type or range, an unknown source, a template
     * that does not parse): an error, so that nothing runs; but inside the steps of a {@code try} a warning, since
     * there the op's failure goes to the {@code catch} steps, and flows may rely on that.
     */
    public void invalidValue(SourcePos pos, String message) {
        if (tryDepth > 0) {
            warning(pos, message + " Inside try, the op fails when it runs and the catch steps handle it.");
        } else {
            error(pos, message);
        }
    }

    /** Runs {@code body} (parsing or checking the steps of a {@code try}) with value problems as warnings. */
    public <T> T insideTry(Supplier<T> body) {
        tryDepth++;
        try {
            return body.get();
        } finally {
            tryDepth--;
        }
    }

    /** Whether {@link #invalidValue} records warnings now (inside the steps of a {@code try}). */
    public boolean lenient() {
        return tryDepth > 0;
    }

    public void warning(SourcePos pos, String message) {
        problems.add(new Problem(Severity.WARNING, pos, message));
    }

    /** Every problem: files in the order they were read, each file's problems in the order they are written. */
    public List<Problem> all() {
        List<String> files = new ArrayList<>();
        for (Problem p : problems) {
            String f = p.pos() == null ? null : p.pos().file();
            if (!files.contains(f)) {
                files.add(f);
            }
        }
        Comparator<Problem> order = Comparator.comparingInt((Problem p) -> files.indexOf(
                        p.pos() == null ? null : p.pos().file()))
                .thenComparingInt(p -> p.pos() == null ? 0 : p.pos().line())
                .thenComparingInt(p -> p.pos() == null ? 0 : p.pos().col());
        return problems.stream().sorted(order).toList(); // stable: problems at one place keep their order
    }

    public List<Problem> errors() {
        return all().stream().filter(p -> p.severity == Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return all().stream().filter(p -> p.severity == Severity.WARNING).toList();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity == Severity.ERROR);
    }
}
