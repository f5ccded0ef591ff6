package dev.sequor.golden;

import dev.sequor.testing.MySqlTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The MariaDB (or MySQL) database the golden cases run in: one per test JVM, {@code sequor_golden_<pid>_<random>},
 * so runs in several worktrees on one server never meet; each case starts from an empty one (dropped and created
 * again), and it is dropped when the tests end. Cases that write to another namespace would write to another
 * database of the shared server, so they list their databases without mysql.
 */
final class GoldenMySql implements AutoCloseable {

    private final String database;

    private GoldenMySql(String database) {
        this.database = database;
    }

    /** Creates the database; the caller has checked that the server is reachable. */
    static GoldenMySql create() {
        String name = "sequor_golden_" + ProcessHandle.current().pid() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        MySqlTestDatabase.run("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        return new GoldenMySql(name);
    }

    /** The URL a source file's {@code conn_str} holds. */
    String url() {
        return MySqlTestDatabase.url(database);
    }

    Connection connect() throws SQLException {
        return MySqlTestDatabase.connect(database);
    }

    /** An empty database for the next case. */
    void reset() {
        MySqlTestDatabase.run("DROP DATABASE IF EXISTS `" + database + "`");
        MySqlTestDatabase.run("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
    }

    @Override
    public void close() {
        MySqlTestDatabase.run("DROP DATABASE IF EXISTS `" + database + "`");
    }
}
