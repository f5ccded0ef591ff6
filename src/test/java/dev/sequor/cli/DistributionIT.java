package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM distribution {@code ./mvnw package} makes ({@code target/sequor-VERSION.tar.gz}), unpacked into a folder
 * with a space in its name, runs a DuckDB flow; {@code scripts/install --no-build PREFIX} installs it with a link
 * in {@code PREFIX/bin} that runs from anywhere. Both archives hold both launchers ({@code bin/sequor} and the
 * Windows {@code bin/sequor.cmd}) beside {@code lib/quarkus-app}, and the two launchers start Java alike. An
 * unpacked or installed copy runs its own classes, not those of {@code target/quarkus-app} where the AOT cache was
 * trained (docs/decisions.md, "The AOT cache only where it was trained").
 *
 * <p>An integration test (failsafe, after {@code package}), because it needs the archive.
 */
class DistributionIT {

    @TempDir
    Path tmp;

    /** The archive of the version being built (an older version's may still lie in target/). */
    private static Path archive() {
        return archive(".tar.gz");
    }

    private static Path archive(String extension) {
        Path archive = Path.of("target", "sequor-" + version() + extension);
        assertThat(archive).as("run `./mvnw package` first: it makes target/sequor-VERSION" + extension).isRegularFile();
        return archive.toAbsolutePath();
    }

    private static String version() {
        return System.getProperty("project.version", "");
    }

    @Test
    void bothArchivesHoldBothLaunchersBesideTheApplication() throws Exception {
        String top = "sequor-" + version() + "/";
        List<String> wanted = List.of(top + "bin/sequor", top + "bin/sequor.cmd", top + "lib/quarkus-app/quarkus-run.jar");
        List<String> tarNames = List.of(run(tmp, "tar", "tzf", archive(".tar.gz").toString()).split("\n"));
        // no AOT cache: the launcher would not use one trained in target/ (docs/decisions.md)
        assertThat(tarNames).containsAll(wanted).noneMatch(name -> name.contains("sequor.aot"));
        try (ZipFile zip = new ZipFile(archive(".zip").toFile())) {
            List<String> zipNames = zip.stream().map(ZipEntry::getName).toList();
            assertThat(zipNames).containsAll(wanted).noneMatch(name -> name.contains("sequor.aot"));
            ZipEntry cmd = zip.getEntry(top + "bin/sequor.cmd");
            try (InputStream in = zip.getInputStream(cmd)) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text).as("cmd.exe wants CRLF line ends").contains("\r\n").doesNotContainPattern("[^\r]\n");
                assertThat(text).contains("\\lib\\quarkus-app").contains("quarkus-run.jar")
                        .contains("%JAVA_HOME%\\bin\\java.exe").contains("sequor.aot")
                        .contains("-Djava.library.path=%app%\\lib\\native");
            }
        }
    }

    /** One list of JVM options in both launchers: the Windows one must not drift from bin/sequor. */
    @Test
    void theWindowsLauncherStartsJavaWithTheSameOptions() throws IOException {
        assertThat(jvmOptions(Path.of("src/main/launcher/sequor.cmd"), "\"%java_cmd%\" (.*?) %aot_opt%"))
                .isEqualTo(jvmOptions(Path.of("src/main/launcher/sequor"), "exec \"\\$java_cmd\" (.*?) \\$\\{aot_opts"))
                .contains("--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC");
    }

    private static List<String> jvmOptions(Path launcher, String javaLine) throws IOException {
        Matcher m = Pattern.compile(javaLine).matcher(Files.readString(launcher));
        assertThat(m.find()).as(launcher + " starts Java with a line matching " + javaLine).isTrue();
        return new ArrayList<>(Arrays.asList(m.group(1).trim().split("\\s+")));
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

    /**
     * A JDK 25 AOT cache gives the classes it holds the code source of the run that trained it, and Quarkus finds the
     * application's jars from that code source: a copy trained in target/ loaded its classes from target/quarkus-app.
     */
    @Test
    void theUnpackedArchiveLoadsTheApplicationFromItsOwnFolder() throws Exception {
        Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
        run(tmp, "tar", "xzf", archive().toString(), "-C", unpacked.toString());
        Path home = unpacked.resolve("sequor-" + version());
        assertLoadsItsClassesFrom(home.resolve("bin").resolve("sequor"), home.resolve("lib").resolve("quarkus-app"));
    }

    /**
     * Runs {@code launcher completion bash} with the JVM's class-load log: every class read from a file comes from
     * {@code app}, some of Sequor's own among them (the unpacked archive has no AOT cache, the installed copy one
     * trained there, which does not hold the classes only {@code completion} uses), and returns the log.
     */
    private String assertLoadsItsClassesFrom(Path launcher, Path app) throws Exception {
        String log = run(tmp, Map.of("SEQUOR_JAVA_OPTS", "-Xlog:class+load"), launcher.toString(), "completion",
                "bash");
        List<String> fromFiles = log.lines().filter(l -> l.contains(" source: file:")).toList();
        String appUrl = "file:" + app.toUri().getRawPath(); // "prefix%20with%20space/", as the log writes it
        List<String> elsewhere = fromFiles.stream().filter(l -> !l.contains(" source: " + appUrl)).toList();
        assertThat(elsewhere.stream().limit(3).toList())
                .as("%d of %d classes read from files not under %s, e.g.", elsewhere.size(), fromFiles.size(), app)
                .isEmpty();
        assertThat(fromFiles).as("Sequor's own classes loaded from " + app).anyMatch(l -> l.contains("] dev.sequor."));
        assertThat(log).contains("complete -o filenames -F _sequor sequor");
        return log;
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
        // the archive has no AOT cache; install trains one in the installed folder, which that copy then uses
        Path app = prefix.resolve("lib").resolve("sequor").resolve("lib").resolve("quarkus-app");
        String log = assertLoadsItsClassesFrom(link, app);
        if (Runtime.version().feature() >= 25) {
            assertThat(app.resolve("sequor.aot")).isRegularFile();
            assertThat(Files.readString(app.resolve("sequor.aot.app-folder")).strip()).isEqualTo(app.toString());
            assertThat(log).as("classes taken from the AOT cache")
                    .contains("] dev.sequor.cli.SequorCommand source: shared objects file")
                    .as("picocli's Java 5 classes, rewritten by the install's training too")
                    .contains("] picocli.CommandLine source: shared objects file");
        }
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
        return run(cwd, Map.of(), command);
    }

    private String run(Path cwd, Map<String, String> env, String... command) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("finished").isTrue();
        String printed = Files.readString(out);
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + printed).isZero();
        return printed;
    }
}
