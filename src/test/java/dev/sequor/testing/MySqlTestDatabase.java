package dev.sequor.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real MySQL or MariaDB server that database tests run against: {@code SEQUOR_TEST_MYSQL_URL} (default
 * {@code mysql://127.0.0.1:3306/test}), {@code SEQUOR_TEST_MYSQL_USER} (default root) and
 * {@code SEQUOR_TEST_MYSQL_PASSWORD} (default empty). Each test class works in a database of its own
 * ({@link #createDatabase()}, dropped on {@link #close()}; a MySQL schema is a database), so test runs in several
 * worktrees never collide. Skipped with a message when no server answers, except on CI ({@code CI=true}).
 */
public final class MySqlTestDatabase implements AutoCloseable {

    private static final TestServer SERVER = new TestServer("MySQL/MariaDB", "MySQL", "SEQUOR_TEST_MYSQL",
            "mysql://127.0.0.1:3306/test", "root", () -> connect(""));

    private final String database;

    private MySqlTestDatabase(String database) {
        this.database = database;
    }

    /** The SQLAlchemy-style URL of the server's test database, as a source file's {@code conn_str} would hold it. */
    public static String url() {
        return SERVER.url();
    }

    /** The URL of another database on the same server. */
    public static String url(String database) {
        return url().replaceFirst("/[^/?]*(\\?.*)?$", "/" + database + "$1");
    }

    public static String user() {
        return SERVER.user();
    }

    public static String password() {
        return SERVER.password();
    }

    /** {@code jdbc:mariadb://host:port/database}, credentials passed separately. */
    public static String jdbcUrl(String database) {
        return "jdbc:mariadb://" + url(database).replaceFirst("^\\w+(\\+\\w+)?://", "");
    }

    /** A plain JDBC connection to {@code database}, for setting up and checking without the code under test. */
    public static Connection connect(String database) throws SQLException {
        // called directly: DriverManager refuses drivers loaded by another class loader (Quarkus tests)
        return new org.mariadb.jdbc.Driver().connect(jdbcUrl(database), SERVER.connectProperties("3000"));
    }

    /** True when the server answers; checked once per JVM. */
    public static boolean available() {
        return SERVER.available();
    }

    /** As {@link PostgresTestDatabase#assumeAvailable()}: skipped when unreachable, failed on CI. */
    public static void assumeAvailable() {
        SERVER.assumeAvailable();
    }

    /** Creates a database {@code sequor_test_<pid>_<random>} for one test class. */
    public static MySqlTestDatabase createDatabase() {
        assumeAvailable();
        String name = "sequor_test_" + ProcessHandle.current().pid() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        run("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        return new MySqlTestDatabase(name);
    }

    public String database() {
        return database;
    }

    /** A rendered source config whose conn_str names this database. */
    public Map<String, Object> sourceConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", "mysql");
        config.put("conn_str", url(database));
        config.put("username", user());
        config.put("password", password());
        return config;
    }

    /** Runs one statement on a fresh connection to the server (test setup and checks). */
    public static void run(String sql) {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MySQL test statement failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        run("DROP DATABASE IF EXISTS `" + database + "`");
    }
}
