package dev.sequor.expr.python;

import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;

/**
 * One sandboxed GraalPy context ({@link PythonSandbox}) with Sequor's prelude loaded. Not thread-safe:
 * {@link PythonEngine} serializes every use behind its lock.
 */
final class PythonRuntime implements AutoCloseable {

    private final Engine engine;
    private final Context context;
    private final Value compileFn;
    private final Value runFn;
    final ToPython toPython;
    final FromPython fromPython;
    final HostBridge bridge;

    /** {@code bytecodeCache}: an existing folder for the stdlib's bytecode, or null to compile it every run. */
    PythonRuntime(Path bytecodeCache) {
        this(PythonSandbox.newEngine(), bytecodeCache);
    }

    private PythonRuntime(Engine engine, Path bytecodeCache) {
        this(engine, PythonSandbox.context(engine, bytecodeCache).build(), bytecodeCache);
    }

    /**
     * Interrupts what the context runs now (the snippet past its time limit); the context stays usable. Waits up to
     * five seconds for the interrupt to take effect.
     */
    void interrupt() {
        try {
            context.interrupt(java.time.Duration.ofSeconds(5));
        } catch (java.util.concurrent.TimeoutException e) {
            // the snippet did not reach a safepoint in time; the caller still gets its timeout once it does
        }
    }

    /** Loads the prelude into {@code context}; closing this runtime closes both. Split out for the start-up probe. */
    PythonRuntime(Engine engine, Context context, Path bytecodeCache) {
        this.engine = engine;
        this.context = context;
        Prelude.load(context, bytecodeCache);
        Value prelude = context.getBindings("python");
        this.compileFn = prelude.getMember("_compile");
        this.runFn = prelude.getMember("_run");
        this.toPython = new ToPython(prelude);
        this.fromPython = new FromPython(prelude);
        this.bridge = new HostBridge(prelude, toPython);
    }

    /** The snippet's function, or a (line, message) pair describing its syntax error. */
    Value compile(String code, String keyName) {
        return compileFn.execute(code, keyName);
    }

    /** {@code (True, value)} or {@code (False, exception type or None, message)}; see the prelude's _run. */
    Value run(Value function, Object response) {
        return runFn.execute(function, response);
    }

    @Override
    public void close() {
        context.close(true);
        engine.close();
    }
}
