package dev.sequor.expr.python.subset;

import java.util.HashMap;
import java.util.Map;

/**
 * The modules snippets may import in the Java evaluator, by dotted name. An import of any other module sends the
 * snippet to GraalPy. Each module is built once, on first import.
 */
final class Modules {

    private static final Map<String, java.util.function.Supplier<PyModule>> FACTORIES = new HashMap<>();
    private static final Map<String, PyModule> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        StdlibModules.register(FACTORIES);
    }

    private Modules() {
    }

    /** The module, or null when the evaluator does not provide it. */
    static PyModule find(String dottedName) {
        PyModule loaded = LOADED.get(dottedName);
        if (loaded != null) {
            return loaded;
        }
        java.util.function.Supplier<PyModule> factory = FACTORIES.get(dottedName);
        if (factory == null) {
            return null;
        }
        return LOADED.computeIfAbsent(dottedName, k -> factory.get());
    }
}
