package dev.sequor.golden;

import dev.sequor.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL database the golden cases run in: one per test JVM, named {@code sequor_golden_<pid>_<random>}, so
 * runs in several worktrees (or several JVMs) on one server never drop each other's tables; created on first use
 * and dropped when the tests end. Each case starts from an empty database: every schema but the system ones is
 * dropped and {@code public} recreated.
 */
final class GoldenPostgres implements AutoCloseable {

    private final String database;

    private GoldenPostgres(String database) {
        this.database = database;
    }

    /** Creates the database; the caller has checked that PostgreSQL is reachable. */
    static GoldenPostgres create() {
        String name = PostgresTestDatabase.uniqueDatabaseName("sequor_golden");
        PostgresTestDatabase.run("CREATE DATABASE " + name);
        return new GoldenPostgres(name);
    }

    /** The URL a source file's {@code conn_str} holds. */
    String url() {
        return PostgresTestDatabase.url(database);
    }

    Connection connect() throws SQLException {
        return PostgresTestDatabase.connect(database);
    }

    /** Drops every user schema and recreates an empty {@code public}, so no case sees another's tables. */
    void reset() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                    + " AND nspname <> 'information_schema'")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            for (String schema : schemas) {
                s.execute("DROP SCHEMA \"" + schema.replace("\"", "\"\"") + "\" CASCADE");
            }
            s.execute("CREATE SCHEMA public");
        }
    }

    @Override
    public void close() {
        PostgresTestDatabase.dropDatabase(database);
    }
}
