package dev.sequor.expr.python;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.expr.ExprScope;
import dev.sequor.expr.TimeLimits;
import dev.sequor.expr.python.subset.EvaluationTimeout;
import dev.sequor.expr.python.subset.JavaSnippet;
import dev.sequor.expr.python.subset.PyExc;
import dev.sequor.expr.python.subset.PyExcType;
import dev.sequor.expr.python.syntax.OutsideSubset;
import dev.sequor.expr.python.syntax.ParsedSnippet;
import dev.sequor.expr.python.syntax.Parser;
import dev.sequor.http.HttpResponseData;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where every Python snippet is prepared and run. Each snippet is parsed once; when it stays inside the subset the
 * Java evaluator runs exactly as Python does, the Java evaluator compiles and runs it, in microseconds and without
 * GraalPy; anything else goes to {@link PythonEngine} unchanged. {@code SEQUOR_PYTHON=graalpy} (or the system
 * property {@code sequor.python}) sends every snippet to GraalPy.
 */
public final class SnippetEngine {

    /** The environment variable that chooses the engine: {@code auto} (default) or {@code graalpy}. */
    public static final String ENGINE_VARIABLE = "SEQUOR_PYTHON";

    private static final SnippetEngine SHARED = new SnippetEngine();

    /**
     * One-entry cache per thread: the snippets of one response (data, variables, while) share its converted json().
     * Per thread, because parallel for_each rows handle their responses at once and would evict each other's.
     */
    private final ThreadLocal<Object[]> lastResponse = ThreadLocal.withInitial(() -> new Object[2]);

    private SnippetEngine() {
    }

    public static SnippetEngine shared() {
        return SHARED;
    }

    /** True when {@code SEQUOR_PYTHON} (or {@code -Dsequor.python}) asks for GraalPy for every snippet. */
    public static boolean graalPyForced() {
        String choice = System.getProperty("sequor.python", System.getenv(ENGINE_VARIABLE));
        if (choice == null || choice.isBlank() || choice.equalsIgnoreCase("auto")) {
            return false;
        }
        if (choice.toLowerCase(Locale.ROOT).equals("graalpy")) {
            return true;
        }
        throw SequorException.invalid(null, ENGINE_VARIABLE + " must be 'auto' or 'graalpy', not '" + choice + "'");
    }

    /**
     * Prepares the snippet of YAML key {@code keyName} written at {@code pos}. Never starts GraalPy: a snippet that
     * needs it is compiled there on first use.
     */
    public Snippet prepare(String code, String keyName, SourcePos pos) {
        refuseEvaluateDefinition(code, keyName, pos);
        if (graalPyForced()) {
            return onGraalPy(code, keyName, pos, ENGINE_VARIABLE + "=graalpy");
        }
        Object compiled = compiled(code);
        return compiled instanceof JavaSnippet java ? new Snippet(java, null, keyName, pos, null)
                : onGraalPy(code, keyName, pos, (String) compiled);
    }

    /**
     * The code compiled for the Java evaluator, or why it needs GraalPy; each distinct code is compiled once per
     * JVM (a flow's snippets are checked when the flow is parsed and prepared again when they first run). A
     * compiled snippet holds no state of a call, so keys and positions may share it.
     */
    private static Object compiled(String code) {
        synchronized (COMPILED) {
            Object known = COMPILED.get(code);
            if (known != null) {
                return known;
            }
        }
        Object result;
        try {
            ParsedSnippet parsed = Parser.parseSnippet(code);
            result = JavaSnippet.compile(parsed.expression(), parsed.body());
        } catch (OutsideSubset outside) {
            result = outside.describe();
        }
        synchronized (COMPILED) {
            COMPILED.put(code, result);
        }
        return result;
    }

    /** Compiled snippets by code, the least recently used dropped past 1024 (Jinja inside code makes new ones). */
    private static final Map<String, Object> COMPILED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > 1024;
        }
    };

    /** Only snippets that need GraalPy touch its classes: loading them costs start-up time. */
    private static Snippet onGraalPy(String code, String keyName, SourcePos pos, String why) {
        return new Snippet(null, PythonEngine.shared().prepare(code, keyName, pos), keyName, pos, why);
    }

    /**
     * The {@code def evaluate} form that Sequor 1.1 allowed and 1.2 refuses, with upstream's text; the same for
     * both engines.
     */
    static void refuseEvaluateDefinition(String code, String keyName, SourcePos pos) {
        if (code.strip().startsWith("def evaluate")) {
            throw SequorException.invalid(pos, "Sequor does not require to define 'evaluate' function anymore. "
                    + "Please remove the 'def evaluate(...):' line from the function code of YAML property '"
                    + keyName + "'");
        }
    }

    /** True when the code needs GraalPy (outside the subset, or GraalPy forced); parses but does not keep it. */
    public static boolean needsGraalPy(String code) {
        if (graalPyForced()) {
            return true;
        }
        return !(compiled(code) instanceof JavaSnippet);
    }

    /** Checks the snippet compiles (for {@code validate}); only a GraalPy snippet needs GraalPy for that. */
    public void checkSyntax(Snippet snippet) {
        if (snippet.runsOnGraalPy()) {
            PythonEngine.shared().checkSyntax(snippet.graalPy());
        }
    }

    /**
     * Runs the snippet against {@code scope} and returns its value as plain Java. A Python exception, or an error
     * of one of Sequor's functions, fails with {@code Error evaluating 'KEY': ...}, the same text on both engines;
     * so do running past {@code timeLimit} (null: no limit) and running out of memory.
     */
    public Object call(Snippet snippet, ExprScope scope, Duration timeLimit) {
        try {
            if (snippet.runsOnGraalPy()) {
                return PythonEngine.shared().call(snippet.graalPy(), scope, timeLimit);
            }
            return snippet.java().call(scope, response(scope.response()), timeLimit);
        } catch (PyExc e) {
            throw failure(snippet, e);
        } catch (EvaluationTimeout e) {
            throw SequorException.failed(snippet.pos(), "Error evaluating '" + snippet.keyName() + "': "
                    + TimeLimits.exceeded(e.limitNanos()));
        } catch (OutOfMemoryError e) {
            // the allocation that failed is garbage now: the JVM can go on and report the snippet
            throw SequorException.failed(snippet.pos(), "Error evaluating '" + snippet.keyName()
                    + "': MemoryError: the snippet ran out of memory");
        }
    }

    private Object response(HttpResponseData data) {
        Object[] last = lastResponse.get();
        if (data != last[0]) {
            last[1] = JavaSnippet.response(data);
            last[0] = data;
        }
        return last[1];
    }

    private static SequorException failure(Snippet snippet, PyExc e) {
        String prefix = "Error evaluating '" + snippet.keyName() + "': ";
        if (e.type() == PyExcType.SEQUOR_ERROR) {
            return SequorException.failed(snippet.pos(), prefix + e.getMessage(), e.hostCause());
        }
        String message = e.getMessage();
        String text = message.isEmpty() ? e.type().name() : e.type().name() + ": " + message;
        return SequorException.failed(snippet.pos(), prefix + text);
    }
}
