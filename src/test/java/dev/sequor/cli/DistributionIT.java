package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM distribution {@code ./mvnw package} makes ({@code target/sequor-VERSION.tar.gz}), unpacked into a folder
 * with a space in its name, runs a DuckDB flow; {@code scripts/install --no-build PREFIX} installs it with a link
 * in {@code PREFIX/bin} that runs from anywhere.
 *
 * <p>An integration test (failsafe, after {@code package}), because it needs the archive.
 */
class DistributionIT {

    @TempDir
    Path tmp;

    /** The archive of the version being built (an older version's may still lie in target/). */
    private static Path archive() {
        Path archive = Path.of("target", "sequor-" + System.getProperty("project.version", "") + ".tar.gz");
        assertThat(archive).as("run `./mvnw package` first: it makes target/sequor-VERSION.tar.gz").isRegularFile();
        return archive.toAbsolutePath();
    }

    @Test
    void theUnpackedArchiveRunsADuckDbFlow() throws Exception {
        Path unpacked = Files.createDirectories(tmp.resolve("my tools"));
        run(tmp, "tar", "xzf", archive().toString(), "-C", unpacked.toString());
        Path launcher;
        try (Stream<Path> dirs = Files.list(unpacked)) {
            launcher = dirs.findFirst().orElseThrow().resolve("bin").resolve("sequor");
        }
        assertThat(Files.isExecutable(launcher)).as(launcher + " is executable").isTrue();
        assertThat(run(tmp, launcher.toString(), "version")).startsWith("Sequor version: ");
        assertThat(runFlow(launcher)).contains("Summary \"transform: one\": 1 row into one");
    }

    @Test
    void scriptsInstallLinksTheToolIntoPrefixBin() throws Exception {
        archive();
        Path prefix = tmp.resolve("prefix with space");
        String out = run(Path.of("").toAbsolutePath(), "scripts/install", "--no-build", prefix.toString());
        assertThat(out).contains("Installed ").contains(prefix.resolve("bin").resolve("sequor").toString());
        Path link = prefix.resolve("bin").resolve("sequor");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(run(tmp, link.toString(), "version")).startsWith("Sequor version: ");
    }

    private String runFlow(Path launcher) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("project.yaml"), "name: dist\n");
        Files.createDirectories(project.resolve("sources"));
        Files.writeString(project.resolve("sources").resolve("db.yaml"), "type: duckdb\nconn_str: \"duckdb:///:memory:\"\n");
        Files.createDirectories(project.resolve("flows"));
        Files.writeString(project.resolve("flows").resolve("one.yaml"),
                "steps:\n  - op: transform\n    source: db\n    target_table: one\n    query: SELECT 1 AS x\n");
        return run(project, launcher.toString(), "run", "one", "--home-dir", tmp.resolve("home").toString());
    }

    private String run(Path cwd, String... command) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("finished").isTrue();
        String printed = Files.readString(out);
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + printed).isZero();
        return printed;
    }
}
