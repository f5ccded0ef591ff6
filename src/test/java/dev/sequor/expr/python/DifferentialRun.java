package dev.sequor.expr.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs cases on both engines against one scope and fills a {@link DiffReport}: every case on the Java evaluator
 * one by one, then the ones it ran (not those that fell back, GraalPy would be compared with itself) on GraalPy in
 * batches.
 */
final class DifferentialRun {

    /** Cases per GraalPy call: big enough to amortize the call, small enough to keep each compile quick. */
    private static final int BATCH = 500;

    private DifferentialRun() {
    }

    static void run(List<DiffCase> cases, MapScope scope, String scopeName, DiffReport report) {
        TwoEngines engines = new TwoEngines();
        List<DiffCase> ranOnJava = new ArrayList<>();
        List<Outcome> javaOutcomes = new ArrayList<>();
        for (DiffCase c : cases) {
            Outcome java = engines.java(c.code(), scope, TwoEngines.REPR);
            if (java.kind() == Outcome.Kind.FALLBACK) {
                report.fellBack(c.label(), java.text());
            } else {
                ranOnJava.add(c);
                javaOutcomes.add(java);
            }
        }
        for (int from = 0; from < ranOnJava.size(); from += BATCH) {
            List<DiffCase> batch = ranOnJava.subList(from, Math.min(from + BATCH, ranOnJava.size()));
            List<Outcome> graalPy = engines.graalPyBatch(batch, scope);
            for (int i = 0; i < batch.size(); i++) {
                DiffCase c = batch.get(i);
                report.compared(c.label(), c.code(), scopeName, javaOutcomes.get(from + i), graalPy.get(i));
            }
        }
    }
}
