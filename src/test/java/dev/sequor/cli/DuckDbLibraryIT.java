package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tool loads DuckDB's JNI library from {@code quarkus-app/lib/native} (put there by {@code package}, on
 * the launcher's {@code java.library.path}), not from a copy the driver inflates out of the jar into a temp file,
 * which costs every DuckDB run about 0.15 s and 60 MB written (docs/decisions.md, "DuckDB's native library"); also
 * when the tool is moved to another folder after it was built. Runs the packaged launcher with the JVM's library log
 * and reads where the library came from.
 *
 * <p>An integration test (failsafe, after {@code package}), because it needs {@code target/quarkus-app}.
 */
class DuckDbLibraryIT {

    @TempDir
    Path tmp;

    @Test
    void aDuckDbRunLoadsTheLibraryFromLibNative() throws Exception {
        assertThat(loadedFrom(StartupClassesIT.LAUNCHER))
                .contains(StartupClassesIT.LAUNCHER.resolveSibling("quarkus-app").resolve("lib").resolve("native")
                        + "/libduckdb_java.");
    }

    /** The AOT cache remembers where classes came from at build time; the library must follow the launcher. */
    @Test
    void aMovedToolLoadsItsOwnCopy() throws Exception {
        Path moved = Files.createDirectories(tmp.resolve("moved tool"));
        Path target = StartupClassesIT.LAUNCHER.getParent();
        Files.copy(StartupClassesIT.LAUNCHER, moved.resolve("sequor"));
        copyTree(target.resolve("quarkus-app"), moved.resolve("quarkus-app"));
        assertThat(loadedFrom(moved.resolve("sequor")))
                .contains(moved.resolve("quarkus-app").resolve("lib").resolve("native") + "/libduckdb_java.");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    /** Runs a one-transform DuckDB flow with {@code launcher} and returns the log line of the DuckDB library load. */
    private String loadedFrom(Path launcher) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "run");
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("flows"));
        Files.createDirectories(project.resolve("sources"));
        Files.writeString(project.resolve("project.yaml"), "name: \"duckdb-library\"\n");
        Files.writeString(project.resolve("sources").resolve("warehouse.yaml"), """
                type: duckdb
                conn_str: "duckdb:///:memory:"
                """);
        Files.writeString(project.resolve("flows").resolve("one.yaml"), """
                steps:
                  - op: transform
                    source: warehouse
                    target_table: one
                    query: SELECT 1 AS x
                """);
        Path log = dir.resolve("library.log");
        Path out = dir.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", launcher.toString(), "run", "one",
                "-p", project.toString(), "--home-dir", dir.resolve("home").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("SEQUOR_JAVA_OPTS", "-Xlog:library=info:file=" + log);
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the run finished").isTrue();
        assertThat(p.exitValue()).as("exit code; output: " + Files.readString(out)).isZero();

        // lines look like: [1.427s][info][library] Loaded library /…/quarkus-app/lib/native/libduckdb_java.so, handle 0x…
        List<String> duckdb = Files.readAllLines(log).stream()
                .filter(line -> line.contains("Loaded library") && line.contains("duckdb_java")).toList();
        assertThat(duckdb).as("DuckDB library loads").hasSize(1);
        return duckdb.getFirst();
    }
}
