package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.testing.MySqlTestDatabase;
import dev.sequor.testing.OpenedDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared database behaviour through {@code type: jdbc} with a named dialect ({@code dialect: mysql}): the MariaDB
 * driver named by class, its URL as written, MySQL's own SQL for everything else.
 */
class JdbcMySqlDatabaseTest extends DatabaseBehaviourTest {

    @Override
    OpenedDatabase open() throws Exception {
        return OpenedDatabase.mySqlWithConfig("sequor-jdbc-mysql-test", POS, database -> {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("type", "jdbc");
            config.put("url", MySqlTestDatabase.jdbcUrl(database));
            config.put("driver", "org.mariadb.jdbc.Driver");
            config.put("dialect", "mysql");
            config.put("username", MySqlTestDatabase.user());
            config.put("password", MySqlTestDatabase.password());
            return config;
        });
    }

    @Test
    void theNamedDialectIsMySqls() {
        assertThat(db.dialect()).isSameAs(MySqlDialect.INSTANCE);
        assertThat(db.defaultNamespace()).isEqualTo(ns);
    }
}
