package dev.sequor.db;

import dev.sequor.error.SourcePos;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * MySQL and MariaDB connections from a {@link JdbcPool} over the MariaDB driver, which speaks to both servers.
 * Staging tables of other runs are told apart by their locks ({@link RenameSwap}), not by the sessions connected,
 * so this connector never reports other Sequor sessions.
 */
final class MySqlConnector implements Connector {

    private final AgroalDataSource pool;
    private final MySqlDialect dialect;

    private MySqlConnector(AgroalDataSource pool, MySqlDialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** The {@code type: mysql} source: {@code conn_str}, {@code username}, {@code password}. */
    static SourceType.Opened open(SourceConfig config) {
        String connStr = config.connStr("mysql://host:3306/database");
        MySqlUrl url = MySqlUrl.parse(connStr, config.text("username"), config.text("password"));
        if (url == null) {
            throw config.notUnderstood("mysql", MySqlUrl.FORMS);
        }
        MySqlConnector connector = open(config.sourceName(), url, config.pos());
        return new SourceType.Opened(connector.dialect, connector);
    }

    static MySqlConnector open(String sourceName, MySqlUrl url, SourcePos pos) {
        JdbcPool pool = new JdbcPool(sourceName, url.jdbcUrl(), org.mariadb.jdbc.Driver.class, url.user(),
                url.password(), Map.of(), MySqlDialect.INSTANCE, MySqlDialect.INSTANCE::errorText);
        AgroalDataSource opened = pool.open(pos);
        return new MySqlConnector(opened, MySqlDialect.forServer(serverVersion(opened)));
    }

    /** The version the server reports, or null when it cannot be asked (the first statement then says why). */
    private static String serverVersion(AgroalDataSource pool) {
        try (Connection c = pool.getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return null;
        }
    }

    /** MySQL's or MariaDB's dialect, as the server this source reaches is one or the other. */
    MySqlDialect dialect() {
        return dialect;
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
