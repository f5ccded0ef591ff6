package dev.sequor.expr.python;

import dev.sequor.error.SourcePos;
import java.nio.file.Path;

/** Shared helpers: every test class uses the one engine of the test JVM. */
final class PythonTestSupport {

    static final SourcePos POS = new SourcePos("flows/f.yaml", 10, 5);

    private PythonTestSupport() {
    }

    static {
        // keep GraalPy's unpacked resources inside the build folder, not in the home folder of whoever runs the tests
        PythonEngine.configureCacheDir(Path.of("target", "test-sequor-cache"));
    }

    static PythonEngine engine() {
        return PythonEngine.shared();
    }

    static Object eval(String code, MapScope scope) {
        PythonEngine engine = engine();
        return engine.call(engine.prepare(code, "value_expression", POS), scope);
    }

    static Object eval(String code) {
        return eval(code, new MapScope());
    }
}
