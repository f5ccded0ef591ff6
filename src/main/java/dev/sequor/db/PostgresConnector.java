package dev.sequor.db;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * PostgreSQL connections from an Agroal pool built at run time (sources are only known once a flow runs, so the
 * pool cannot be Quarkus configuration). The pool is checked once when opened so a bad URL or password fails at
 * the op that first uses the source, with the driver's reason.
 */
final class PostgresConnector implements Connector {

    /** Enough for nested for_each loops that each hold a streaming cursor plus their writes. */
    private static final int MAX_CONNECTIONS = 8;

    private final AgroalDataSource pool;

    private PostgresConnector(AgroalDataSource pool) {
        this.pool = pool;
    }

    static PostgresConnector open(String sourceName, PostgresUrl url, SourcePos pos) {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p
                        .initialSize(0)
                        .minSize(0)
                        .maxSize(MAX_CONNECTIONS)
                        .acquisitionTimeout(Duration.ofSeconds(60))
                        .connectionFactoryConfiguration(f -> {
                            f.jdbcUrl(url.jdbcUrl())
                                    .connectionProviderClass(org.postgresql.Driver.class)
                                    .autoCommit(true)
                                    .loginTimeout(Duration.ofSeconds(30))
                                    .jdbcProperty("ApplicationName", "sequor");
                            if (url.user() != null) {
                                f.principal(new NamePrincipal(url.user()));
                            }
                            if (url.password() != null) {
                                f.credential(new SimplePassword(url.password()));
                            }
                            return f;
                        }));
        AgroalDataSource pool = null;
        try {
            pool = AgroalDataSource.from(config);
            try (Connection ignored = pool.getConnection()) {
                return new PostgresConnector(pool);
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

    @Override
    public void close() {
        pool.close();
    }
}
