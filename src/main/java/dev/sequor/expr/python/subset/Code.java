package dev.sequor.expr.python.subset;

/** A compiled expression: evaluates to a value in a frame. */
@FunctionalInterface
interface Code {
    Object eval(Frame f);
}
