package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** conn_str parsing for every database type, without connecting. */
class ConnectionStringTest {

    static final Path PROJECT = Path.of("/work/project");

    @Test
    void sqlAlchemyPostgresUrlsBecomeJdbcUrlsWithSeparateCredentials() {
        PostgresUrl url = PostgresUrl.parse("postgresql+psycopg2://bob:p%40ss@db.example.com:6543/sales?sslmode=require",
                null, null);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/sales?sslmode=require");
        assertThat(url.user()).isEqualTo("bob");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.toString()).doesNotContain("p@ss");

        assertThat(PostgresUrl.parse("postgres://h/db", null, null).jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(PostgresUrl.parse("postgresql://127.0.0.1:5432/test", null, null))
                .isEqualTo(new PostgresUrl("jdbc:postgresql://127.0.0.1:5432/test", null, null));
        assertThat(PostgresUrl.parse("postgresql:///test", null, null).jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/test");
    }

    @Test
    void usernameAndPasswordKeysOverrideTheUrl() {
        PostgresUrl url = PostgresUrl.parse("postgresql://bob:old@h:5432/db", "alice", "new");
        assertThat(url.user()).isEqualTo("alice");
        assertThat(url.password()).isEqualTo("new");
        // Empty keys (an unset variable rendered as "") keep what the URL says.
        assertThat(PostgresUrl.parse("postgresql://bob:old@h/db", "", "")).extracting(PostgresUrl::user, PostgresUrl::password)
                .containsExactly("bob", "old");
    }

    @Test
    void jdbcPostgresUrlsPassThrough() {
        assertThat(PostgresUrl.parse("jdbc:postgresql://h:1/db?ssl=true", "u", "p"))
                .isEqualTo(new PostgresUrl("jdbc:postgresql://h:1/db?ssl=true", "u", "p"));
    }

    @Test
    void nonPostgresUrlsAreNotUnderstood() {
        assertThat(PostgresUrl.parse("mysql://h/db", null, null)).isNull();
        assertThat(PostgresUrl.parse("just text", null, null)).isNull();
    }

    @Test
    void mySqlUrlsOfEveryFormBecomeMariaDbJdbcUrls() {
        MySqlUrl url = MySqlUrl.parse("mysql+pymysql://bob:p%40ss@db.example.com:3307/sales?sslMode=verify-full",
                null, null);
        assertThat(url).isEqualTo(new MySqlUrl("jdbc:mariadb://db.example.com:3307/sales?sslMode=verify-full", "bob",
                "p@ss"));
        assertThat(url.toString()).doesNotContain("p@ss");
        assertThat(MySqlUrl.parse("mariadb://h/db", null, null).jdbcUrl()).isEqualTo("jdbc:mariadb://h/db");
        assertThat(MySqlUrl.parse("mysql:///db", null, null).jdbcUrl()).isEqualTo("jdbc:mariadb://localhost/db");
        assertThat(MySqlUrl.parse("jdbc:mysql://h:3306/db?useSSL=true", "u", "p"))
                .isEqualTo(new MySqlUrl("jdbc:mariadb://h:3306/db?useSSL=true", "u", "p"));
        assertThat(MySqlUrl.parse("jdbc:mariadb://h/db", null, "")).isEqualTo(new MySqlUrl("jdbc:mariadb://h/db", null,
                null));
        // keys win over the URL; empty keys (an unset variable rendered as "") keep what the URL says
        assertThat(MySqlUrl.parse("mysql://bob:old@h/db", "alice", "new")).extracting(MySqlUrl::user, MySqlUrl::password)
                .containsExactly("alice", "new");
        assertThat(MySqlUrl.parse("mysql://bob:old@h/db", " ", "")).extracting(MySqlUrl::user, MySqlUrl::password)
                .containsExactly("bob", "old");
        assertThat(MySqlUrl.parse("postgresql://h/db", null, null)).isNull();
        assertThat(MySqlUrl.parse("jdbc:postgresql://h/db", null, null)).isNull();
    }

    @Test
    void duckDbUrlsResolveRelativePathsAgainstTheProject() {
        assertThat(DuckDbUrl.parse("duckdb:///data/stage.db", PROJECT).jdbcUrl()).isEqualTo("jdbc:duckdb:/work/project/data/stage.db");
        assertThat(DuckDbUrl.parse("duckdb:////var/db/x.db", PROJECT).jdbcUrl()).isEqualTo("jdbc:duckdb:/var/db/x.db");
        assertThat(DuckDbUrl.parse("duckdb:///:memory:", PROJECT).jdbcUrl()).isEqualTo("jdbc:duckdb:");
        assertThat(DuckDbUrl.parse("duckdb:///:memory:", PROJECT).file()).isNull();
        assertThat(DuckDbUrl.parse("jdbc:duckdb:local.db", PROJECT).jdbcUrl()).isEqualTo("jdbc:duckdb:/work/project/local.db");
        assertThat(DuckDbUrl.parse("jdbc:duckdb:", PROJECT).jdbcUrl()).isEqualTo("jdbc:duckdb:");
        assertThat(DuckDbUrl.parse("jdbc:duckdb:/abs.db;threads=2", PROJECT))
                .isEqualTo(new DuckDbUrl("jdbc:duckdb:/abs.db", Map.of("threads", "2")));
        assertThat(DuckDbUrl.parse("jdbc:duckdb:md:my_db", PROJECT).jdbcUrl()).isEqualTo("jdbc:duckdb:md:my_db");
        DuckDbUrl withSettings = DuckDbUrl.parse("duckdb:///x.db?threads=2&memory_limit=1GB", PROJECT);
        assertThat(withSettings.settings()).isEqualTo(Map.of("threads", "2", "memory_limit", "1GB"));
        assertThat(withSettings.file()).isEqualTo(Path.of("/work/project/x.db"));
        assertThat(DuckDbUrl.parse("postgresql://h/db", PROJECT)).isNull();
    }
}
