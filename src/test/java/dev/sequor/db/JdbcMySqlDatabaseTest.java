package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.testing.MySqlTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared database behaviour through {@code type: jdbc} with a named dialect ({@code dialect: mysql}): the MariaDB
 * driver named by class, its URL as written, MySQL's own SQL for everything else.
 */
class JdbcMySqlDatabaseTest extends DatabaseBehaviourTest {

    MySqlTestDatabase my;

    @Override
    void open() throws Exception {
        my = MySqlTestDatabase.createDatabase();
        Path tmp = Files.createTempDirectory("sequor-jdbc-mysql-test");
        databases = new Databases(tmp, tmp.resolve(".cache"));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", "jdbc");
        config.put("url", MySqlTestDatabase.jdbcUrl(my.database()));
        config.put("driver", "org.mariadb.jdbc.Driver");
        config.put("dialect", "mysql");
        config.put("username", MySqlTestDatabase.user());
        config.put("password", MySqlTestDatabase.password());
        db = databases.open("stage", config, POS);
        ns = my.database();
    }

    @Override
    void cleanUp() {
        if (my != null) {
            my.close();
        }
    }

    @Test
    void theNamedDialectIsMySqls() {
        assertThat(db.dialect()).isSameAs(MySqlDialect.INSTANCE);
        assertThat(db.defaultNamespace()).isEqualTo(my.database());
    }
}
