package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.ExitCode;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.testing.MySqlTestDatabase;
import dev.sequor.testing.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening sources: every conn_str form really connects; bad configs fail with their position and no secrets. */
class DatabasesTest {

    static final SourcePos POS = new SourcePos("flows/main.yaml", 3, 7);

    @TempDir
    Path project;
    Databases databases;

    @BeforeEach
    void open() {
        databases = new Databases(project, project.resolve(".cache"));
    }

    @AfterEach
    void close() {
        databases.close();
    }

    static Map<String, Object> source(String type, String connStr, String user, String password) {
        Map<String, Object> m = new HashMap<>();
        m.put("type", type);
        m.put("conn_str", connStr);
        m.put("username", user);
        m.put("password", password);
        return m;
    }

    Object one(String name, Map<String, Object> config) {
        return databases.open(name, config, POS).query("SELECT 1 AS one").get(0).get("one");
    }

    @Test
    void duckDbForms() {
        assertThat(one("mem", source("duckdb", "duckdb:///:memory:", null, null))).isEqualTo(1);
        assertThat(one("file", source("duckdb", "duckdb:///stage.db", null, null))).isEqualTo(1);
        assertThat(project.resolve("stage.db")).exists();
        assertThat(one("jdbc", source("duckdb", "jdbc:duckdb:other.db", null, null))).isEqualTo(1);
        assertThat(project.resolve("other.db")).exists();
        Path abs = project.resolve("nested/abs.db").toAbsolutePath();
        assertThat(one("abs", source("duckdb", "duckdb:///" + abs, null, null))).isEqualTo(1);
        assertThat(abs).exists();
    }

    @Test
    void eachSourceIsOpenedOnce() {
        Database first = databases.open("stage", source("duckdb", "duckdb:///:memory:", null, null), POS);
        first.execute("CREATE TABLE kept (id integer)");
        Database again = databases.open("stage", source("duckdb", "duckdb:///:memory:", null, null), POS);
        assertThat(again).isSameAs(first);
        assertThat(again.columnNames(null, "kept")).containsExactly("id");
    }

    @Test
    void postgresForms() {
        PostgresTestDatabase.assumeAvailable();
        String hostPortDb = PostgresTestDatabase.url().replaceFirst("^[a-z+]+://", "");
        String user = PostgresTestDatabase.user();
        String password = PostgresTestDatabase.password();
        assertThat(one("a", source("postgres", "postgresql://" + hostPortDb, user, password))).isEqualTo(1);
        assertThat(one("b", source("postgres", "postgres://" + hostPortDb, user, password))).isEqualTo(1);
        assertThat(one("c", source("postgres", "postgresql+psycopg2://" + user + ":" + password + "@" + hostPortDb, null, null)))
                .isEqualTo(1);
        assertThat(one("d", source("postgres", "jdbc:postgresql://" + hostPortDb, user, password))).isEqualTo(1);
        // The username key overrides a user written in the URL.
        assertThat(one("e", source("postgres", "postgresql://nobody_here@" + hostPortDb, user, password))).isEqualTo(1);
        assertThat(databases.open("a", Map.of(), POS).dialect()).isSameAs(PostgresDialect.INSTANCE);
    }

    @Test
    void aConnectionFailureNamesTheSourceAndHidesThePassword() {
        PostgresTestDatabase.assumeAvailable();
        assertThatThrownBy(() -> databases.open("stage",
                source("postgres", "postgresql://127.0.0.1:1/test", "postgres", "s3cret-pw"), POS))
                .isInstanceOf(SequorException.class)
                .hasMessageStartingWith("Cannot connect to database source 'stage': ")
                .hasMessageContaining("127.0.0.1:1")
                .satisfies(e -> {
                    SequorException se = (SequorException) e;
                    assertThat(se.kind()).isEqualTo(ExitCode.FLOW_FAILED);
                    assertThat(se.pos()).isEqualTo(POS);
                    assertThat(se.getMessage()).doesNotContain("s3cret-pw").doesNotContain("\n");
                });
        String hostPortDb = PostgresTestDatabase.url().replaceFirst("^[a-z+]+://", "");
        assertThatThrownBy(() -> databases.open("stage",
                source("postgres", "postgresql://no_such_role_x:pw@" + hostPortDb, null, null), POS))
                .hasMessageStartingWith("Cannot connect to database source 'stage': ")
                .hasMessageContaining("no_such_role_x");
    }

    @Test
    void badConfigsAreInvalidInputAtTheirPosition() {
        assertThatThrownBy(() -> databases.open("s", source("oracle", "oracle://h/db", null, null), POS))
                .isInstanceOf(SequorException.class)
                .hasMessage("Unknown source type: oracle (expected one of duckdb, postgres, mysql, snowflake or jdbc)")
                .satisfies(e -> assertThat(((SequorException) e).kind()).isEqualTo(ExitCode.INVALID_INPUT))
                .satisfies(e -> assertThat(((SequorException) e).pos()).isEqualTo(POS));
        assertThatThrownBy(() -> databases.open("api", source("http", null, null, null), POS))
                .hasMessage("Source 'api' is of type http, not a database; expected duckdb, postgres, mysql,"
                        + " snowflake or jdbc");
        assertThatThrownBy(() -> databases.open("s", source("duckdb", null, null, null), POS))
                .hasMessage("Source 's' has no 'conn_str'; expected a connection string such as duckdb:///data/warehouse.db");
        assertThatThrownBy(() -> databases.open("s", source("postgres", "mysql://u:topsecret@h/db", null, null), POS))
                .hasMessageStartingWith("Source 's' of type postgres has a conn_str that is not understood; expected ")
                .message().doesNotContain("topsecret");
        assertThatThrownBy(() -> databases.open("s", Map.of(), POS))
                .hasMessage("Source 's' has no 'type'; expected duckdb, postgres, mysql, snowflake or jdbc");
    }

