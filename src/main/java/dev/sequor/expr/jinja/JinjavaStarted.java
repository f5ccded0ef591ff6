package dev.sequor.expr.jinja;

/**
 * Whether this JVM has started Jinjava. Only then can a value be one of its objects (a {@code namespace()}, a tuple
 * literal), so code that templates share with the Jinjava-free path of templates that only read variables
 * ({@link VarTemplate}, {@link PythonStr}) asks this before an {@code instanceof} of such a class: the JVM loads a
 * class when an {@code instanceof} of it first runs, and a flow that never needs Jinjava should not load its classes.
 */
final class JinjavaStarted {

    private static volatile boolean started;

    private JinjavaStarted() {
    }

    static boolean yes() {
        return started;
    }

    /** Called once, as the shared Jinjava is made. */
    static void now() {
        started = true;
    }
}
