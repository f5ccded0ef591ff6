package dev.sequor.expr;

/**
 * The words for an evaluation that ran past {@code evaluation_timeout_seconds} (project.yaml): the same sentence
 * for a Python snippet and a Jinja template, since one setting limits both.
 */
public final class TimeLimits {

    private TimeLimits() {
    }

    /** "it ran longer than 60 s, the time limit for one evaluation (evaluation_timeout_seconds in project.yaml)". */
    public static String exceeded(long limitNanos) {
        return "it ran longer than " + seconds(limitNanos) + " s, the time limit for one evaluation"
                + " (evaluation_timeout_seconds in project.yaml)";
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }
}
