package dev.sequor.expr.python.subset;

/** A compiled statement: runs in a frame and says how control continues. */
@FunctionalInterface
interface Exec {
    int NORMAL = 0;
    int BREAK = 1;
    int CONTINUE = 2;
    /** The value is in {@link Frame#returnValue}. */
    int RETURN = 3;

    int exec(Frame f);
}
