package dev.sequor.run;

import dev.sequor.project.SequorHome;

/**
 * Points GraalPy's resource cache into the Sequor home ({@code <home>/cache/graalpy}) before any flow runs.
 *
 * <p>This sets the Truffle system property itself instead of calling {@code PythonEngine.configureCacheDir}:
 * the first call into {@code PythonEngine} makes the JVM load and verify it, which loads GraalPy's polyglot
 * classes in every run, also in the many runs that never evaluate Python. The engine keeps a property that is
 * already set (tests set it for the whole test JVM), so the outcome is the same.
 */
public final class GraalPyCache {

    /** The system property Truffle reads for the folder it unpacks GraalPy's standard library into. */
    static final String PROPERTY = "polyglot.engine.userResourceCache";

    private GraalPyCache() {
    }

    /** Uses {@code home}'s cache folder unless the property is already set. */
    public static void pointInto(SequorHome home) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, home.cacheDir().resolve("graalpy").toAbsolutePath().toString());
        }
    }
}
