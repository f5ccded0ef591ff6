package dev.sequor.expr.python;

import java.io.InputStream;
import java.nio.file.Path;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.IOAccess;

/**
 * What a snippet may do, and the GraalPy options that keep its start short (measured in docs/decisions.md,
 * "GraalPy start-up on a stock JDK").
 *
 * <p>The sandbox: no host files except GraalPy's own language home (read-only, so {@code json}, {@code hashlib},
 * {@code re}... import) and the bytecode cache of {@link BytecodeCacheFileSystem}; {@code open('/etc/passwd')}
 * and {@code os.listdir('/')} raise PermissionError and sockets are excluded. No processes, threads or native
 * code, no Java classes ({@link HostAccess#NONE}, no class lookup), no other polyglot languages, no environment
 * variables. Snippets only reach Sequor through the proxies of {@link HostBridge}.
 */
final class PythonSandbox {

    private PythonSandbox() {
    }

    static Engine newEngine() {
        return Engine.newBuilder("python")
                // a stock JDK has no Graal JIT: interpreter mode is expected, not worth a warning on every run
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    /**
     * A context on {@code engine}. With {@code bytecodeCache} (an existing folder), GraalPy writes the bytecode of
     * the stdlib modules it compiles there and reads it back in later runs; with null it compiles them every run.
     */
    static Context.Builder context(Engine engine, Path bytecodeCache) {
        Context.Builder builder = Context.newBuilder("python")
                .engine(engine)
                .allowNativeAccess(false)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(className -> false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .in(InputStream.nullInputStream())
                .option("python.PosixModuleBackend", "java")
                .option("python.ForceImportSite", "false");
        if (bytecodeCache == null) {
            return builder.allowIO(IOAccess.NONE).option("python.DontWriteBytecodeFlag", "true");
        }
        return builder
                .allowIO(IOAccess.newBuilder().fileSystem(new BytecodeCacheFileSystem(bytecodeCache)).build())
                .option("python.DontWriteBytecodeFlag", "false")
                // one tree mirroring the source paths, instead of __pycache__ folders inside the language home
                .option("python.PyCachePrefix", bytecodeCache.toAbsolutePath().toString());
    }
}
