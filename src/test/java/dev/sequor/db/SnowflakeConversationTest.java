package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code type: snowflake} source end to end through the Database API and table writes, against
 * {@link SnowflakeFakeDriver}: what reaches the driver (URL, properties) and every statement sent, in order, with the
 * transaction boundaries, for each write mode, the PUT + COPY load and its file, transforms, failures and the
 * {@code type: jdbc} + {@code dialect: snowflake} route. No Snowflake account was reachable where this was written:
 * these tests pin what Sequor sends, not what Snowflake answers.
 */
class SnowflakeConversationTest {

    static final SourcePos POS = new SourcePos("sources/wh.yaml", 1, 1);
    static final List<ColumnDef> USERS = List.of(ColumnDef.of("id", "integer", "t", POS),
            ColumnDef.of("Full Name", "text", "t", POS), ColumnDef.of("payload", "json", "t", POS));
    /** An integer column's text, refused rather than rounded when it has a fraction (Snowflake's CAST rounds). */
    static final String ID_TEXT = "IFF(REGEXP_LIKE(\"ID\", ' *[-+]?[0-9]+ *'), \"ID\", 'not a whole number: ' || \"ID\")";
    static final String TYPED = "CAST(" + ID_TEXT + " AS integer), CAST(\"Full Name\" AS text), PARSE_JSON(\"PAYLOAD\")";
    static final String LAST_PER_ID = "SELECT \"ID\", \"Full Name\", \"PAYLOAD\" FROM (SELECT \"ID\", \"Full Name\","
            + " \"PAYLOAD\", \"_SEQUOR_ROW\", max(\"_SEQUOR_ROW\") OVER (PARTITION BY \"ID\") AS \"_SEQUOR_LAST\" FROM"
            + " (SELECT CAST(" + ID_TEXT + " AS integer) AS \"ID\", CAST(\"Full Name\" AS text) AS \"Full Name\","
            + " PARSE_JSON(\"PAYLOAD\") AS \"PAYLOAD\", CAST(\"_SEQUOR_ROW\" AS bigint) AS \"_SEQUOR_ROW\" FROM"
            + " \"S1\") AS typed) AS numbered WHERE \"_SEQUOR_ROW\" = \"_SEQUOR_LAST\"";
    /** The first staged value USERS' columns refuse: text without a length takes any, JSON is tried as JSON. */
    static final String MISFIT_ID = "\"ID\" IS NOT NULL AND TRY_CAST(" + ID_TEXT + " AS integer) IS NULL";
    static final String MISFIT_PAYLOAD = "\"PAYLOAD\" IS NOT NULL AND TRY_PARSE_JSON(\"PAYLOAD\") IS NULL";
    static final String MISFIT_QUERY = "SELECT r, c, v FROM (SELECT CAST(\"_SEQUOR_ROW\" AS NUMBER) AS r, CASE WHEN "
            + MISFIT_ID + " THEN 'id' WHEN " + MISFIT_PAYLOAD + " THEN 'payload' END AS c, CASE WHEN " + MISFIT_ID
            + " THEN \"ID\" WHEN " + MISFIT_PAYLOAD + " THEN \"PAYLOAD\" END AS v FROM \"S1\") AS m WHERE c IS NOT NULL"
            + " ORDER BY r LIMIT 1";

    @TempDir
    Path dir;
    SnowflakeFakeDriver.Conversation fake;
    JdbcDatabase db;
    final List<String> notices = new ArrayList<>();

    Map<String, Object> source(Object... extra) {
        Map<String, Object> keys = new LinkedHashMap<>(Map.of("type", "snowflake", "account", "myorg-acct", "user",
                "loader", "password", "s3cret!", "warehouse", "LOAD_WH", "database", "RAW", "schema", "API", "role",
                "LOADER"));
        for (int i = 0; i < extra.length; i += 2) {
            keys.put((String) extra[i], extra[i + 1]);
        }
        return keys;
    }

    JdbcDatabase open(Map<String, Object> keys) {
        SourceType.Opened o = SnowflakeConnector.open(new SourceConfig("wh", keys, POS, dir, dir),
                SnowflakeFakeDriver.class);
        return JdbcDatabase.open("wh", o.dialect(), o.connector(), notices::add, POS);
    }

