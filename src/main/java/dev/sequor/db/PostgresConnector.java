package dev.sequor.db;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceListener;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;

/**
 * PostgreSQL connections from an Agroal pool built at run time (sources are only known once a flow runs, so the
 * pool cannot be Quarkus configuration). The pool is checked once when opened so a bad URL or password fails at
 * the op that first uses the source, with the driver's reason.
 * <p>
 * Every connection is validated when it is handed out, so after the server restarted or a session was killed
 * between two ops the next op gets a new connection instead of a dead one; a connection that failed with a
 * connection error is destroyed when it is given back. Validation is one empty query (about 0.3 ms on a local
 * server, see docs/decisions.md).
 */
final class PostgresConnector implements Connector {

    /** Enough for nested for_each loops that each hold a streaming cursor plus their writes. */
    private static final int MAX_CONNECTIONS = 8;

    /** How long a borrowed connection may take to answer its validation before it counts as dead. */
    private static final int VALIDATION_SECONDS = 10;

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

    static PostgresConnector open(String sourceName, PostgresUrl url, SourcePos pos) {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p
                        .initialSize(0)
                        .minSize(0)
                        .maxSize(MAX_CONNECTIONS)
                        .acquisitionTimeout(Duration.ofSeconds(60))
                        .validateOnBorrow(true)
                        .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(VALIDATION_SECONDS))
                        .exceptionSorter(PostgresDialect.INSTANCE::connectionLost)
                        .connectionFactoryConfiguration(f -> {
                            f.jdbcUrl(url.jdbcUrl())
                                    .connectionProviderClass(org.postgresql.Driver.class)
                                    .autoCommit(true)
                                    .loginTimeout(Duration.ofSeconds(30))
                                    .jdbcProperty("ApplicationName", APPLICATION_NAME);
                            if (url.user() != null) {
                                f.principal(new NamePrincipal(url.user()));
                            }
                            if (url.password() != null) {
                                f.credential(new SimplePassword(url.password()));
                            }
                            return f;
                        }));
        Set<Integer> ownBackends = OWN_BACKENDS.computeIfAbsent(url.jdbcUrl(), u -> ConcurrentHashMap.newKeySet());
        AgroalDataSource pool = null;
        try {
            pool = AgroalDataSource.from(config, new BackendTracker(ownBackends));
            try (Connection ignored = pool.getConnection()) {
                return new PostgresConnector(pool, ownBackends);
            }
        } catch (SQLException e) {
            if (pool != null) {
                pool.close();
            }
            throw SequorException.failed(pos, "Cannot connect to database source '" + sourceName + "': "
                    + withoutSecret(Dialect.firstLine(e.getMessage()), url.password()), e);
        }
    }

    /** Drivers do not echo passwords today; this keeps it so if one ever does. */
    private static String withoutSecret(String message, String secret) {
        return secret == null || secret.isEmpty() ? message : message.replace(secret, "***");
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
