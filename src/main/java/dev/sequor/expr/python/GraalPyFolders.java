package dev.sequor.expr.python;

/**
 * The system properties that say where GraalPy keeps its files, set by the run before any Python starts
 * ({@code run/GraalPyCache}) and read by {@link PythonEngine}. A class of its own without polyglot imports, so
 * setting them does not load GraalPy.
 */
public final class GraalPyFolders {

    /** The property Truffle reads for the folder it unpacks GraalPy's standard library into. */
    public static final String RESOURCES = "polyglot.engine.userResourceCache";

    /** The folder of the stdlib's bytecode: one per project (see {@code GraalPyCache}). */
    public static final String BYTECODE = "sequor.graalpy.bytecodeCache";

    private GraalPyFolders() {
    }
}
