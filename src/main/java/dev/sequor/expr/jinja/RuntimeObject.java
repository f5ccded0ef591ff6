package dev.sequor.expr.jinja;

/**
 * An object of Jinja2's runtime that templates use through attributes and methods: {@code loop}, a
 * {@code cycler()}. {@link PythonDataResolver} asks it directly, as these are Sequor's own classes (no reflection,
 * which a native image would need to be told about) and fail with Jinja2's words.
 */
interface RuntimeObject {

    /** {@code object.name}; a method's name gives null, as a call follows ({@link #callMethod}). */
    Object attribute(String name);

    /** {@code object.name(args)}. */
    Object callMethod(String name, Object[] args);
}
