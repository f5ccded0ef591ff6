package dev.sequor.expr.jinja;

/**
 * A value a template can call like a function: a {@code joiner()}, and {@code loop} in a recursive for loop. Jinja2
 * calls any callable value; Jinjava calls only registered functions and macros, so {@link PythonCall} calls these.
 */
interface PythonCallable {

    /** Called as {@code value(args)}; named arguments arrive as Jinjava's {@code NamedParameter}s. */
    Object call(Object[] args);
}
