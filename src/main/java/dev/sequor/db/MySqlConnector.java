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

    private MySqlConnector(AgroalDataSource pool) {
        this.pool = pool;
    }

    /** The {@code type: mysql} source: {@code conn_str}, {@code username}, {@code password}. */
    static SourceType.Opened open(SourceConfig config) {
        String connStr = config.connStr("mysql://host:3306/database");
        MySqlUrl url = MySqlUrl.parse(connStr, config.text("username"), config.text("password"));
        if (url == null) {
            throw config.notUnderstood("mysql", MySqlUrl.FORMS);
        }
        return new SourceType.Opened(MySqlDialect.INSTANCE, open(config.sourceName(), url, config.pos()));
    }

    static MySqlConnector open(String sourceName, MySqlUrl url, SourcePos pos) {
        JdbcPool pool = new JdbcPool(sourceName, url.jdbcUrl(), org.mariadb.jdbc.Driver.class, url.user(),
                url.password(), Map.of(), MySqlDialect.INSTANCE, MySqlDialect.INSTANCE::errorText);
        return new MySqlConnector(pool.open(pos));
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
