package dev.sequor.run;

import dev.sequor.expr.python.GraalPyFolders;
import dev.sequor.project.Project;
import dev.sequor.project.SequorHome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Points GraalPy's resource cache into the Sequor home ({@code <home>/cache/graalpy}) before any flow runs, and
 * its bytecode cache into a folder of the project's own ({@code <home>/cache/graalpy-pycache/<project>}): a
 * snippet may create bytecode files there, so a project must never share them with another one, whose snippets
 * would then run code the first project planted.
 *
 * <p>This sets the Truffle system property itself instead of calling {@code PythonEngine.configureCacheDir}:
 * the first call into {@code PythonEngine} makes the JVM load and verify it, which loads GraalPy's polyglot
 * classes in every run, also in the many runs that never evaluate Python. The engine keeps a property that is
 * already set (tests set it for the whole test JVM), so the outcome is the same.
 */
public final class GraalPyCache {

    /** The system property Truffle reads for the folder it unpacks GraalPy's standard library into. */
    static final String PROPERTY = GraalPyFolders.RESOURCES;

    private GraalPyCache() {
    }

    /** The system property the Python engine reads for the folder of the stdlib's bytecode. */
    public static final String BYTECODE_PROPERTY = GraalPyFolders.BYTECODE;

    /** Uses {@code home}'s cache folders unless the properties are already set. */
    public static void pointInto(SequorHome home, Project project) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, home.cacheDir().resolve("graalpy").toAbsolutePath().toString());
        }
        if (System.getProperty(BYTECODE_PROPERTY) == null) {
            System.setProperty(BYTECODE_PROPERTY, home.cacheDir().resolve("graalpy-pycache").resolve(folderOf(project))
                    .toAbsolutePath().toString());
        }
    }

    /** {@code name-1a2b3c4d}: readable, and distinct for two projects of the same name in different folders. */
    private static String folderOf(Project project) {
        String name = project.name() == null ? "project" : project.name().replaceAll("[^A-Za-z0-9_.-]", "_");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(project.dir().toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
