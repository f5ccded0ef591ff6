package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The exact SQL and texts MySqlDialect produces, without a server (the server tests are MySqlDatabaseTest). */
class MySqlDialectTest {

    static final MySqlDialect D = MySqlDialect.INSTANCE;

    static String type(String declared) {
        return D.typeSql(ColumnType.parse(declared));
    }

    @Test
    void typeNamesAreMySqls() {
        assertThat(type("text")).isEqualTo("LONGTEXT");
        assertThat(type("TEXT")).isEqualTo("LONGTEXT");
        assertThat(type("character varying")).isEqualTo("LONGTEXT");
        assertThat(type("varchar(20)")).isEqualTo("varchar(20)");
        assertThat(type("jsonb")).isEqualTo("JSON");
        assertThat(type("timestamp")).isEqualTo("DATETIME(6)");
        assertThat(type("timestamp with time zone")).isEqualTo("DATETIME(6)");
        assertThat(type("timestamp(3) without time zone")).isEqualTo("DATETIME(3)");
        assertThat(type("timestamptz(0)")).isEqualTo("DATETIME(0)");
        assertThat(type("double precision")).isEqualTo("DOUBLE");
        assertThat(type("boolean")).isEqualTo("BOOLEAN");
        assertThat(type("uuid")).isEqualTo("CHAR(36)");
        assertThat(type("numeric(12,2)")).isEqualTo("numeric(12,2)");
        assertThat(type("bigint")).isEqualTo("bigint");
    }

    /** MySQL refuses a name past 64 characters: Sequor writes its first 64, as PostgreSQL cuts its own. */
    @Test
    void namesPast64CharactersAreCutTo64() {
        String name = "delivery__street_line_of_the_address_the_customer_entered_at_checkout_time";
        assertThat(D.stored(name)).isEqualTo(name.substring(0, 64));
        assertThat(D.quote(name)).isEqualTo("`" + name.substring(0, 64) + "`");
        assertThat(D.stored("c".repeat(64))).isEqualTo("c".repeat(64));
        // characters, not bytes nor UTF-16 units: 64 emoji stay whole, the 65th goes
        assertThat(D.stored("😀".repeat(65))).isEqualTo("😀".repeat(64));
        assertThat(D.quote("a`b".repeat(30))).isEqualTo("`" + "a``b".repeat(21) + "a`");
    }

    /** MySQL refuses a name that ends in a space: Sequor writes it without its trailing spaces. */
    @Test
    void trailingSpacesAreDropped() {
        assertThat(D.stored("name  ")).isEqualTo("name");
        assertThat(D.quote(" name ")).isEqualTo("` name`");
        assertThat(D.stored("x".repeat(63) + "  y")).isEqualTo("x".repeat(63));
        assertThat(D.columnKey("Name ")).isEqualTo("name");
    }

    @Test
    void booleansAreStagedAsTextAndMappedOnTheWayIn() {
        ColumnDef flag = ColumnDef.of("is on", "boolean", "t", null);
        ColumnDef id = ColumnDef.of("id", "integer", "t", null);
        assertThat(D.stagingType(flag)).isEqualTo("LONGTEXT");
        assertThat(D.fromStaging(flag)).isEqualTo("CASE LOWER(`is on`) WHEN 'true' THEN 1 WHEN 'false' THEN 0 ELSE `is on` END");
        assertThat(D.stagingType(id)).isEqualTo("integer");
        assertThat(D.fromStaging(id)).isEqualTo("`id`");
    }

    @Test
    void timestampsAreStagedAsTextAndTheirOffsetsTakenToUtc() {
        ColumnDef at = ColumnDef.of("at", "timestamp(3) with time zone", "t", null);
        assertThat(D.stagingType(at)).isEqualTo("LONGTEXT");
        String zone = "[+-](0[0-9]|1[0-5])(:?[0-5][0-9])?";
        String off = "REGEXP_SUBSTR(`at`, '" + zone + "$')";
        String iso = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+";
        assertThat(D.fromStaging(at)).isEqualTo("CASE WHEN `at` REGEXP '" + iso + "[Zz]$' THEN CAST(REPLACE(LEFT(`at`,"
                + " CHAR_LENGTH(`at`) - 1), 'T', ' ') AS DATETIME(3)) WHEN `at` REGEXP '" + iso + zone + "$' THEN"
                + " DATE_SUB(CAST(REPLACE(LEFT(`at`, CHAR_LENGTH(`at`) - CHAR_LENGTH(" + off + ")), 'T', ' ') AS"
                + " DATETIME(3)), INTERVAL IF(LEFT(" + off + ", 1) = '-', -1, 1) * (CAST(SUBSTRING(" + off + ", 2, 2)"
                + " AS SIGNED) * 60 + IF(CHAR_LENGTH(" + off + ") > 3, CAST(RIGHT(" + off + ", 2) AS SIGNED), 0))"
                + " MINUTE) ELSE `at` END");
    }

