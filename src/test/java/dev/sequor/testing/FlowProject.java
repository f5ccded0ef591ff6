package dev.sequor.testing;

import dev.sequor.run.FlowRunRequest;
import dev.sequor.run.FlowRunner;
import dev.sequor.run.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A throw-away Sequor project for tests that run real flows through {@link FlowRunner} (the path of
 * {@code sequor run}): a database source {@code stage} (a DuckDB file, or a PostgreSQL database of the test's own),
 * an HTTP source {@code api}, the environment {@code test}, and a home folder whose saved project variables the test
 * can read back.
 * <pre>{@code
 * FlowProject p = FlowProject.create(tmp, Db.DUCKDB, "base_url: http://127.0.0.1:8080");
 * p.flow("main", "steps: [...]");
 * FlowProject.Result r = p.run("main");
 * }</pre>
 */
public final class FlowProject {

    /** The database behind the {@code stage} source. */
    public enum Db {
        DUCKDB, POSTGRES
    }

    /** What a run left: exit code, standard output and standard error. */
    public record Result(int exit, String out, String err) {

        /** The first line of standard error that contains {@code text}, or null. */
        public String errLine(String text) {
            return err.lines().filter(l -> l.contains(text)).findFirst().orElse(null);
        }
    }

    public static final String PROJECT_NAME = "flow_test";

    private final Path project;
    private final Path home;
    private final Db db;
    private final String pgDatabase;

    private FlowProject(Path project, Path home, Db db, String pgDatabase) {
        this.project = project;
        this.home = home;
        this.db = db;
        this.pgDatabase = pgDatabase;
    }

    /**
     * A project in {@code dir}. For {@link Db#POSTGRES}, {@code pgDatabase} must exist (see
     * {@link #recreatePostgresDatabase}); its schema {@code public} is emptied here so each test starts clean.
     * {@code envVariables} are the lines of the environment's {@code variables:} mapping.
     */
    public static FlowProject create(Path dir, Db db, String pgDatabase, String... envVariables) throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path home = dir.resolve("home");
        Files.writeString(project.resolve("project.yaml"), "name: " + PROJECT_NAME + "\n");
        Files.createDirectories(project.resolve("sources"));
        Files.createDirectories(project.resolve("flows"));
        if (db == Db.DUCKDB) {
            Files.writeString(project.resolve("sources/stage.yaml"), "type: duckdb\nconn_str: \"duckdb:///stage.duckdb\"\n");
        } else {
            PostgresTestDatabase.assumeAvailable();
            try (Connection c = PostgresTestDatabase.connect(pgDatabase); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS public CASCADE");
                s.execute("CREATE SCHEMA public");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Files.writeString(project.resolve("sources/stage.yaml"), "type: postgres\nconn_str: \""
                    + PostgresTestDatabase.url(pgDatabase) + "\"\nusername: \"" + PostgresTestDatabase.user()
                    + "\"\npassword: \"" + PostgresTestDatabase.password() + "\"\n");
        }
        apiSource(project, "type: http\n");
        Files.createDirectories(home.resolve("envs"));
        StringBuilder env = new StringBuilder("variables:\n");
        for (String line : envVariables) {
            env.append("  ").append(line).append('\n');
        }
        Files.writeString(home.resolve("envs/test.yaml"), env);
        return new FlowProject(project, home, db, pgDatabase);
    }

    /** Drops and creates a PostgreSQL database for one test class (no-op when PostgreSQL is unreachable). */
    public static void recreatePostgresDatabase(String name) throws SQLException {
        if (!PostgresTestDatabase.available()) {
            return;
        }
        try (Connection c = PostgresTestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
    }

    /** Replaces {@code sources/api.yaml}. */
    public FlowProject apiSource(String yaml) throws IOException {
        apiSource(project, yaml);
        return this;
    }

    private static void apiSource(Path project, String yaml) throws IOException {
        Files.writeString(project.resolve("sources/api.yaml"), yaml);
    }

    public FlowProject flow(String name, String yaml) throws IOException {
        Files.writeString(project.resolve("flows/" + name + ".yaml"), yaml);
        return this;
    }

    public Db db() {
        return db;
    }

    /** Runs {@code flow} as {@code sequor run FLOW --env test} does. */
    public Result run(String flow) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new FlowRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new FlowRunRequest(project, home.toString(), "test", flow, RunOptions.defaults(), true, false,
                        false));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The command line of {@code sequor run FLOW} on this project and environment, then {@code options}. */
    public String[] cliArgs(String flow, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("run", flow, "-p", project.toString(), "--home-dir",
                home.toString(), "--env", "test"));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    /** Every row of {@code sql} as a list of column values rendered with {@code String.valueOf}. */
    public List<List<String>> rows(String sql) throws SQLException {
        try (Connection c = db == Db.DUCKDB ? DuckDbFiles.connect(project.resolve("stage.duckdb"))
                : PostgresTestDatabase.connect(pgDatabase)) {
            return rows(c, sql);
        }
    }

    /** Every row of {@code sql} on {@code c}, as {@link #rows(String)} gives them. */
    public static List<List<String>> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.add(v == null ? null : String.valueOf(v));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The run log of the home folder (every run appends to it), with the lines {@code quiet} keeps off the console. */
    public String log() throws IOException {
        Path file = home.resolve("logs/sequor.log");
        return Files.isRegularFile(file) ? Files.readString(file) : "";
    }

    /** The project variables saved in the home folder (empty when none were ever saved). */
    public Map<String, Object> savedVariables() throws IOException {
        Path file = home.resolve("project_state/" + PROJECT_NAME + "/variables.yaml");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Object loaded = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = loaded == null ? Map.of() : (Map<String, Object>) loaded;
        return vars;
    }
}