    @Test
    void everyMySqlConnStrFormConnects() {
        MySqlTestDatabase.assumeAvailable();
        String hostPortDb = MySqlTestDatabase.url().replaceFirst("^\\w+(\\+\\w+)?://([^@/]*@)?", "");
        String user = MySqlTestDatabase.user();
        String password = MySqlTestDatabase.password();
        String userInfo = user + (password.isEmpty() ? "" : ":" + password) + "@";
        assertThat(one("a", source("mysql", "mysql://" + hostPortDb, user, password))).isEqualTo(1);
        assertThat(one("b", source("mysql", "mariadb://" + userInfo + hostPortDb, null, null))).isEqualTo(1);
        assertThat(one("c", source("mysql", "mysql+pymysql://" + userInfo + hostPortDb, null, null))).isEqualTo(1);
        assertThat(one("d", source("mysql", "jdbc:mariadb://" + hostPortDb, user, password))).isEqualTo(1);
        assertThat(one("e", source("mysql", "jdbc:mysql://" + hostPortDb, user, password))).isEqualTo(1);
        // the keys win over the URL's user
        assertThat(one("f", source("mysql", "mysql://nobody_here@" + hostPortDb, user, password))).isEqualTo(1);
    }

    @Test
    void mySqlFailuresNeverShowThePassword() {
        MySqlTestDatabase.assumeAvailable();
        assertThatThrownBy(() -> databases.open("s", source("mysql", "mysql://root:s3cret-pw@127.0.0.1:1/test", null,
                null), POS))
                .isInstanceOf(SequorException.class).hasMessageStartingWith("Cannot connect to database source 's': ")
                .message().doesNotContain("s3cret-pw");
        assertThatThrownBy(() -> databases.open("s", source("mysql", "postgresql://u:topsecret@h/db", null, null), POS))
                .hasMessage("Source 's' of type mysql has a conn_str that is not understood; expected " + MySqlUrl.FORMS);
        String noDatabase = MySqlTestDatabase.url().replaceFirst("/[^/?]*(\\?.*)?$", "/");
        assertThatThrownBy(() -> databases.open("s", source("mysql", noDatabase, MySqlTestDatabase.user(),
                MySqlTestDatabase.password()), POS))
                .hasMessage("Source 's' names no database to write to; add one to its connection string"
                        + " (e.g. mysql://host:3306/analytics)");
    }

    static Map<String, Object> jdbc(String url, String driver, String dialect) {
        Map<String, Object> m = new HashMap<>();
        m.put("type", "jdbc");
        m.put("url", url);
        m.put("driver", driver);
        m.put("dialect", dialect);
        return m;
    }

    @Test
    void badJdbcSourcesSayWhatIsWrongInOneSentence() {
        assertThatThrownBy(() -> databases.open("s", jdbc("jdbc:oracle:thin:@h:1521/db", "oracle.jdbc.OracleDriver",
                "ansi"), POS))
                .isInstanceOf(SequorException.class)
                .hasMessage("The JDBC driver class 'oracle.jdbc.OracleDriver' of source 's' is not on Sequor's class"
                        + " path; give the folder of the driver's jar as 'driver_path' (JVM mode only), or check the"
                        + " class name.")
                .satisfies(e -> assertThat(((SequorException) e).kind()).isEqualTo(ExitCode.INVALID_INPUT))
                .satisfies(e -> assertThat(((SequorException) e).pos()).isEqualTo(POS));
        assertThatThrownBy(() -> databases.open("s", jdbc("jdbc:x:y", "java.lang.String", "ansi"), POS))
                .hasMessage("The class 'java.lang.String' named as 'driver' of source 's' is not a JDBC driver"
                        + " (java.sql.Driver).");
        assertThatThrownBy(() -> databases.open("s", jdbc("jdbc:x:y", "org.postgresql.Driver", "oracle"), POS))
                .hasMessage("'dialect' of source 's' must be one of duckdb, postgres, mysql, snowflake, ansi, not 'oracle'.");
        assertThatThrownBy(() -> databases.open("s", jdbc(null, "org.postgresql.Driver", "ansi"), POS))
                .hasMessage("Source 's' has no 'url'; expected a JDBC URL such as jdbc:postgresql://host:5432/database");
        assertThatThrownBy(() -> databases.open("s", jdbc("jdbc:postgresql://h/db", null, "ansi"), POS))
                .hasMessage("Source 's' has no 'driver'; expected the JDBC driver's class name such as"
                        + " org.postgresql.Driver");
    }
}
