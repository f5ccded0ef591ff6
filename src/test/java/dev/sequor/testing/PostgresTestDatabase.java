package dev.sequor.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real PostgreSQL that database tests run against: {@code SEQUOR_TEST_PG_URL} (default
 * {@code postgresql://127.0.0.1:5432/test}), {@code SEQUOR_TEST_PG_USER} (default postgres) and
 * {@code SEQUOR_TEST_PG_PASSWORD} (default empty). Each test class works in its own fresh schema
 * ({@link #createSchema()}, dropped with CASCADE on {@link #close()}) so classes never collide.
 * <pre>{@code
 * @BeforeAll static void start() { PostgresTestDatabase.assumeAvailable(); pg = PostgresTestDatabase.createSchema(); }
 * @AfterAll static void stop() { pg.close(); }
 * }</pre>
 */
public final class PostgresTestDatabase implements AutoCloseable {

    private static final TestServer SERVER = new TestServer("PostgreSQL", "PostgreSQL", "SEQUOR_TEST_PG",
            "postgresql://127.0.0.1:5432/test", "postgres", PostgresTestDatabase::connect);

    private final String schema;

    private PostgresTestDatabase(String schema) {
        this.schema = schema;
    }

    /** The SQLAlchemy-style URL, as a source file's {@code conn_str} would hold it. */
    public static String url() {
        return SERVER.url();
    }

    /** The URL of another database on the same server (for tests that create a database of their own). */
    public static String url(String database) {
        return url().replaceFirst("/[^/?]*(\\?.*)?$", "/" + database + "$1");
    }

    public static String user() {
        return SERVER.user();
    }

    public static String password() {
        return SERVER.password();
    }

    /** The same database as a JDBC URL (credentials are passed separately). */
    public static String jdbcUrl() {
        String url = url();
        return url.startsWith("jdbc:") ? url : "jdbc:" + url.replaceFirst("^postgres(ql)?(\\+\\w+)?://", "postgresql://");
    }

    /** A plain JDBC connection, for tests that check what landed without going through the code under test. */
    public static Connection connect() throws SQLException {
        // The driver is called directly: DriverManager refuses drivers loaded by another class loader,
        // which happens when Quarkus tests and plain tests share a JVM.
        return new org.postgresql.Driver().connect(jdbcUrl(), SERVER.connectProperties("3"));
    }

    /** A plain JDBC connection to another database on the same server. */
    public static Connection connect(String database) throws SQLException {
        return new org.postgresql.Driver().connect("jdbc:" + url(database).replaceFirst("^postgres(ql)?(\\+\\w+)?://",
                "postgresql://"), SERVER.connectProperties("3"));
    }

    /** True when the database answers; checked once per JVM. */
    public static boolean available() {
        return SERVER.available();
    }

    /**
     * Skips the calling test when PostgreSQL is unreachable, except on CI ({@code CI=true}) where it fails. Whenever
     * a server answers, its tests run, on CI or not. A skipped test is reported by the runner as skipped (an aborted
     * assumption, with this message in its report); the first one also says so on the console, where Maven shows only
     * a count of skipped tests.
     */
    public static void assumeAvailable() {
        SERVER.assumeAvailable();
    }

    /**
     * A database name of this JVM's own, {@code <prefix>_<pid>_<random>}, for tests that create a whole database:
     * a fixed name would be dropped and recreated under the feet of a test run in another worktree.
     */
    public static String uniqueDatabaseName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Drops a database made for a test, ending the sessions still connected to it. */
    public static void dropDatabase(String name) {
        run("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Creates a schema {@code sequor_test_<random>} for one test class. */
    public static PostgresTestDatabase createSchema() {
        assumeAvailable();
        String schema = "sequor_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        run("CREATE SCHEMA " + schema);
        return new PostgresTestDatabase(schema);
    }

    public String schema() {
        return schema;
    }

    /** A rendered source config ({@code type}, {@code conn_str}, {@code username}, {@code password}). */
    public static Map<String, Object> sourceConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", "postgres");
        config.put("conn_str", url());
        config.put("username", user());
        config.put("password", password());
        return config;
    }

    /** Runs one statement on a fresh connection (test setup and checks). */
    public static void run(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test statement failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        run("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
