package dev.sequor.db;

import dev.sequor.error.SourcePos;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;

/**
 * PostgreSQL connections from a {@link JdbcPool}, which also tracks the backend of each connection so that
 * {@link #otherSequorConnected} can tell this process's sessions from another Sequor's.
 */
final class PostgresConnector implements Connector {

    /** What every Sequor session shows in pg_stat_activity; {@link #otherSequorConnected} relies on it. */
    static final String APPLICATION_NAME = "sequor";

    /**
     * Backend process ids of the open connections of every pool of this process, by JDBC URL: all of them are this
     * version's sessions, whatever source or run opened them.
     */
    private static final Map<String, Set<Integer>> OWN_BACKENDS = new ConcurrentHashMap<>();

    private final AgroalDataSource pool;
    private final Set<Integer> ownBackends;

    private PostgresConnector(AgroalDataSource pool, Set<Integer> ownBackends) {
        this.pool = pool;
        this.ownBackends = ownBackends;
    }

    /** The {@code type: postgres} source: {@code conn_str}, {@code username}, {@code password}. */
    static SourceType.Opened open(SourceConfig config) {
        String connStr = config.connStr("postgresql://host:5432/database");
        PostgresUrl url = PostgresUrl.parse(connStr, config.text("username"), config.text("password"));
        if (url == null) {
            throw config.notUnderstood("postgres",
                    "postgresql://[user[:password]@]host[:port]/database or jdbc:postgresql://host:port/database");
        }
        return new SourceType.Opened(PostgresDialect.INSTANCE, open(config.sourceName(), url, config.pos()));
    }

    static PostgresConnector open(String sourceName, PostgresUrl url, SourcePos pos) {
        Set<Integer> ownBackends = OWN_BACKENDS.computeIfAbsent(url.jdbcUrl(), u -> ConcurrentHashMap.newKeySet());
        JdbcPool pool = new JdbcPool(sourceName, url.jdbcUrl(), org.postgresql.Driver.class, url.user(), url.password(),
                Map.of("ApplicationName", APPLICATION_NAME), PostgresDialect.INSTANCE,
                e -> Dialect.firstLine(e.getMessage()));
        return new PostgresConnector(pool.open(pos, new BackendTracker(ownBackends)), ownBackends);
    }

    @Override
    public Connection acquire() throws SQLException {
        return pool.getConnection();
    }

    /** Sessions of any Sequor (by application name) on the same database that are not this process's own. */
    @Override
    public boolean otherSequorConnected(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pid FROM pg_stat_activity"
                + " WHERE datname = current_database() AND application_name = ?")) {
            ps.setString(1, APPLICATION_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!ownBackends.contains(rs.getInt(1))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Keeps the backend pid of each physical connection while the pool holds it (no round trip: pgjdbc knows it). */
    private record BackendTracker(Set<Integer> pids) implements AgroalDataSourceListener {

        @Override
        public void onConnectionCreation(Connection connection) {
            pid(connection, true);
        }

        @Override
        public void beforeConnectionDestroy(Connection connection) {
            pid(connection, false);
        }

        private void pid(Connection connection, boolean add) {
            try {
                int pid = connection.unwrap(PGConnection.class).getBackendPID();
                if (add) {
                    pids.add(pid);
                } else {
                    pids.remove(pid);
                }
            } catch (SQLException notPostgres) {
                // Every connection of this pool is pgjdbc's; nothing to track otherwise.
            }
        }
    }
}
