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
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The Agroal pool of a server database source, built at run time (sources are only known once a flow runs, so the
 * pool cannot be Quarkus configuration). The pool is checked once when opened so a bad URL or password fails at the
 * op that first uses the source, with the driver's reason.
 * <p>
 * Every connection is validated when it is handed out, so after the server restarted or a session was killed
 * between two ops the next op gets a new connection instead of a dead one; a connection that failed with a
 * connection error (the dialect's {@link Dialect#connectionLost}) is destroyed when it is given back. Validation is
 * one empty query (about 0.3 ms on a local server, see docs/decisions.md).
 *
 * @param jdbcUrl    without credentials
 * @param user       null for the driver's default
 * @param password   null for none; never part of an error message
 * @param properties driver properties besides the credentials
 * @param reason     the driver's reason for a failed connection, one line
 */
record JdbcPool(String sourceName, String jdbcUrl, Class<? extends Driver> driver, String user, String password,
                Map<String, String> properties, Dialect dialect, Function<SQLException, String> reason) {

    /** Enough for nested for_each loops that each hold a streaming cursor plus their writes. */
    static final int MAX_CONNECTIONS = 8;

    /** How long a borrowed connection may take to answer its validation before it counts as dead. */
    private static final int VALIDATION_SECONDS = 10;

    /** Opens the pool and one connection to prove it works; {@code listeners} see connections come and go. */
    AgroalDataSource open(SourcePos pos, AgroalDataSourceListener... listeners) {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p
                        .initialSize(0)
                        .minSize(0)
                        .maxSize(MAX_CONNECTIONS)
                        .acquisitionTimeout(Duration.ofSeconds(60))
                        .validateOnBorrow(true)
                        .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(VALIDATION_SECONDS))
                        .exceptionSorter(dialect::connectionLost)
                        .connectionFactoryConfiguration(f -> {
                            f.jdbcUrl(jdbcUrl)
                                    .connectionProviderClass(driver)
                                    .autoCommit(true)
                                    .loginTimeout(Duration.ofSeconds(30));
                            properties.forEach(f::jdbcProperty);
                            if (user != null) {
                                f.principal(new NamePrincipal(user));
                            }
                            if (password != null) {
                                f.credential(new SimplePassword(password));
                            }
                            return f;
                        }));
        AgroalDataSource pool = null;
        try {
            pool = AgroalDataSource.from(config, listeners);
            try (Connection ignored = pool.getConnection()) {
                return pool;
            }
        } catch (SQLException e) {
            if (pool != null) {
                pool.close();
            }
            throw SequorException.failed(pos, "Cannot connect to database source '" + sourceName + "': "
                    + withoutSecret(reason.apply(e), password), e);
        }
    }

    /** Drivers do not echo passwords today; this keeps it so if one ever does. */
    static String withoutSecret(String message, String secret) {
        return secret == null || secret.isEmpty() ? message : message.replace(secret, "***");
    }

    @Override
    public String toString() {
        return "JdbcPool[" + sourceName + ", " + jdbcUrl + ", user=" + user + (password == null ? "" : ", password=***")
                + "]";
    }
}