    @Test
    void textKeysOfCreatedTablesCompareByteForByteInTheServersOwnCollation() {
        assertThat(MySqlDialect.forServer("10.11.19-MariaDB-0+deb12u1").keyCollation()).isEqualTo("utf8mb4_nopad_bin");
        assertThat(MySqlDialect.forServer("8.0.36").keyCollation()).isEqualTo("utf8mb4_0900_bin");
        assertThat(MySqlDialect.forServer("9.1.0").keyCollation()).isEqualTo("utf8mb4_0900_bin");
        assertThat(MySqlDialect.forServer("8.0.16").keyCollation()).isEqualTo("utf8mb4_bin");
        assertThat(MySqlDialect.forServer("5.7.44-log").keyCollation()).isEqualTo("utf8mb4_bin");
        assertThat(MySqlDialect.forServer(null)).isSameAs(D);
        MySqlDialect maria = MySqlDialect.MARIADB;
        assertThat(maria.keyTypeSql(ColumnType.parse("text")))
                .isEqualTo("VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
        assertThat(maria.keyTypeSql(ColumnType.parse("varchar(20)")))
                .isEqualTo("varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
        assertThat(maria.keyTypeSql(ColumnType.parse("integer"))).isEqualTo("integer");
        assertThat(maria.keyTypeSql(ColumnType.parse("json"))).isEqualTo("VARBINARY(255)");
        // staging keeps the database's default; the merge compares it under the target key's collation
        assertThat(maria.stagingType(ColumnDef.of("s", "text", "t", null))).isEqualTo("LONGTEXT");
    }

    /**
     * MariaDB 10 runs {@code DELETE ... WHERE k IN (SELECT ...)} once per row of the table: rows are deleted by key
     * through a temporary table of the distinct loaded keys, typed and collated as the key columns, with a PRIMARY KEY.
     */
    @Test
    void rowsAreDeletedByKeyThroughATableOfTheLoadedKeys() throws Exception {
        KeyComparison keys = keyColumns(List.of("shop", "id"), List.of(
                new String[] {"shop", "varchar(255)", "utf8mb4", "utf8mb4_nopad_bin"},
                new String[] {"id", "bigint(20)", null, null}));
        assertThat(keys.compared("shop", "`shop`")).isEqualTo("CONVERT(`shop` USING utf8mb4) COLLATE utf8mb4_nopad_bin");
        assertThat(keys.compared("id", "`id`")).isEqualTo("`id`");
        assertThat(keys.deleteRowsOfKeys(D, "`db`.`t`", List.of("shop", "id"), D::quote,
                k -> keys.compared(k, D.quote(k)), "`s`")).containsExactly(
                "DROP TEMPORARY TABLE IF EXISTS `_sequor_keys`",
                "CREATE TEMPORARY TABLE `_sequor_keys` (`k1` varchar(255) CHARACTER SET utf8mb4 COLLATE"
                        + " utf8mb4_nopad_bin, `k2` bigint(20), PRIMARY KEY (`k1`, `k2`))",
                "INSERT INTO `_sequor_keys` (`k1`, `k2`) SELECT DISTINCT CONVERT(`shop` USING utf8mb4) COLLATE"
                        + " utf8mb4_nopad_bin, `id` FROM `s` WHERE CONVERT(`shop` USING utf8mb4) COLLATE"
                        + " utf8mb4_nopad_bin IS NOT NULL AND `id` IS NOT NULL",
                "DELETE t FROM `db`.`t` AS t JOIN `_sequor_keys` AS k ON CONVERT(t.`shop` USING utf8mb4) COLLATE"
                        + " utf8mb4_nopad_bin = k.`k1` AND t.`id` = k.`k2`",
                "DROP TEMPORARY TABLE `_sequor_keys`");
        // a key no index takes whole (a table of the user's own with a LONGTEXT key): the plain delete
        KeyComparison text = keyColumns(List.of("code"), List.<String[]>of(
                new String[] {"code", "longtext", "utf8mb4", "utf8mb4_general_ci"}));
        assertThat(text.deleteRowsOfKeys(D, "`t`", List.of("code"), D::quote, D::quote, "`s`"))
                .containsExactly("DELETE FROM `t` WHERE `code` IN (SELECT `code` FROM `s`)");
        // longer than InnoDB's 3,072-byte key (a varchar(1000) in utf8mb4 is 4,000 bytes): the plain delete too
        KeyComparison wide = keyColumns(List.of("code"), List.<String[]>of(
                new String[] {"code", "varchar(1000)", "utf8mb4", "utf8mb4_general_ci"}));
        assertThat(wide.deleteRowsOfKeys(D, "`t`", List.of("code"), D::quote, D::quote, "`s`")).hasSize(1);
        KeyComparison narrow = keyColumns(List.of("code"), List.<String[]>of(
                new String[] {"code", "varchar(1000)", "latin1", "latin1_bin"}));
        assertThat(narrow.deleteRowsOfKeys(D, "`t`", List.of("code"), D::quote, D::quote, "`s`")).hasSize(5);
    }

    /** The key columns of a table whose information_schema.columns rows are {@code rows}. */
    private static KeyComparison keyColumns(List<String> key, List<String[]> rows) throws Exception {
        return MySqlKeyColumns.of(key, rows);
    }

    @Test
    void aUniqueIndexWithAFunctionalKeyPartCannotServeAnUpsert() {
        // information_schema.statistics rows (index, column); MySQL 8.0.13+ lists a functional key part with a NULL
        // column name, which used to fail the upsert's key check with a NullPointerException
        assertThat(MySqlDialect.uniqueIndexColumns(List.of(new String[] {"PRIMARY", "ID"},
                new String[] {"by_email", null}, new String[] {"by_email", "tenant"}, new String[] {"by_code", "Code"},
                new String[] {"by_code", "tenant"}))).containsExactlyInAnyOrder(Set.of("id"), Set.of("code", "tenant"));
    }

    @Test
    void theQueryForARefusedValueTriesBooleansTimestampsAndJsonAsTheMoveConvertsThem() {
        List<ColumnDef> columns = List.of(ColumnDef.of("id", "integer", "t", null), ColumnDef.of("it's\\on", "boolean",
                "t", null), ColumnDef.of("doc", "jsonb", "t", null));
        String bool = "`it's\\on` IS NOT NULL AND LOWER(`it's\\on`) NOT IN ('true', 'false') AND NOT (`it's\\on` REGEXP"
                + " '^[[:space:]]*[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?[[:space:]]*$' AND CAST(`it's\\on`"
                + " AS DOUBLE) BETWEEN -128.5 AND 127.49)";
        String json = "`doc` IS NOT NULL AND NOT JSON_VALID(`doc`)";
        assertThat(D.numbersStagedRows()).isTrue();
        // one scan of the TEMPORARY staging table: MySQL refuses to read one twice in a query ("Can't reopen table")
        assertThat(D.firstMisfitQuery("`s`", columns)).isEqualTo("SELECT r, c, v FROM (SELECT `_sequor_row` AS r,"
                + " CASE WHEN " + bool + " THEN 'it''s\\\\on' WHEN " + json + " THEN 'doc' END AS c,"
                + " CASE WHEN " + bool + " THEN `it's\\on` WHEN " + json + " THEN `doc` END AS v"
                + " FROM `s`) AS m WHERE c IS NOT NULL ORDER BY r LIMIT 1");
        assertThat(D.firstMisfitQuery("`s`", List.of(columns.get(0)))).isNull();
        assertThat(D.stagingType(columns.get(2))).isEqualTo("LONGTEXT");
    }

    @Test
    void namesAreBacktickedAndStagingTablesDroppedAsTemporary() {
        assertThat(D.quote("a`b c")).isEqualTo("`a``b c`");
        assertThat(D.qualified(null, "t")).isEqualTo("`t`");
        assertThat(D.qualified("db", "t")).isEqualTo("`db`.`t`");
        assertThat(D.dropStaging("`s`")).isEqualTo("DROP TEMPORARY TABLE IF EXISTS `s`");
        assertThat(JdbcDatabase.stagingName("x".repeat(80), D)).hasSize(64).startsWith("_sequor_stage_");
    }

    @Test
    void errorsLoseTheDriverPrefix() {
        assertThat(D.errorText(new java.sql.SQLNonTransientConnectionException("Could not connect to address=(host=db)"
                + "(port=3306)(type=primary) : RSA public key is not available client side (option serverRsaPublicKeyFile"
                + " not set)", "08000"))).endsWith("RSA public key is not available client side (option"
                + " serverRsaPublicKeyFile not set); MySQL's caching_sha2_password sign-in needs an encrypted connection:"
                + " add ?sslMode=verify-full (or ?sslMode=trust) to the conn_str, or ?allowPublicKeyRetrieval=true on a"
                + " network you trust (docs/databases/mysql.md)");
        assertThat(D.errorText(new SQLSyntaxErrorException("(conn=11) Table 'test.nonexist' doesn't exist", "42S02",
                1146))).isEqualTo("Table 'test.nonexist' doesn't exist");
        assertThat(D.errorText(new SQLSyntaxErrorException("(conn=11) You have an error in your SQL syntax; check the"
                + " manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at"
                + " line 1", "42000", 1064))).isEqualTo("syntax error near 'SELEC 1' at line 1");
        assertThat(D.errorText(new SQLSyntaxErrorException("(conn=3) You have an error in your SQL syntax; check the"
                + " manual that corresponds to your MySQL server version for the right syntax to use near 'x' at line 2",
                "42000", 1064))).isEqualTo("syntax error near 'x' at line 2");
    }

    @Test
    void lostConnectionsAreToldFromFailedStatements() {
        assertThat(D.connectionLost(new SQLNonTransientConnectionException("(conn=11) Socket error", "08000"))).isTrue();
        assertThat(D.connectionLost(new SQLException("Connection was killed", "70100", 1927))).isTrue();
        assertThat(D.connectionLost(new SQLException("MySQL server has gone away", "HY000", 2006))).isTrue();
        assertThat(D.connectionLost(new SQLException("wrapped", new SQLException("Lost connection", "HY000", 2013))))
                .isTrue();
        assertThat(D.connectionLost(new SQLSyntaxErrorException("(conn=1) Table 'x' doesn't exist", "42S02", 1146)))
                .isFalse();
    }
}
