package dev.sequor.expr.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * One sandboxed GraalPy context with Sequor's prelude loaded. Not thread-safe: {@link PythonEngine} serializes
 * every use behind its lock.
 *
 * <p>The sandbox: no host I/O at all ({@link IOAccess#NONE}: GraalPy still reads its own standard library from
 * its language home, so {@code json}, {@code hashlib}, {@code re}... import, but {@code open('/etc/passwd')} and
 * {@code os.listdir('/')} raise PermissionError and sockets are excluded), no processes, threads or native code,
 * no Java classes ({@link HostAccess#NONE}, no class lookup) and no other polyglot languages. Snippets only reach
 * Sequor through the proxies of {@link HostBridge}.
 */
final class PythonRuntime implements AutoCloseable {

    private static final String PRELUDE = "sequor_prelude.py";

    private final Engine engine;
    private final Context context;
    private final Value compileFn;
    private final Value runFn;
    final ToPython toPython;
    final FromPython fromPython;
    final HostBridge bridge;

    PythonRuntime() {
        this.engine = Engine.newBuilder("python")
                // a stock JDK has no Graal JIT: interpreter mode is expected, not worth a warning on every run
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        this.context = Context.newBuilder("python")
                .engine(engine)
                .allowIO(IOAccess.NONE)
                .allowNativeAccess(false)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(className -> false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(org.graalvm.polyglot.EnvironmentAccess.NONE)
                .in(InputStream.nullInputStream())
                .option("python.PosixModuleBackend", "java")
                .option("python.DontWriteBytecodeFlag", "true")
                .option("python.ForceImportSite", "false")
                .build();
        try {
            context.eval(Source.newBuilder("python", preludeText(), PRELUDE).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static String preludeText() {
        try (InputStream in = PythonRuntime.class.getResourceAsStream(PRELUDE)) {
            if (in == null) {
                throw new IllegalStateException("Sequor's Python prelude " + PRELUDE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close(true);
        engine.close();
    }
}
