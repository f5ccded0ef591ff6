package dev.sequor.testing;

import dev.sequor.db.Database;
import dev.sequor.db.Databases;
import dev.sequor.error.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The source "stage" opened on one kind of database, for the tests that run the same behaviour once per database:
 * {@link Databases} in a temporary project folder, the namespace the tests write to, and what to drop on
 * {@link #close()} (the fresh PostgreSQL schema or MySQL database, then the folder).
 * <pre>{@code
 * @BeforeAll void setUp() throws Exception { opened = OpenedDatabase.postgres("sequor-pg-x", POS); }
 * @AfterAll void tearDown() { opened.close(); }
 * }</pre>
 */
public final class OpenedDatabase implements AutoCloseable {

    private final Path projectDir;
    private final Databases databases;
    private final Map<String, Object> sourceConfig;
    private final Database db;
    private final String ns;
    private final Runnable drop;

    private OpenedDatabase(Path projectDir, Databases databases, Map<String, Object> sourceConfig, Database db,
            String ns, Runnable drop) {
        this.projectDir = projectDir;
        this.databases = databases;
        this.sourceConfig = sourceConfig;
        this.db = db;
        this.ns = ns;
        this.drop = drop;
    }

    /** "stage" as a {@code type: postgres} source on the real PostgreSQL, writing to a fresh schema. */
    public static OpenedDatabase postgres(String tmpPrefix, SourcePos pos) throws IOException {
        return postgresWithConfig(tmpPrefix, pos, schema -> PostgresTestDatabase.sourceConfig());
    }

    /** As {@link #postgres(String, SourcePos)}, with the source config {@code config} makes of the schema's name. */
    public static OpenedDatabase postgresWithConfig(String tmpPrefix, SourcePos pos,
            Function<String, Map<String, Object>> config) throws IOException {
        PostgresTestDatabase pg = PostgresTestDatabase.createSchema();
        return open(tmpPrefix, pos, notice -> { }, config.apply(pg.schema()), pg.schema(), pg::close);
    }

    /** "stage" as a {@code type: mysql} source on the real MariaDB (or MySQL), writing to a database of its own. */
    public static OpenedDatabase mySql(String tmpPrefix, SourcePos pos) throws IOException {
        return mySql(tmpPrefix, pos, notice -> { });
    }

    /** As {@link #mySql(String, SourcePos)}, with the run log's notices going to {@code notices}. */
    public static OpenedDatabase mySql(String tmpPrefix, SourcePos pos, Consumer<String> notices) throws IOException {
        MySqlTestDatabase my = MySqlTestDatabase.createDatabase();
        return open(tmpPrefix, pos, notices, my.sourceConfig(), my.database(), my::close);
    }

    /** As {@link #mySql(String, SourcePos)}, with the source config {@code config} makes of the database's name. */
    public static OpenedDatabase mySqlWithConfig(String tmpPrefix, SourcePos pos,
            Function<String, Map<String, Object>> config) throws IOException {
        MySqlTestDatabase my = MySqlTestDatabase.createDatabase();
        return open(tmpPrefix, pos, notice -> { }, config.apply(my.database()), my.database(), my::close);
    }

    /** "stage" as a DuckDB file {@code data/stage.db} in the project folder, writing to {@code main}. */
    public static OpenedDatabase duckDb(String tmpPrefix, SourcePos pos) throws IOException {
        return open(tmpPrefix, pos, notice -> { }, Map.of("type", "duckdb", "conn_str", "duckdb:///data/stage.db"),
                "main", () -> { });
    }

    private static OpenedDatabase open(String tmpPrefix, SourcePos pos, Consumer<String> notices,
            Map<String, Object> config, String ns, Runnable drop) throws IOException {
        Path projectDir = null;
        Databases databases = null;
        try {
            projectDir = Files.createTempDirectory(tmpPrefix);
            databases = new Databases(projectDir, projectDir.resolve(".cache"), notices);
            Database db = databases.open("stage", config, pos);
            return new OpenedDatabase(projectDir, databases, config, db, ns, drop);
        } catch (RuntimeException | IOException e) {
            closeAll(projectDir, databases, drop);
            throw e;
        }
    }

    /** The project folder; DuckDB's own files go to its {@code .cache}. */
    public Path projectDir() {
        return projectDir;
    }

    public Databases databases() {
        return databases;
    }

    /** The rendered config "stage" was opened with, to open it again elsewhere. */
    public Map<String, Object> sourceConfig() {
        return new LinkedHashMap<>(sourceConfig);
    }

    public Database db() {
        return db;
    }

    /** The namespace the tests write to: the fresh schema or database, or DuckDB's {@code main}. */
    public String ns() {
        return ns;
    }

    /** Closes the connections, drops the schema or database, deletes the project folder. */
    @Override
    public void close() {
        closeAll(projectDir, databases, drop);
    }

    private static void closeAll(Path projectDir, Databases databases, Runnable drop) {
        try {
            if (databases != null) {
                databases.close();
            }
        } finally {
            try {
                drop.run();
            } finally {
                deleteFolder(projectDir);
            }
        }
    }

    private static void deleteFolder(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("could not delete " + folder, e);
        }
    }
}
