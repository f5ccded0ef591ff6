package dev.sequor.db;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;

/**
 * Snowflake connections from a {@link JdbcPool} over the official driver ({@code net.snowflake:snowflake-jdbc}),
 * configured by {@link SnowflakeSettings}. The driver class is named only here, so it is loaded when a Snowflake
 * source opens and never before (a flow without one does not pay for its start-up).
 */
final class SnowflakeConnector implements Connector {

    private final AgroalDataSource pool;

    private SnowflakeConnector(AgroalDataSource pool) {
        this.pool = pool;
    }

    /** The {@code type: snowflake} source ({@link SnowflakeSettings#KEYS}). */
    static SourceType.Opened open(SourceConfig config) {
        return open(config, net.snowflake.client.jdbc.SnowflakeDriver.class);
    }

    /** With {@code driver} speaking for Snowflake's (tests hand a driver that records the conversation). */
    static SourceType.Opened open(SourceConfig config, Class<? extends Driver> driver) {
        SnowflakeSettings settings = SnowflakeSettings.of(config);
        SnowflakeDialect dialect = SnowflakeDialect.INSTANCE;
        JdbcPool pool = new JdbcPool(config.sourceName(), settings.jdbcUrl(), driver, settings.user(),
                settings.password(), settings.properties(), dialect, e -> withoutSecrets(dialect.errorText(e), settings));
        return new SourceType.Opened(dialect, new SnowflakeConnector(pool.open(config.pos())));
    }

    private static String withoutSecrets(String message, SnowflakeSettings settings) {
        String out = message;
        for (String secret : settings.secrets()) {
            out = JdbcPool.withoutSecret(out, secret);
        }
        return out;
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
