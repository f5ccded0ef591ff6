package dev.sequor.expr.python;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.expr.ExprScope;
import dev.sequor.project.SequorHome;
import java.io.IOException;
import java.nio.file.Files;
import dev.sequor.expr.python.subset.EvaluationTimeout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * Runs the Python snippets of {@code *_expression} keys with upstream Sequor 1.2's calling convention, on one
 * sandboxed GraalPy context per JVM ({@link #shared()}).
 *
 * <p>GraalPy takes seconds to start on a stock JDK, so the context is created lazily, or early on a daemon
 * thread via {@link #startInBackground()} as soon as a flow is known to contain snippets. Every snippet is
 * compiled once; calls are serialized with a lock because a context runs one thing at a time.
 */
public final class PythonEngine implements AutoCloseable {

    /** The system property Truffle reads for the folder it unpacks GraalPy's standard library into. */
    private static final String RESOURCE_CACHE_PROPERTY = GraalPyFolders.RESOURCES;

    /** The folder under Sequor's cache where GraalPy keeps the bytecode of the stdlib modules snippets import. */
    static final String BYTECODE_CACHE = "graalpy-pycache";

    private static final Object SHARED_LOCK = new Object();
    private static ScheduledExecutorService watchdog;
    private static PythonEngine shared;
    private static volatile Path cacheDir = SequorHome.resolve(null).cacheDir();

    private final ReentrantLock lock = new ReentrantLock();
    private CompletableFuture<PythonRuntime> runtime;
    private boolean closed;

    private PythonEngine() {
    }

    /** The one engine of this JVM. */
    public static PythonEngine shared() {
        synchronized (SHARED_LOCK) {
            if (shared == null) {
                shared = new PythonEngine();
            }
            return shared;
        }
    }

    /**
     * Sequor's cache folder: GraalPy unpacks its resources into {@code DIR/graalpy} and keeps the stdlib's bytecode
     * in {@code DIR/graalpy-pycache}; call before first use. Without it both go to {@code ~/.sequor/cache}, never
     * elsewhere in the home folder.
     */
    public static void configureCacheDir(Path dir) {
        cacheDir = dir;
    }

    /** Starts creating the Python context on a daemon thread; returns at once. Calling it again does nothing. */
    public void startInBackground() {
        lock.lock();
        try {
            if (closed) {
                throw SequorException.failed(null, "The Python engine is closed and cannot run snippets any more");
            }
            if (runtime == null) {
                CompletableFuture<PythonRuntime> future = new CompletableFuture<>();
                runtime = future;
                Thread starter = new Thread(() -> {
                    try {
                        future.complete(create());
                    } catch (Throwable t) {
                        future.completeExceptionally(t);
                    }
                }, "sequor-python-init");
                starter.setDaemon(true); // a flow that ends before Python is ready must not wait for it
                starter.start();
            }
        } finally {
            lock.unlock();
        }
    }

    /** True once {@link #startInBackground()} (or a first use) has begun creating the context. */
    public boolean isStarted() {
        lock.lock();
        try {
            return runtime != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A snippet for the YAML key {@code keyName} written at {@code pos}. Needs no Python: it only rejects the
     * {@code def evaluate} form that Sequor 1.1 allowed and 1.2 refuses, with upstream's text.
     */
    public PythonSnippet prepare(String code, String keyName, SourcePos pos) {
        SnippetEngine.refuseEvaluateDefinition(code, keyName, pos);
        return new PythonSnippet(keyName, pos, code);
    }

    /** Compiles the snippet now (waiting for the context if needed); a syntax error is invalid input. */
    public void checkSyntax(PythonSnippet snippet) {
        lock.lock();
        try {
            function(snippet, ready());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the snippet against {@code scope} and returns its value as plain Java (see {@link FromPython}).
     * A Python exception, or an error of one of Sequor's functions, fails with
     * {@code Error evaluating 'KEY': ...}.
     */
    public Object call(PythonSnippet snippet, ExprScope scope) {
        return call(snippet, scope, null);
    }

    /**
     * Like {@link #call(PythonSnippet, ExprScope)}; past {@code timeLimit} (null: none) the context is interrupted
     * and the call ends with {@link EvaluationTimeout}. Time spent waiting for the engine to start does not count.
     */
    public Object call(PythonSnippet snippet, ExprScope scope, Duration timeLimit) {
        lock.lock();
        try {
            PythonRuntime py = ready();
            Value function = function(snippet, py);
            py.bridge.begin(scope);
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> watchdog = timeLimit == null ? null : watchdog().schedule(() -> {
                timedOut.set(true);
                py.interrupt();
            }, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            try {
                Value outcome = py.run(function, py.bridge.response());
                if (outcome.getArrayElement(0).asBoolean()) {
                    return py.fromPython.convert(outcome.getArrayElement(1));
                }
                throw runtimeError(snippet, outcome, py.bridge.lastFailure());
            } catch (PolyglotException e) {
                if (timedOut.get() && (e.isInterrupted() || e.isCancelled())) {
                    throw EvaluationTimeout.after(timeLimit);
                }
                throw failure(snippet, e);
            } finally {
                if (watchdog != null) {
                    watchdog.cancel(false);
                }
                py.bridge.end();
            }
        } finally {
            lock.unlock();
        }
    }

    /** One daemon thread for every time limit of the JVM: it only ever interrupts a context. */
    private static synchronized ScheduledExecutorService watchdog() {
        if (watchdog == null) {
            watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sequor-python-watchdog");
                t.setDaemon(true);
                return t;
            });
        }
        return watchdog;
    }

    /** Releases the Python context; the shared engine is created afresh on the next {@link #shared()}. */
    @Override
    public void close() {
        synchronized (SHARED_LOCK) {
            if (shared == this) {
                shared = null;
            }
        }
        lock.lock();
        try {
            closed = true;
            if (runtime != null) {
                runtime.thenAccept(PythonRuntime::close);
            }
        } finally {
            lock.unlock();
        }
    }

    private static PythonRuntime create() {
        Path dir = cacheDir.resolve("graalpy");
        if (System.getProperty(RESOURCE_CACHE_PROPERTY) == null) {
            System.setProperty(RESOURCE_CACHE_PROPERTY, dir.toAbsolutePath().toString());
        }
        // the run names a folder of its project's own (see GraalPyCache); tests and other callers share one
        String perProject = System.getProperty(GraalPyFolders.BYTECODE);
        return new PythonRuntime(bytecodeCache(perProject != null ? Path.of(perProject) : cacheDir.resolve(BYTECODE_CACHE)));
    }

    /** The folder for the stdlib's bytecode, or null (compile every run) when it cannot be created. */
    private static Path bytecodeCache(Path dir) {
        try {
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException | UnsupportedOperationException e) {
            return null; // e.g. a read-only home: slower imports, same results
        }
    }

    /** The context, waiting for the background start when one is under way. Called with the lock held. */
    private PythonRuntime ready() {
        startInBackground();
        try {
            return runtime.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SequorException.failed(null, "Interrupted while starting the Python engine", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw SequorException.failed(null, "The Python engine could not start: " + cause.getMessage(), cause);
        }
    }

    private Value function(PythonSnippet snippet, PythonRuntime py) {
        Value function = snippet.functionFor(py);
        if (function == null) {
            Value compiled = py.compile(snippet.code(), snippet.keyName());
            if (!compiled.canExecute()) {
                int line = compiled.getArrayElement(0).asInt();
                throw SequorException.invalid(snippet.pos(), "Syntax error in " + snippet.keyName() + " (line " + line
                        + " of code, line " + (snippet.pos().line() + line) + " in YAML): "
                        + compiled.getArrayElement(1).asString());
            }
            snippet.compiled(py, compiled);
            function = compiled;
        }
        return function;
    }

    private static SequorException runtimeError(PythonSnippet snippet, Value outcome, RuntimeException cause) {
        Value type = outcome.getArrayElement(1);
        String message = outcome.getArrayElement(2).asString();
        String text;
        if (type.isNull()) {
            text = message; // Sequor's own error (var, query, Row...): its text as is
        } else {
            text = message.isEmpty() ? type.asString() : type.asString() + ": " + message;
            cause = null;
        }
        return SequorException.failed(snippet.pos(), "Error evaluating '" + snippet.keyName() + "': " + text, cause);
    }

    /** An error that escaped the prelude's own handling (e.g. the context was cancelled). */
    private static SequorException failure(PythonSnippet snippet, PolyglotException e) {
        if (e.isHostException() && e.asHostException() instanceof SequorException se) {
            return se.at(snippet.pos());
        }
        String text = e.isExit() ? "SystemExit: snippets cannot end the Sequor process (exit status " + e.getExitStatus() + ")"
                : e.getMessage();
        return SequorException.failed(snippet.pos(), "Error evaluating '" + snippet.keyName() + "': " + text, e);
    }
}