    @BeforeEach
    void openSource() {
        fake = SnowflakeFakeDriver.reset();
        fake.schema = "API";
        db = open(source());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The log with each random staging name replaced by S1, S2, ... in order of first appearance. */
    List<String> log() {
        return fake.logWithStagingNamed("USERS");
    }

    void write(WriteSpec spec, List<Map<String, Object>> rows) {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, null, "users", USERS, spec, POS).addRows(rows);
            batch.commit();
        }
    }

    static Map<String, Object> user(int id, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("Full Name", name);
        m.put("payload", Map.of("tags", List.of("a")));
        return m;
    }

    @Test
    void theDriverIsHandedTheAccountUrlCredentialsAndSession() {
        assertThat(fake.urls).first().isEqualTo("jdbc:snowflake://myorg-acct.snowflakecomputing.com/");
        assertThat(fake.properties.get(0)).isEqualTo(Map.of("user", "loader", "password", "s3cret!", "warehouse",
                "LOAD_WH", "db", "RAW", "schema", "API", "role", "LOADER", "JDBC_QUERY_RESULT_FORMAT", "JSON"));
        assertThat(db.defaultNamespace()).isEqualTo("API");
    }

    @Test
    void aKeyPairSignsInWithJwtAndTheKeysAbsolutePath() throws Exception {
        Files.writeString(dir.resolve("rsa_key.p8"), "-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        fake = SnowflakeFakeDriver.reset();
        open(source("password", null, "private_key_file", "rsa_key.p8", "private_key_file_pwd", "phrase")).close();
        assertThat(fake.properties.get(0)).containsEntry("authenticator", "SNOWFLAKE_JWT")
                .containsEntry("private_key_file", dir.resolve("rsa_key.p8").toAbsolutePath().toString())
                .containsEntry("private_key_file_pwd", "phrase").doesNotContainKey("password");
        // keys encrypted as OpenSSL 3 does by default need the BouncyCastle the driver carries
        assertThat(System.getProperty(SnowflakeConnector.BOUNCY_CASTLE)).isEqualTo("true");
    }

    @Test
    void landingRunsInASessionThatReadsOffsetLessTimestampsAsUtcAndGivesTheSettingsBack() {
        fake.tables.add("API.USERS");
        write(WriteSpec.of(WriteMode.APPEND), List.of(user(1, "Ann")));
        List<String> all = fake.everyStatement();
        assertThat(fake.sessionSettings()).containsExactly(
                "ALTER SESSION SET TIMEZONE = 'UTC' TIMESTAMP_INPUT_FORMAT = 'AUTO' DATE_INPUT_FORMAT = 'AUTO'"
                        + " BINARY_INPUT_FORMAT = 'HEX'",
                "ALTER SESSION UNSET TIMEZONE, TIMESTAMP_INPUT_FORMAT, DATE_INPUT_FORMAT, BINARY_INPUT_FORMAT");
        assertThat(all.get(0)).startsWith("ALTER SESSION SET");
        assertThat(all.get(all.size() - 1)).startsWith("ALTER SESSION UNSET");
    }

    @Test
    void aFailedConnectionSaysWhyWithoutTheSecrets() {
        fake = SnowflakeFakeDriver.reset();
        fake.connectFailure = "Incorrect username or password was specified (password s3cret!).";
        assertThatThrownBy(() -> open(source())).isInstanceOf(SequorException.class)
                .hasMessageContaining("Cannot connect to database source 'wh': Incorrect username or password was"
                        + " specified (password ***).");
    }

    @Test
    void createBuildsTheTableUnderAStagingNameAndSwapsItWithTheOldOne() {
        fake.tables.add("API.USERS");
        write(WriteSpec.of(WriteMode.CREATE), List.of(user(1, "Ann \"A\"")));
        assertThat(log()).containsExactly(
                "SELECT CAST(NULL AS integer), CAST(NULL AS text), CAST(NULL AS VARIANT)",
                "(leftovers? [API, _SEQUOR_STAGE_])",
                // every staged row carries its load number, by which a refused value's row is found
                "CREATE TEMPORARY TABLE \"S1\" (\"ID\" VARCHAR, \"Full Name\" VARCHAR, \"PAYLOAD\" VARCHAR,"
                        + " \"_SEQUOR_ROW\" VARCHAR)",
                "(begin)",
                "INSERT INTO \"S1\" (\"ID\", \"Full Name\", \"PAYLOAD\", \"_SEQUOR_ROW\") VALUES (?, ?, ?, ?)"
                        + " [1, Ann \"A\", {\"tags\":[\"a\"]}, 1]",
                "(commit)",
                "DROP TABLE IF EXISTS \"API\".\"S2\"",
                "CREATE TABLE \"API\".\"S2\" (\"ID\" integer, \"Full Name\" text, \"PAYLOAD\" VARIANT)",
                "INSERT INTO \"API\".\"S2\" (\"ID\", \"Full Name\", \"PAYLOAD\") SELECT " + TYPED + " FROM \"S1\"",
                "(begin)",
                "(commit)",
                "(exists? API.USERS true)",
                "ALTER TABLE \"API\".\"S2\" SWAP WITH \"API\".\"USERS\"",
                "DROP TABLE IF EXISTS \"API\".\"S2\"",
                "TRUNCATE TABLE IF EXISTS \"S1\"");
        assertThat(notices).isEmpty();
    }

    @Test
    void createOfAMissingTableRenamesTheBuiltOne() {
        write(WriteSpec.of(WriteMode.CREATE), List.of(user(1, "Ann")));
        assertThat(log()).contains("ALTER TABLE \"API\".\"S2\" RENAME TO \"API\".\"USERS\"")
                .doesNotContain("ALTER TABLE \"API\".\"S2\" SWAP WITH \"API\".\"USERS\"");
    }

    @Test
    void aMissingTableIsCreatedBeforeTheTransactionThatMovesTheRows() {
        write(WriteSpec.of(WriteMode.REPLACE), List.of(user(1, "Ann")));
        assertThat(log()).containsSequence(
                "(commit)",
                "(exists? API.USERS false)",
                "CREATE TABLE \"API\".\"USERS\" (\"ID\" integer, \"Full Name\" text, \"PAYLOAD\" VARIANT)",
                "(begin)",
                "(exists? API.USERS true)",
                "DELETE FROM \"API\".\"USERS\"",
                "INSERT INTO \"API\".\"USERS\" (\"ID\", \"Full Name\", \"PAYLOAD\") SELECT " + TYPED + " FROM \"S1\"",
                "TRUNCATE TABLE IF EXISTS \"S1\"",
                "(commit)");
    }

    @Test
    void appendInsertsInOneTransaction() {
        fake.tables.add("API.USERS");
        write(WriteSpec.of(WriteMode.APPEND), List.of(user(1, "Ann")));
        assertThat(log()).endsWith(
                "(commit)",
                "(exists? API.USERS true)",
                "(begin)",
                "(exists? API.USERS true)",
                "INSERT INTO \"API\".\"USERS\" (\"ID\", \"Full Name\", \"PAYLOAD\") SELECT " + TYPED + " FROM \"S1\"",
                "TRUNCATE TABLE IF EXISTS \"S1\"",
                "(commit)");
    }

    @Test
    void replaceDeletesAndInsertsInOneTransaction() {
        fake.tables.add("API.USERS");
        write(WriteSpec.of(WriteMode.REPLACE), List.of(user(1, "Ann")));
        assertThat(log()).endsWith(
                "(begin)",
                "(exists? API.USERS true)",
                "DELETE FROM \"API\".\"USERS\"",
                "INSERT INTO \"API\".\"USERS\" (\"ID\", \"Full Name\", \"PAYLOAD\") SELECT " + TYPED + " FROM \"S1\"",
                "TRUNCATE TABLE IF EXISTS \"S1\"",
                "(commit)");
    }

    @Test
    void upsertIsOneMergeOfTheLastRowPerKey() {
        fake.tables.add("API.USERS");
        write(WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT), List.of(user(1, "Ann"), user(1, "Bob")));
        assertThat(log()).contains("CREATE TEMPORARY TABLE \"S1\" (\"ID\" VARCHAR, \"Full Name\" VARCHAR, \"PAYLOAD\""
                        + " VARCHAR, \"_SEQUOR_ROW\" VARCHAR)",
                "INSERT INTO \"S1\" (\"ID\", \"Full Name\", \"PAYLOAD\", \"_SEQUOR_ROW\") VALUES (?, ?, ?, ?), (?, ?, ?, ?)"
                        + " [1, Ann, {\"tags\":[\"a\"]}, 1, 1, Bob, {\"tags\":[\"a\"]}, 2]")
                .endsWith(
                "(begin)",
                "(exists? API.USERS true)",
                "(columns? API.USERS)", // the declared columns are looked for in the table before the MERGE
                "MERGE INTO \"API\".\"USERS\" AS t USING (" + LAST_PER_ID + ") AS s ON t.\"ID\" = s.\"ID\""
                        + " WHEN MATCHED THEN UPDATE SET \"Full Name\" = s.\"Full Name\", \"PAYLOAD\" = s.\"PAYLOAD\""
                        + " WHEN NOT MATCHED THEN INSERT (\"ID\", \"Full Name\", \"PAYLOAD\") VALUES (s.\"ID\","
                        + " s.\"Full Name\", s.\"PAYLOAD\")",
                "TRUNCATE TABLE IF EXISTS \"S1\"",
                "(commit)");
    }

    @Test
    void deleteInsertDeletesTheLoadedKeysThenInsertsInOneTransaction() {
        fake.tables.add("API.USERS");
        write(WriteSpec.merge(List.of("id"), MergeStrategy.DELETE_INSERT), List.of(user(1, "Ann")));
        assertThat(log()).endsWith(
                "(begin)",
                "(exists? API.USERS true)",
                "DELETE FROM \"API\".\"USERS\" WHERE \"ID\" IN (SELECT CAST(" + ID_TEXT + " AS integer) FROM \"S1\")",
                "INSERT INTO \"API\".\"USERS\" (\"ID\", \"Full Name\", \"PAYLOAD\") " + LAST_PER_ID,
                "TRUNCATE TABLE IF EXISTS \"S1\"",
                "(commit)");
    }

    @Test
    void aFailedMoveRollsBackAndEmptiesTheStagingTable() {
        fake.tables.add("API.USERS");
        fake.failOn = "MERGE INTO";
        assertThatThrownBy(() -> write(WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT), List.of(user(1, "Ann"))))
                .isInstanceOf(SequorException.class)
                .hasMessage("SQL error on source 'wh': SQL compilation error: error line 1 at position 7");
        List<String> log = log();
        // the query for a refused value found none (the fake answers no rows): the database's words stand
        assertThat(log.subList(log.indexOf("(rollback)"), log.size()))
                .containsExactly("(rollback)", MISFIT_QUERY, "TRUNCATE TABLE IF EXISTS \"S1\"");
    }

    @Test
    void aValueItsColumnRefusesIsNamedWithItsRowWhateverTheWriteMode() {
        fake.tables.add("API.USERS");
        fake.failure = "Numeric value 'x2' is not recognized";
        fake.misfits = List.of(List.of(2L, "id", "x2"));
        Map<String, Object> refused = user(2, "Bo");
        refused.put("id", "x2");
        fake.failOn = "INSERT INTO \"API\".\"USERS\"";
        assertThatThrownBy(() -> write(WriteSpec.of(WriteMode.APPEND), List.of(user(1, "Ann"), refused)))
                .hasMessage("Value 'x2' in row 2 for table 'users' does not fit column 'id' of type integer (SQL error"
                        + " on source 'wh': Numeric value 'x2' is not recognized).");
        fake.failOn = "INSERT INTO \"API\".\"_SEQUOR_STAGE_"; // the table built to be swapped in
        assertThatThrownBy(() -> write(WriteSpec.of(WriteMode.CREATE), List.of(user(1, "Ann"), refused)))
                .hasMessageStartingWith("Value 'x2' in row 2 for table 'users' does not fit column 'id'");
        fake.failOn = "MERGE INTO";
        assertThatThrownBy(() -> write(WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT),
                List.of(user(1, "Ann"), refused))).hasMessageStartingWith("Value 'x2' in row 2 for table 'users'");
        assertThat(log()).filteredOn(s -> s.startsWith("SELECT r, c, v FROM (")).hasSize(3)
                .allMatch(s -> s.contains("ORDER BY r LIMIT 1"));
    }

    @Test
    void aDeclaredColumnMayNotTakeTheNameOfTheLoadNumber() {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            assertThatThrownBy(() -> batch.target(db, null, "users", List.of(ColumnDef.of("_sequor_row", "integer",
                    "t", POS)), WriteSpec.of(WriteMode.APPEND), POS)).isInstanceOf(SequorException.class)
                    .hasMessage("Column '_sequor_row' of table 'users' has a name that Sequor's staging on Snowflake"
                            + " uses for itself; rename it");
        }
    }

    @Test
    void largeLoadsArePutToTheTablesStageAndCopiedIn() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= SnowflakeStageLoader.THRESHOLD; i++) {
            rows.add(user(i, i == 1 ? "line\nbreak, \"quoted\"" : i == 2 ? "" : i == 3 ? null : "u" + i));
        }
        fake.tables.add("API.USERS");
        write(WriteSpec.of(WriteMode.APPEND), rows);
        String put = fake.putPaths.get(0).toAbsolutePath().toString();
        assertThat(log()).containsSequence(
                "(begin)",
                "PUT 'file://" + put.replaceFirst("sequor-load-\\d+", "sequor-load-N") + "' @%\"S1\""
                        + " SOURCE_COMPRESSION = GZIP AUTO_COMPRESS = FALSE OVERWRITE = TRUE PARALLEL = 1",
                "COPY INTO \"S1\" (\"ID\", \"Full Name\", \"PAYLOAD\", \"_SEQUOR_ROW\") FROM @%\"S1\" FILES = ('"
                        + fake.putPaths.get(0).getFileName().toString().replaceFirst("\\d+", "N") + "')"
                        + " FILE_FORMAT = (TYPE = CSV COMPRESSION = GZIP FIELD_DELIMITER = ',' RECORD_DELIMITER ="
                        + " '\\n' FIELD_OPTIONALLY_ENCLOSED_BY = '\"' ESCAPE_UNENCLOSED_FIELD = NONE"
                        + " EMPTY_FIELD_AS_NULL = TRUE NULL_IF = () ENCODING = 'UTF8') ON_ERROR = ABORT_STATEMENT"
                        + " PURGE = TRUE",
                "(commit)");
        assertThat(log()).noneMatch(s -> s.startsWith("INSERT INTO \"S1\""));
        String csv = fake.putFiles.get(0);
        assertThat(csv.split("\n(?=\")")).hasSize(SnowflakeStageLoader.THRESHOLD);
        assertThat(csv).startsWith("\"1\",\"line\nbreak, \"\"quoted\"\"\",\"{\"\"tags\"\":[\"\"a\"\"]}\",\"1\"\n"
                + "\"2\",\"\",\"{\"\"tags\"\":[\"\"a\"\"]}\",\"2\"\n"
                + "\"3\",,\"{\"\"tags\"\":[\"\"a\"\"]}\",\"3\"\n"
                + "\"4\",\"u4\",\"{\"\"tags\"\":[\"\"a\"\"]}\",\"4\"\n");
        assertThat(fake.putPaths.get(0)).doesNotExist();
    }

    @Test
    void smallLoadsAreMultiRowInserts() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i < SnowflakeStageLoader.THRESHOLD; i++) {
            rows.add(user(i, "u" + i));
        }
        fake.tables.add("API.USERS");
        write(WriteSpec.of(WriteMode.APPEND), rows);
        assertThat(fake.putFiles).isEmpty();
        assertThat(log()).filteredOn(s -> s.startsWith("INSERT INTO \"S1\"")).hasSize(1);
    }

    @Test
    void aTransformReplacingATableBuildsItAndSwapsItIn() {
        fake.tables.add("API.DAILY");
        fake.count = 42;
        assertThat(db.replaceTableAs(null, "daily", "SELECT day, count(*) AS n FROM events GROUP BY day;")).isEqualTo(42);
        assertThat(log().stream().map(s -> s.replaceAll("_SEQUOR_STAGE_[0-9A-F]{8}_DAILY", "B")).toList())
                .containsExactly(
                "(leftovers? [API, _SEQUOR_STAGE_])",
                "CREATE TABLE \"API\".\"B\" AS SELECT day, count(*) AS n FROM events GROUP BY day",
                "SELECT count(*) FROM \"API\".\"B\"",
                "(exists? API.DAILY true)",
                "ALTER TABLE \"API\".\"B\" SWAP WITH \"API\".\"DAILY\"",
                "DROP TABLE IF EXISTS \"API\".\"B\"");
    }

    @Test
    void aTransformMergeMatchesItsKeyToTheResultsUpperCaseColumns() {
        fake.tables.add("API.DAILY");
        fake.queryColumns = List.of("DAY", "N");
        fake.count = 3;
        assertThat(db.writeQueryResult(null, "daily", "SELECT day, n FROM x",
                WriteSpec.merge(List.of("day"), MergeStrategy.UPSERT))).isEqualTo(3);
        assertThat(log().stream().map(s -> s.replaceAll("_SEQUOR_STAGE_[0-9A-F]{8}_DAILY", "T")).toList())
                .containsExactly(
                "(leftovers? [API, _SEQUOR_STAGE_])",
                "(begin)",
                "SELECT * FROM (SELECT day, n FROM x) q LIMIT 0",
                "CREATE TEMPORARY TABLE \"T\" AS SELECT q.*, SEQ8() AS \"_SEQUOR_ROW\" FROM (SELECT day,"
                        + " n FROM x) q",
                "(exists? API.DAILY true)",
                "SELECT count(*) FROM \"T\"",
                "MERGE INTO \"API\".\"DAILY\" AS t USING (SELECT \"DAY\", \"N\" FROM (SELECT \"DAY\", \"N\","
                        + " \"_SEQUOR_ROW\", max(\"_SEQUOR_ROW\") OVER (PARTITION BY \"DAY\") AS \"_SEQUOR_LAST\" FROM"
                        + " (SELECT \"DAY\" AS \"DAY\", \"N\" AS \"N\", \"_SEQUOR_ROW\" AS \"_SEQUOR_ROW\" FROM \"T\")"
                        + " AS typed) AS numbered WHERE \"_SEQUOR_ROW\" = \"_SEQUOR_LAST\") AS s ON t.\"DAY\" ="
                        + " s.\"DAY\" WHEN MATCHED THEN UPDATE SET \"N\" = s.\"N\" WHEN NOT MATCHED THEN INSERT"
                        + " (\"DAY\", \"N\") VALUES (s.\"DAY\", s.\"N\")",
                "TRUNCATE TABLE IF EXISTS \"T\"",
                "(commit)");
    }

    @Test
    void aJdbcSourceWithTheSnowflakeDialectSpeaksSnowflake() {
        fake = SnowflakeFakeDriver.reset();
        fake.schema = "RAW";
        Map<String, Object> keys = Map.of("type", "jdbc", "url", "jdbc:snowflake://xy12345.eu-west-1.snowflakecomputing"
                + ".com/?warehouse=WH", "driver", SnowflakeFakeDriver.class.getName(), "dialect", "snowflake",
                "username", "loader", "password", "pw");
        try (Databases all = new Databases(dir, dir)) {
            Database jdbc = all.open("wh", keys, POS);
            assertThat(jdbc.dialect()).isSameAs(SnowflakeDialect.INSTANCE);
            assertThat(jdbc.defaultNamespace()).isEqualTo("RAW");
            fake.tables.add("RAW.USERS");
            try (TableWriteBatch batch = new TableWriteBatch()) {
                batch.target(jdbc, null, "users", USERS, WriteSpec.of(WriteMode.APPEND), POS)
                        .addRows(List.of(user(7, "Ann")));
                batch.commit();
            }
        }
        assertThat(fake.urls).containsOnly("jdbc:snowflake://xy12345.eu-west-1.snowflakecomputing.com/?warehouse=WH");
        assertThat(log()).contains(
                "INSERT INTO \"RAW\".\"USERS\" (\"ID\", \"Full Name\", \"PAYLOAD\") SELECT " + TYPED + " FROM \"S1\"");
    }

    @Test
    void queryResultsReadAsTheFlowWroteTheNames() {
        fake.userColumns = List.of("ID", "Full Name", "ORDER$TOTAL", "camelCase");
        fake.userRows = List.of(List.of(1L, "Ann", 2L, "x"));
        List<Row> rows = db.query("select id, \"Full Name\", order$total, \"camelCase\" from users");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).keySet()).containsExactly("id", "Full Name", "order$total", "camelCase");
        assertThat(rows.get(0).get("id")).isEqualTo(1L);
        List<Object> seen = new ArrayList<>();
        db.forEachRow("select id from users", row -> seen.add(row.get("id")));
        assertThat(seen).containsExactly(1L);
    }
}
