package dev.sequor.db;

import dev.sequor.error.SequorException;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;

/**
 * Snowflake connections from a {@link JdbcPool} over the official driver ({@code net.snowflake:snowflake-jdbc}),
 * configured by {@link SnowflakeSettings}. The driver is looked up by name when a Snowflake source opens and never
 * before (a flow without one does not pay for its start-up), and by name rather than as a class literal because the
 * native executable leaves it out (it does not compile into a native image; docs/decisions.md, "Snowflake driver").
 */
final class SnowflakeConnector implements Connector {

    private final AgroalDataSource pool;

    private SnowflakeConnector(AgroalDataSource pool) {
        this.pool = pool;
    }

    static final String DRIVER = "net.snowflake.client.jdbc.SnowflakeDriver";
    /** The driver's switch for decrypting private keys with the BouncyCastle it carries. */
    static final String BOUNCY_CASTLE = "net.snowflake.jdbc.enableBouncyCastle";

    /** The {@code type: snowflake} source ({@link SnowflakeSettings#KEYS}). */
    static SourceType.Opened open(SourceConfig config) {
        return open(config, DRIVER);
    }

    /** With the driver class named {@code driverName}, which may be missing from this build. */
    static SourceType.Opened open(SourceConfig config, String driverName) {
        SnowflakeSettings.of(config); // a bad file is refused for what it is, in every build
        Class<? extends Driver> driver;
        try {
            driver = Class.forName(driverName, false, SnowflakeConnector.class.getClassLoader()).asSubclass(Driver.class);
        } catch (ClassNotFoundException | LinkageError e) {
            throw SequorException.invalid(config.pos(), "Source '" + config.sourceName() + "' is of type snowflake,"
                    + " which this build of Sequor does not include (the native executable leaves Snowflake's driver"
                    + " out); run the flow with Sequor's JVM build (docs/databases/snowflake.md)");
        }
        return open(config, driver);
    }

    /** With {@code driver} speaking for Snowflake's (tests hand a driver that records the conversation). */
    static SourceType.Opened open(SourceConfig config, Class<? extends Driver> driver) {
        SnowflakeSettings settings = SnowflakeSettings.of(config);
        if (settings.properties().containsKey("private_key_file_pwd")) {
            // The JDK cannot read the PBES2 keys OpenSSL 3 encrypts by default; the driver's own BouncyCastle can,
            // when asked ("Key decryption errors" in Snowflake's JDBC documentation). A user's own setting wins.
            System.getProperties().putIfAbsent(BOUNCY_CASTLE, "true");
        }
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
