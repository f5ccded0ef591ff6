package dev.sequor.expr.jinja;

/**
 * How deep macros may call each other and a recursive loop may call {@code loop(...)}. Jinja2 3.1.6 renders a macro
 * that calls itself 200 levels deep and fails at 250, and a recursive loop over a tree 200 levels deep and fails at
 * 300 (Python's recursion limit of 1,000 frames). Jinjava needs a few KB of Java stack a level: a render without a
 * limit reached 270 levels on a new 1 MB thread stack (the JVM's default) and overflowed at 300, so the limit sits
 * between Jinja2's and the stack's, and a too deep recursion fails with Python's message instead of a
 * StackOverflowError.
 */
final class RecursionLimit {

    static final int LEVELS = 220;

    private RecursionLimit() {
    }

    /** Python's RecursionError, one level too deep. */
    static TemplateValueException exceeded() {
        return new TemplateValueException("maximum recursion depth exceeded");
    }
}
