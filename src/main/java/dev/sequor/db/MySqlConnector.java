package dev.sequor.db;

import dev.sequor.error.SourcePos;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceListener;
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
        ServerVersion version = new ServerVersion();
        AgroalDataSource opened = pool.open(pos, version);
        return new MySqlConnector(opened, MySqlDialect.forServer(version.reported));
    }

    /**
     * The version the server reported on the pool's first connection, the one that proves the source works: the
     * driver has it from the handshake, so knowing it costs no round trip. Null when it could not be read.
     */
    private static final class ServerVersion implements AgroalDataSourceListener {
        private volatile String reported;

        @Override
        public void onConnectionCreation(Connection c) {
            if (reported == null) {
                try {
                    reported = c.getMetaData().getDatabaseProductVersion();
                } catch (SQLException e) {
                    // the dialect for an unknown server: its key collation is one every version has
                }
            }
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
