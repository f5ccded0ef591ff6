package dev.sequor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.project.Project;
import dev.sequor.project.SequorHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each project gets a bytecode cache folder of its own under the run's Sequor home. */
class GraalPyCacheTest {

    @TempDir
    Path tmp;

    @Test
    void projectsOfTheSameNameInDifferentFoldersGetDifferentBytecodeFolders() throws Exception {
        SequorHome home = new SequorHome(tmp.resolve("home"));
        Path a = project("a");
        Path b = project("b");
        String first = folderFor(home, Project.load(a));
        String second = folderFor(home, Project.load(b));
        assertThat(first).startsWith(tmp.resolve("home").toAbsolutePath().toString());
        assertThat(Path.of(first).getFileName().toString()).startsWith("shop-");
        assertThat(first).isNotEqualTo(second);
        assertThat(folderFor(home, Project.load(a))).isEqualTo(first);
    }

    private Path project(String folder) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(folder));
        Files.writeString(dir.resolve("project.yaml"), "name: \"shop\"\n");
        return dir;
    }

    /** The folder pointInto chooses; both cache properties are cleared before and restored after (shared JVM). */
    private static String folderFor(SequorHome home, Project project) {
        String bytecode = System.clearProperty(GraalPyCache.BYTECODE_PROPERTY);
        String resources = System.clearProperty(GraalPyCache.PROPERTY);
        try {
            GraalPyCache.pointInto(home, project);
            return System.getProperty(GraalPyCache.BYTECODE_PROPERTY);
        } finally {
            restore(GraalPyCache.BYTECODE_PROPERTY, bytecode);
            restore(GraalPyCache.PROPERTY, resources);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
