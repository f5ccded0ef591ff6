package dev.sequor.expr.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a differential run found: how many cases ran on the Java evaluator and agreed, the ones that fell back to
 * GraalPy (by reason) and every mismatch, grouped by a rough cause (the outcome kinds or error types on each side)
 * so that one bug with a hundred symptoms reads as one group.
 */
final class DiffReport {

    record Mismatch(String label, String code, String scope, Outcome java, Outcome graalPy) {

        /**
         * A guess at the bug behind the mismatch, so that one bug with many symptoms reads as one group: the error
         * only one side raised (its text identifies the missing method or the wrong rule), or both messages of an
         * error type both raise, with numbers blurred.
         */
        String cause() {
            if (java.kind() == Outcome.Kind.CRASH) {
                return "Java evaluator crashes with " + java.category().substring("crash ".length());
            }
            boolean javaError = java.kind() == Outcome.Kind.ERROR;
            boolean graalPyError = graalPy.kind() == Outcome.Kind.ERROR;
            if (javaError && graalPyError && java.category().equals(graalPy.category())) {
                return "different " + java.category() + " messages: Java '" + blur(java.text()) + "', GraalPy '"
                        + blur(graalPy.text()) + "'";
            }
            if (javaError) {
                return "Java raises " + blur(java.text());
            }
            if (graalPyError) {
                return "GraalPy raises " + blur(graalPy.text()) + ", Java gives a value";
            }
            return "different values";
        }

        private static String blur(String text) {
            String line = text.lines().findFirst().orElse("").replaceAll("\\d+", "N");
            return line.length() > 90 ? line.substring(0, 90) + "..." : line;
        }

        @Override
        public String toString() {
            return "  [" + label + (scope.isEmpty() ? "" : ", " + scope) + "]\n"
                    + code.strip().indent(6)
                    + "    Java:    " + java + "\n"
                    + "    GraalPy: " + graalPy + "\n";
        }
    }

    /** At most this many examples per group in the failure message; the file under target/ has them all. */
    private static final int EXAMPLES_PER_GROUP = 15;

    private final String name;
    private final List<Mismatch> mismatches = new ArrayList<>();
    private final Map<String, List<String>> fallbacks = new TreeMap<>();
    private int onJava;
    private int agreedValues;
    private int agreedErrors;
    /** Differences that are GraalPy's own departures from CPython, by rule, with their counts. */
    private final Map<String, Integer> deviations = new TreeMap<>();

    DiffReport(String name) {
        this.name = name;
    }

    void fellBack(String label, String why) {
        fallbacks.computeIfAbsent(why.replaceFirst("^line \\d+: ", ""), k -> new ArrayList<>()).add(label);
    }

    void compared(String label, String code, String scope, Outcome java, Outcome graalPy) {
        onJava++;
        if (java.equals(graalPy)) {
            if (java.kind() == Outcome.Kind.VALUE) {
                agreedValues++;
            } else {
                agreedErrors++;
            }
        } else {
            String deviation = GraalPyDeviations.explain(code, java, graalPy);
            if (deviation != null) {
                deviations.merge(deviation, 1, Integer::sum);
            } else {
                mismatches.add(new Mismatch(label, code, scope, java, graalPy));
            }
        }
    }

    List<Mismatch> mismatches() {
        return mismatches;
    }

    Map<String, List<String>> fallbacks() {
        return fallbacks;
    }

    int fallbackCount() {
        return fallbacks.values().stream().mapToInt(List::size).sum();
    }

    int onJava() {
        return onJava;
    }

    String summary() {
        return name + ": " + (onJava + fallbackCount()) + " runs, " + onJava + " on the Java evaluator (" + agreedValues
                + " same value, " + agreedErrors + " same error, " + deviations.values().stream().mapToInt(i -> i).sum()
                + " known GraalPy deviations " + deviations + ", " + mismatches.size() + " mismatches), "
                + fallbackCount() + " fell back to GraalPy";
    }

    String fallbackSummary() {
        StringBuilder b = new StringBuilder();
        fallbacks.forEach((why, labels) -> b.append("  ").append(labels.size()).append(" x ").append(why)
                .append("  (e.g. ").append(labels.get(0)).append(")\n"));
        return b.toString();
    }

    /** Every mismatch, grouped by cause; {@code examples} caps each group (0: no cap). */
    String mismatchText(int examples) {
        Map<String, List<Mismatch>> groups = new TreeMap<>();
        mismatches.forEach(m -> groups.computeIfAbsent(m.cause(), k -> new ArrayList<>()).add(m));
        StringBuilder b = new StringBuilder();
        groups.forEach((cause, list) -> {
            b.append("\n== ").append(cause).append(" (").append(list.size()).append(")\n");
            list.stream().limit(examples == 0 ? Long.MAX_VALUE : examples).forEach(b::append);
            if (examples > 0 && list.size() > examples) {
                b.append("  ... and ").append(list.size() - examples).append(" more\n");
            }
        });
        return b.toString();
    }

    /** Writes the whole report to {@code target/difftest/NAME.txt} and returns its path. */
    Path write() {
        Path file = Path.of("target", "difftest", name.replaceAll("[^A-Za-z0-9]+", "-") + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, summary() + "\n\nFell back to GraalPy:\n" + fallbackSummary() + "\nMismatches:\n"
                    + mismatchText(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The failure message: the summary and the mismatches, a few examples per cause. */
    String failureText() {
        return summary() + "\n" + mismatchText(EXAMPLES_PER_GROUP) + "\n(all of them in " + write() + ")";
    }
}
