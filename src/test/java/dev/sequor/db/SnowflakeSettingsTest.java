package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a {@code type: snowflake} source file becomes for the driver, and the one-sentence refusals of bad files. */
class SnowflakeSettingsTest {

    static final SourcePos POS = new SourcePos("sources/wh.yaml", 2, 1);

    @TempDir
    Path dir;

    SnowflakeSettings settings(Object... keyValues) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("type", "snowflake");
        for (int i = 0; i < keyValues.length; i += 2) {
            keys.put((String) keyValues[i], keyValues[i + 1]);
        }
        return SnowflakeSettings.of(new SourceConfig("wh", keys, POS, dir, dir));
    }

    @Test
    void anAccountIdentifierOrItsHostBecomesTheAccountUrl() {
        assertThat(settings("account", "myorg-acct", "user", "u", "password", "p").jdbcUrl())
                .isEqualTo("jdbc:snowflake://myorg-acct.snowflakecomputing.com/");
        assertThat(settings("account", "xy12345.us-east-1.aws", "user", "u", "password", "p").jdbcUrl())
                .isEqualTo("jdbc:snowflake://xy12345.us-east-1.aws.snowflakecomputing.com/");
        assertThat(settings("account", "https://myorg-acct.snowflakecomputing.com/", "user", "u", "password", "p")
                .jdbcUrl()).isEqualTo("jdbc:snowflake://myorg-acct.snowflakecomputing.com/");
        assertThat(settings("account", "acct.privatelink.snowflakecomputing.com", "user", "u", "password", "p")
                .jdbcUrl()).isEqualTo("jdbc:snowflake://acct.privatelink.snowflakecomputing.com/");
    }

    @Test
    void sessionKeysBecomeDriverPropertiesAndUsernameIsAnAliasOfUser() {
        SnowflakeSettings s = settings("account", "a", "username", "loader", "password", "pw", "warehouse", " WH ",
                "database", "RAW", "schema", "api", "role", "LOADER");
        assertThat(s.user()).isEqualTo("loader");
        assertThat(s.password()).isEqualTo("pw");
        assertThat(s.properties()).isEqualTo(Map.of("warehouse", "WH", "db", "RAW", "schema", "api", "role", "LOADER",
                "JDBC_QUERY_RESULT_FORMAT", "JSON"));
        assertThat(s.toString()).doesNotContain("pw\"").contains("password=***");
    }

    @Test
    void aKeyPairIsAnAbsolutePathAndThePassphraseNeverShows() throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/rsa.p8"), "key");
        SnowflakeSettings s = settings("account", "a", "user", "u", "private_key_file", "keys/rsa.p8",
                "private_key_file_pwd", "open sesame");
        assertThat(s.password()).isNull();
        assertThat(s.properties()).containsEntry("authenticator", "SNOWFLAKE_JWT")
                .containsEntry("private_key_file", dir.resolve("keys/rsa.p8").toAbsolutePath().toString())
                .containsEntry("private_key_file_pwd", "open sesame");
        assertThat(s.secrets()).containsExactly("open sesame");
        assertThat(s.toString()).doesNotContain("open sesame").contains("private_key_file_pwd=***");
    }

    @Test
    void badFilesAreRefusedInOneSentence() {
        assertThatThrownBy(() -> settings("user", "u", "password", "p")).isInstanceOf(SequorException.class)
                .hasMessageContaining("Source 'wh' has no 'account'; expected an account identifier such as"
                        + " myorg-myaccount or xy12345.us-east-1");
        assertThatThrownBy(() -> settings("account", "my acct", "user", "u", "password", "p"))
                .hasMessageContaining("'account' of source 'wh' is not an account identifier");
        assertThatThrownBy(() -> settings("account", "a", "password", "p"))
                .hasMessageContaining("Source 'wh' has no 'user'; expected the Snowflake user to sign in as");
        assertThatThrownBy(() -> settings("account", "a", "user", "u", "username", "v", "password", "p"))
                .hasMessageContaining("Source 'wh' has both 'user' and 'username'; keep one");
        assertThatThrownBy(() -> settings("account", "a", "user", "u"))
                .hasMessageContaining("Source 'wh' of type snowflake needs 'password' or 'private_key_file'");
        assertThatThrownBy(() -> settings("account", "a", "user", "u", "password", "p", "private_key_file", "k.p8"))
                .hasMessageContaining("needs either 'password' or 'private_key_file', not both");
        assertThatThrownBy(() -> settings("account", "a", "user", "u", "private_key_file", "missing.p8"))
                .hasMessageContaining("The private_key_file 'missing.p8' of source 'wh' is not a file (paths are"
                        + " relative to the project folder)");
        assertThatThrownBy(() -> settings("account", "a", "user", "u", "password", "p", "private_key_file_pwd", "x"))
                .hasMessageContaining("Source 'wh' has a 'private_key_file_pwd' but no 'private_key_file'");
    }

    @Test
    void theRegistryListsSnowflakeWithItsKeys() {
        assertThat(SourceTypes.named("snowflake")).hasValueSatisfying(t -> {
            assertThat(t.isDatabase()).isTrue();
            assertThat(t.keys()).containsExactly("account", "user", "username", "password", "private_key_file",
                    "private_key_file_pwd", "warehouse", "database", "schema", "role");
            assertThat(t.dialect().get()).isSameAs(SnowflakeDialect.INSTANCE);
        });
        assertThat(SourceTypes.dialectNames()).contains("snowflake");
        assertThat(SourceTypes.databaseChoices()).isEqualTo("duckdb, postgres, mysql, snowflake or jdbc");
    }

    @Test
    void aBuildWithoutTheDriverSaysSoInOneSentence() {
        SourceConfig config = new SourceConfig("wh", Map.of("type", "snowflake", "account", "a", "user", "u",
                "password", "p"), POS, dir, dir);
        assertThatThrownBy(() -> SnowflakeConnector.open(config, "net.snowflake.client.jdbc.Missing"))
                .isInstanceOf(SequorException.class)
                .hasMessageContaining("Source 'wh' is of type snowflake, which this build of Sequor does not include"
                        + " (the native executable leaves Snowflake's driver out); run the flow with Sequor's JVM build"
                        + " (docs/databases/snowflake.md)");
    }

    @Test
    void aSnowflakeSourceWithABadFileFailsThroughTheRegistryBeforeAnyConnection() {
        try (Databases dbs = new Databases(dir, dir)) {
            assertThatThrownBy(() -> dbs.open("wh", Map.of("type", "snowflake", "account", "a", "user", "u"), POS))
                    .isInstanceOf(SequorException.class)
                    .hasMessageContaining("Source 'wh' of type snowflake needs 'password' or 'private_key_file'");
        }
    }
}
