package dev.sequor.expr.python;

import dev.sequor.error.SourcePos;
import org.graalvm.polyglot.Value;

/**
 * One {@code *_expression} snippet as written in a flow: its YAML key, where the key was written and the code.
 * Made by {@link PythonEngine#prepare}; the engine compiles it on first use and keeps the compiled function here,
 * so each snippet is compiled once however often it runs.
 */
public final class PythonSnippet {

    private final String keyName;
    private final SourcePos pos;
    private final String code;

    // The compiled function and the runtime it belongs to; guarded by the engine's lock.
    private PythonRuntime compiledBy;
    private Value function;

    PythonSnippet(String keyName, SourcePos pos, String code) {
        this.keyName = keyName;
        this.pos = pos;
        this.code = code;
    }

    /** The YAML key, e.g. {@code url_expression}. */
    public String keyName() {
        return keyName;
    }

    /** Where the key was written; block-scalar code starts on the next line. */
    public SourcePos pos() {
        return pos;
    }

    public String code() {
        return code;
    }

    /** The compiled function when it was compiled by {@code runtime}, else null. */
    Value functionFor(PythonRuntime runtime) {
        return compiledBy == runtime ? function : null;
    }

    void compiled(PythonRuntime runtime, Value compiledFunction) {
        this.compiledBy = runtime;
        this.function = compiledFunction;
    }

    @Override
    public String toString() {
        return keyName + " at " + pos;
    }
}
