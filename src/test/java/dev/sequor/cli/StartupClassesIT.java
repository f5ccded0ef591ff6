package dev.sequor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commands that need no engine start none. Runs the packaged tool as users do ({@code target/sequor}, with its AOT
 * cache when there is one) in a fresh JVM that logs every class it loads ({@code -Xlog:class+load}), and fails
 * when a command that has no template (other than text with {@code var('...')}), SQL, HTTP or Python loaded a class of Jinjava, DuckDB, the HTTP client
 * (java.net.http's implementation, which nothing should load since Sequor speaks HTTP/1.1 itself), GraalPy, Agroal or the PostgreSQL, MariaDB or Snowflake driver. Each costs
 * from a tenth of a second to seconds of start-up; see docs/decisions.md, "JVM start-up".
 *
 * <p>An integration test (failsafe, after {@code package}), because it needs {@code target/quarkus-app}.
 */
class StartupClassesIT {

    /** Package prefixes of the engines, as they appear in the class+load log. */
    static final List<String> ENGINES = List.of("com.hubspot.", "jinjava.", "org.duckdb.", "jdk.internal.net.http.",
            "org.graalvm.polyglot.", "com.oracle.graal.",
            "org.graalvm.python.", "io.agroal.", "org.postgresql.", "org.mariadb.", "net.snowflake.");

    static final Path LAUNCHER = Path.of("target", "sequor").toAbsolutePath();

    /** The application's main class: the JVM's own start-up is over when it loads. */
    static final String ENTRY_POINT = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";

    @TempDir
    static Path tmp;

    static Path project;

    @BeforeAll
    static void project() throws IOException {
        assertThat(LAUNCHER).as("run `./mvnw package` first: this test runs the packaged tool").isRegularFile();
        project = tmp.resolve("project");
        Path flows = Files.createDirectories(project.resolve("flows"));
        Files.writeString(project.resolve("project.yaml"), "name: \"startup\"\n");
        // credentials read from variables, as real projects write them: gathering the run's secrets at start must
        // not start Jinjava for a flow that never uses these sources
        Path sources = Files.createDirectories(project.resolve("sources"));
        Files.writeString(sources.resolve("api.yaml"), """
                type: http
                auth:
                  type: bearer_token
                  token: "{{ var('api_token') }}"
                """);
        Files.writeString(sources.resolve("warehouse.yaml"), """
                type: postgres
                conn_str: "postgresql://127.0.0.1:5432/test"
                username: postgres
                password: "{{ var('pg_password') }}"
                """);
        Files.writeString(flows.resolve("plain.yaml"), """
                steps:
                  - op: set_variable
                    set:
                      greeting: hello
                  - op: block
                    steps:
                      - op: print
                        message: "hello"
                """);
        // templates that only read variables render without Jinjava (VarTemplate)
        Files.writeString(flows.resolve("vars.yaml"), """
                steps:
                  - op: set_variable
                    set:
                      name: world
                      count: 3
                      m: {value: {k: v}, scope: local}
                  - op: print
                    message: 'hello {{ var(''name'') }}, {{var("count")}} times, {{ var("m").k }}'
                """);
        Files.writeString(flows.resolve("jinja.yaml"), """
                steps:
                  - op: print
                    message: "{{ 6 * 7 }}"
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "--help", "run plain", "validate plain", "run vars", "validate vars", "init",
            "env init dev"})
    void loadsNoEngine(String command) throws Exception {
        List<String> loaded = run(command);
        assertThat(loaded).as("classes loaded by `sequor " + command + "`").hasSizeGreaterThan(1000);
        assertThat(engines(loaded)).as("engine classes loaded by `sequor " + command + "`").isEmpty();
    }

    /** The control: the log does show an engine when a command needs one, so the test above cannot pass vacuously. */
    @Test
    void aTemplateLoadsJinjava() throws Exception {
        assertThat(engines(run("run jinja"))).anyMatch(c -> c.startsWith("com.hubspot.jinjava."));
    }

    private static List<String> engines(List<String> loaded) {
        return loaded.stream().filter(c -> ENGINES.stream().anyMatch(c::startsWith)).toList();
    }

    /**
     * picocli's classes and Jinjava's expression engine are Java 5 class files, which an AOT cache cannot hold until
     * the build rewrites them with stack map frames (src/aot/CacheableClasses.java); then the core of both comes from
     * the cache (a class the training run never loaded, such as an operator it did not use, still comes from its jar).
     */
    @Test
    void oldClassFilesComeFromTheAotCache() throws Exception {
        Path cache = LAUNCHER.resolveSibling("quarkus-app").resolve("sequor.aot");
        if (Runtime.version().feature() < 25) {
            assertThat(cache).as("JDKs before 25 cannot write an AOT cache: TrainAot skips it").doesNotExist();
            return;
        }
        assertThat(cache).isRegularFile();
        run("run jinja");
        List<String> lines = Files.readAllLines(lastLog);
        for (String core : List.of("picocli.CommandLine", "picocli.CommandLine$Model$CommandSpec",
                "jinjava.de.odysseus.el.tree.impl.Parser", "jinjava.de.odysseus.el.tree.impl.ast.AstBinary",
                "jinjava.javax.el.ExpressionFactory")) {
            assertThat(lines).as(core + " taken from the AOT cache")
                    .anyMatch(l -> l.endsWith("] " + core + " source: shared objects file"));
        }
    }

    /** The class-load log of the last {@link #run}. */
    private static Path lastLog;

    /** Runs {@code sequor COMMAND} (with the project and a fresh home) and returns the names of the classes it loaded. */
    private static List<String> run(String command) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "run");
        Path log = dir.resolve("classes.log");
        lastLog = log;
        List<String> args = new ArrayList<>(List.of("/bin/sh", LAUNCHER.toString()));
        args.addAll(List.of(command.split(" ")));
        switch (command.split(" ")[0]) {
            case "run", "validate" -> args.addAll(List.of("-p", project.toString(), "--home-dir", dir.toString()));
            case "init" -> args.add(dir.resolve("new").toString());
            case "env" -> args.addAll(List.of("--home-dir", dir.toString()));
            default -> { }
        }
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().put("SEQUOR_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("`sequor " + command + "` finished").isTrue();
        assertThat(p.exitValue()).as("exit code of `sequor " + command + "`: " + Files.readString(dir.resolve("out.txt")))
                .isZero();
        // lines look like: [0.012s][info][class,load] java.lang.Object source: shared objects file
        // Only what loads from the application's entry point on counts: before it, the JVM preloads the AOT cache's
        // JDK classes (JEP 483's class linking, the JDK's HTTP client among them), whatever the command.
        List<String> classes = new ArrayList<>();
        boolean started = false;
        for (String line : Files.readAllLines(log)) {
            started |= line.contains(" " + ENTRY_POINT + " ");
            int start = line.indexOf("] ", line.indexOf("[class,load]"));
            if (started && start > 0) {
                String rest = line.substring(start + 2);
                int space = rest.indexOf(' ');
                classes.add(space < 0 ? rest : rest.substring(0, space));
            }
        }
        return classes;
    }
}
