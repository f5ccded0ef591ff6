package dev.sequor.db;

import dev.sequor.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL database of one test class's own, on the test server. Tests that kill Sequor's sessions or count
 * them need it: other test classes (and other checkouts' test runs) use the shared database at the same time, and
 * {@code datname} is what keeps this class's kills and counts to its own sessions. Dropped (WITH FORCE) on close.
 */
final class ScratchPostgresDatabase implements AutoCloseable {

    private final String name;

    private ScratchPostgresDatabase(String name) {
        this.name = name;
    }

    static ScratchPostgresDatabase create(String purpose) {
        PostgresTestDatabase.assumeAvailable();
        String name = "sequor_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        PostgresTestDatabase.run("CREATE DATABASE " + name);
        return new ScratchPostgresDatabase(name);
    }

    String name() {
        return name;
    }

    /** A rendered postgres source config pointing at this database. */
    Map<String, Object> sourceConfig() {
        Map<String, Object> config = new LinkedHashMap<>(PostgresTestDatabase.sourceConfig());
        config.put("conn_str", PostgresTestDatabase.url(name));
        return config;
    }

    /** A plain connection (application name "PostgreSQL JDBC Driver", not Sequor's) for setup and checks. */
    Connection connect() throws SQLException {
        return PostgresTestDatabase.connect(name);
    }

    /** A plain connection that looks like a Sequor session (another Sequor process, as far as the server can tell). */
    Connection connectAsSequor() throws SQLException {
        Connection c = connect();
        try (var s = c.createStatement()) {
            s.execute("SET application_name = 'sequor'");
        }
        return c;
    }

    /** The first column of the first row of {@code sql}, run on a fresh plain connection. */
    Object value(String sql) throws SQLException {
        try (Connection c = connect(); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Tables named like staging tables, temporary ones of every session included (pg_class sees them all). */
    long stagingTables() throws SQLException {
        return ((Number) value("SELECT count(*) FROM pg_class WHERE relkind = 'r'"
                + " AND left(relname, 14) = '_sequor_stage_'")).longValue();
    }

    /**
     * Terminates every Sequor session on this database (and no other) and waits until the server has ended them,
     * as a server restart or an administrator would. Returns how many there were.
     */
    int killSequorSessions() throws SQLException, InterruptedException {
        int killed = 0;
        try (Connection c = connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = ? AND application_name = 'sequor' AND pid <> pg_backend_pid()")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        killed++;
                    }
                }
            }
            awaitNoSequorSessions(c);
        }
        return killed;
    }

    /** Sequor sessions connected to this database right now. */
    long sequorSessions() throws SQLException {
        try (Connection c = connect()) {
            return sequorSessions(c);
        }
    }

    private long sequorSessions(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = ? AND application_name = 'sequor' AND pid <> pg_backend_pid()")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void awaitNoSequorSessions(Connection c) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sequorSessions(c) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Sequor sessions on " + name + " did not end within 10 s");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        PostgresTestDatabase.run("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
