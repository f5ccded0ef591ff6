package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher works however users reach it: through a symbolic link in a folder of their own (with a
 * space in its name), through a relative link to a link, and by name through {@code PATH}; and from a sub-folder
 * of a project, which it finds by walking up to the nearest {@code project.yaml}.
 *
 * <p>An integration test (failsafe, after {@code package}), because it needs {@code target/sequor}.
 */
class LauncherIT {

    @TempDir
    Path tmp;

    @Test
    void aSymbolicLinkInAnotherFolderRunsTheTool() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("my bin"));
        Path link = Files.createSymbolicLink(bin.resolve("sequor"), StartupClassesIT.LAUNCHER);
        assertThat(version(List.of("/bin/sh", link.toString()), null)).startsWith("Sequor version: ");
    }

    @Test
    void aRelativeLinkToALinkRunsTheTool() throws Exception {
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        Files.createSymbolicLink(tools.resolve("sequor-current"), StartupClassesIT.LAUNCHER);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("sequor"), Path.of("..", "tools", "sequor-current"));
        assertThat(version(List.of(link.toString()), null)).startsWith("Sequor version: ");
    }

    @Test
    void theToolRunsByNameThroughPath() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("path bin"));
        Files.createSymbolicLink(bin.resolve("sequor"), StartupClassesIT.LAUNCHER);
        // a shell looks the name up in PATH, as users call it (ProcessBuilder would look in this JVM's PATH)
        assertThat(version(List.of("/bin/sh", "-c", "sequor \"$@\"", "sh"), bin + ":" + System.getenv("PATH")))
                .startsWith("Sequor version: ");
    }

    @Test
    void aFlowRunsFromASubFolderOfItsProject() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("project.yaml"), "name: \"sub-folder\"\n");
        Path flows = Files.createDirectories(project.resolve("flows"));
        Files.writeString(flows.resolve("hello.yaml"), "steps:\n  - op: print\n    message: hello from the project\n");
        Path out = tmp.resolve("hello.txt");
        Process p = new ProcessBuilder("/bin/sh", StartupClassesIT.LAUNCHER.toString(), "run", "hello", "--home-dir",
                tmp.resolve("home").toString()).directory(flows.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
        assertThat(p.exitValue()).as("exit code; output: " + Files.readString(out)).isZero();
        assertThat(Files.readString(out)).contains("hello from the project");
    }

    /** Runs {@code command version} (PATH replaced when {@code path} is not null) and returns what it printed. */
    private String version(List<String> command, String path) throws Exception {
        List<String> args = new java.util.ArrayList<>(command);
        args.add("version");
        Path out = Files.createTempFile(tmp, "out", ".txt");
        ProcessBuilder pb = new ProcessBuilder(args).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        if (path != null) {
            pb.environment().put("PATH", path);
        }
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
        String printed = Files.readString(out);
        assertThat(p.exitValue()).as("exit code; output: " + printed).isZero();
        return printed;
    }
}
