package dev.sequor.expr.python.subset;

/** Anything a snippet can call: built-in functions and types, methods, functions defined in the snippet. */
@FunctionalInterface
public interface PyCallable {

    /** {@code kwargs} is null when the call passes no keyword arguments. */
    Object call(Object[] args, Kwargs kwargs);
}
