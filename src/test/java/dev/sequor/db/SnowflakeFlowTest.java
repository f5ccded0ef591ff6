package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.run.FlowRunRequest;
import dev.sequor.run.FlowRunner;
import dev.sequor.run.RunOptions;
import dev.sequor.testing.ScriptedApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole flow against Snowflake's SQL: a project whose source is {@code type: jdbc} with {@code dialect: snowflake}
 * and the recording stand-in driver ({@link SnowflakeFakeDriver}) runs two transforms, and the statements that reached
 * the driver are exactly Snowflake's. No account was reachable; the statements are what is checked.
 */
class SnowflakeFlowTest {

    @TempDir
    Path tmp;

    @Test
    void aFlowsTransformsReachTheDriverAsSnowflakeSql() throws Exception {
        SnowflakeFakeDriver.Conversation fake = SnowflakeFakeDriver.reset();
        fake.schema = "ANALYTICS";
        fake.tables.add("ANALYTICS.DAILY");
        fake.queryColumns = List.of("DAY", "N");
        fake.count = 2;
        Path project = fakeWarehouseProject("\"{{ var('pw') }}\"", """
                steps:
                  - op: transform
                    source: warehouse
                    target_table: daily
                    query: "select day, count(*) as n from events group by day"
                  - op: transform
                    source: warehouse
                    target_table: daily
                    write_mode: merge
                    primary_key: [day]
                    query: "select day, n from daily_new"
                """);
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("envs"));
        Files.writeString(home.resolve("envs/test.yaml"), "variables:\n  pw: \"s3cret\"\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new FlowRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new FlowRunRequest(project, home.toString(), "test", "main",
                        new RunOptions(null, null, false, false, false, null, null), true, false, true));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(fake.urls).containsOnly("jdbc:snowflake://myorg-acct.snowflakecomputing.com/?warehouse=WH");
        assertThat(fake.properties.get(0)).containsEntry("user", "loader").containsEntry("password", "s3cret");
        assertThat(fake.statements().stream().map(s -> s.replaceAll("_SEQUOR_STAGE_[0-9A-F]{8}_DAILY", "STAGE"))
                .toList()).containsExactly(
                "CREATE TABLE \"ANALYTICS\".\"STAGE\" AS select day, count(*) as n from events group by day",
                "SELECT count(*) FROM \"ANALYTICS\".\"STAGE\"",
                "ALTER TABLE \"ANALYTICS\".\"STAGE\" SWAP WITH \"ANALYTICS\".\"DAILY\"",
                "DROP TABLE IF EXISTS \"ANALYTICS\".\"STAGE\"",
                "SELECT * FROM (select day, n from daily_new) q LIMIT 0",
                "CREATE TEMPORARY TABLE \"STAGE\" AS SELECT q.*, SEQ8() AS \"_SEQUOR_ROW\" FROM"
                        + " (select day, n from daily_new) q",
                "SELECT count(*) FROM \"STAGE\"",
                "MERGE INTO \"ANALYTICS\".\"DAILY\" AS t USING (SELECT \"DAY\", \"N\" FROM (SELECT \"DAY\", \"N\","
                        + " \"_SEQUOR_ROW\", max(\"_SEQUOR_ROW\") OVER (PARTITION BY \"DAY\") AS \"_SEQUOR_LAST\" FROM"
                        + " (SELECT \"DAY\" AS \"DAY\", \"N\" AS \"N\", \"_SEQUOR_ROW\" AS \"_SEQUOR_ROW\" FROM"
                        + " \"STAGE\") AS typed) AS numbered WHERE \"_SEQUOR_ROW\" = \"_SEQUOR_LAST\") AS s ON"
                        + " t.\"DAY\" = s.\"DAY\" WHEN MATCHED THEN UPDATE SET \"N\" = s.\"N\" WHEN NOT MATCHED THEN"
                        + " INSERT (\"DAY\", \"N\") VALUES (s.\"DAY\", s.\"N\")",
                "TRUNCATE TABLE IF EXISTS \"STAGE\"");
    }

    /** A response table without columns on Snowflake: inferred types, names in upper case, PARSE_JSON for VARIANT. */
    @Test
    void aResponseTableWithoutColumnsLandsWithInferredSnowflakeTypes() throws Exception {
        SnowflakeFakeDriver.Conversation fake = SnowflakeFakeDriver.reset();
        fake.schema = "RAW";
        try (ScriptedApi api = ScriptedApi.start((n, request) -> ScriptedApi.Reply.json(
                "{\"data\": [{\"id\": 1, \"amount\": 1.5, \"at\": \"2024-05-01T10:00:00Z\", \"meta\": {\"a\": [1]}},"
                        + " {\"id\": 2, \"amount\": 3, \"Full Name\": \"Bo \\\"B\\\"\"}]}"))) {
            Path project = fakeWarehouseProject("pw", """
                    steps:
                      - op: http_request
                        id: fetch
                        request:
                          source: api
                          url: "%s/events"
                        response:
                          tables:
                            - source: warehouse
                              table: events
                              data_path: data
                    """.formatted(api.baseUrl()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new FlowRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(new FlowRunRequest(project, tmp.resolve("home").toString(), null, "main",
                            new RunOptions(null, null, false, false, false, null, null), true, false, true));
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
        assertThat(fake.statements().stream().map(s -> s.replaceAll("_SEQUOR_STAGE_[0-9A-F]{8}_EVENTS", "STAGE"))
                .toList()).containsExactly(
                "CREATE TEMPORARY TABLE \"STAGE\" (\"ID\" VARCHAR, \"AMOUNT\" VARCHAR, \"AT\" VARCHAR, \"META\" VARCHAR,"
                        + " \"Full Name\" VARCHAR, \"_SEQUOR_ROW\" VARCHAR)",
                "INSERT INTO \"STAGE\" (\"ID\", \"AMOUNT\", \"AT\", \"META\", \"Full Name\", \"_SEQUOR_ROW\") VALUES"
                        + " (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?) [1, 1.5, 2024-05-01T10:00:00Z, {\"a\":[1]}, null, 1, 2, 3,"
                        + " null, null, Bo \"B\", 2]",
                "DROP TABLE IF EXISTS \"RAW\".\"STAGE\"",
                "CREATE TABLE \"RAW\".\"STAGE\" (\"ID\" NUMBER(38,0), \"AMOUNT\" FLOAT, \"AT\" TIMESTAMP_TZ, \"META\""
                        + " VARIANT, \"Full Name\" VARCHAR)",
                "INSERT INTO \"RAW\".\"STAGE\" (\"ID\", \"AMOUNT\", \"AT\", \"META\", \"Full Name\") SELECT CAST(\"ID\" AS"
                        + " NUMBER(38,0)), CAST(\"AMOUNT\" AS FLOAT), CAST(\"AT\" AS TIMESTAMP_TZ), PARSE_JSON(\"META\"),"
                        + " CAST(\"Full Name\" AS VARCHAR) FROM \"STAGE\"",
                "ALTER TABLE \"RAW\".\"STAGE\" RENAME TO \"RAW\".\"EVENTS\"",
                "TRUNCATE TABLE IF EXISTS \"STAGE\"");
    }

    /** child_tables with merge on Snowflake: the child table's statements, keys cast as the parent's land. */
    @Test
    void childTablesOfAMergeReachTheDriverAsSnowflakeSql() throws Exception {
        SnowflakeFakeDriver.Conversation fake = SnowflakeFakeDriver.reset();
        fake.schema = "RAW";
        try (ScriptedApi api = ScriptedApi.start((n, request) -> ScriptedApi.Reply.json(
                "{\"data\": [{\"id\": 1, \"items\": [{\"sku\": \"A\"}, {\"sku\": \"B\"}]}]}"))) {
            Path project = fakeWarehouseProject("pw", """
                    steps:
                      - op: http_request
                        id: fetch
                        request:
                          source: api
                          url: "%s/orders"
                        response:
                          tables:
                            - {source: warehouse, table: orders, data_path: data, child_tables: true,
                               write_mode: merge, primary_key: [id]}
                    """.formatted(api.baseUrl()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new FlowRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(new FlowRunRequest(project, tmp.resolve("home").toString(), null, "main",
                            new RunOptions(null, null, false, false, false, null, null), true, false, true));
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
        assertThat(fake.log.stream().map(s -> s.replaceAll("_SEQUOR_STAGE_[0-9A-F]{8}_", "STAGE_")).toList())
                .containsSubsequence(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = ? AND column_name = ? ORDER BY"
                        + " table_name [RAW, _INDEX]",
                "CREATE TEMPORARY TABLE \"STAGE_ORDERS\" (\"ID\" VARCHAR, \"_SEQUOR_ROW\" VARCHAR)",
                "CREATE TEMPORARY TABLE \"STAGE_ORDERS__ITEMS\" (\"_PARENT_ID\" VARCHAR, \"_INDEX\" VARCHAR, \"SKU\" VARCHAR,"
                        + " \"_SEQUOR_ROW\" VARCHAR)",
                "INSERT INTO \"STAGE_ORDERS__ITEMS\" (\"_PARENT_ID\", \"_INDEX\", \"SKU\", \"_SEQUOR_ROW\") VALUES (?, ?, ?, ?),"
                        + " (?, ?, ?, ?) [1, 0, A, 1, 1, 1, B, 1]",
                "CREATE TABLE \"RAW\".\"ORDERS__ITEMS\" (\"_PARENT_ID\" NUMBER(38,0), \"_INDEX\" NUMBER(38,0), \"SKU\""
                        + " VARCHAR)",
                "CREATE TABLE \"RAW\".\"ORDERS\" (\"ID\" NUMBER(38,0), PRIMARY KEY (\"ID\"))",
                "(begin)",
                "DELETE FROM \"RAW\".\"ORDERS__ITEMS\" WHERE \"_PARENT_ID\" IN (SELECT CAST(\"ID\" AS NUMBER(38,0)) FROM"
                        + " \"STAGE_ORDERS\")",
                "INSERT INTO \"RAW\".\"ORDERS__ITEMS\" (\"_PARENT_ID\", \"_INDEX\", \"SKU\") SELECT CAST(\"_PARENT_ID\" AS"
                        + " NUMBER(38,0)), CAST(\"_INDEX\" AS NUMBER(38,0)), CAST(\"SKU\" AS VARCHAR) FROM"
                        + " \"STAGE_ORDERS__ITEMS\" WHERE CAST(\"_SEQUOR_ROW\" AS bigint) IN (SELECT"
                        + " max(CAST(\"_SEQUOR_ROW\" AS bigint)) FROM \"STAGE_ORDERS\" GROUP BY \"ID\")",
                "MERGE INTO \"RAW\".\"ORDERS\" AS t USING (SELECT \"ID\" FROM (SELECT \"ID\", \"_SEQUOR_ROW\","
                        + " max(\"_SEQUOR_ROW\") OVER (PARTITION BY \"ID\") AS \"_SEQUOR_LAST\" FROM (SELECT CAST(\"ID\" AS"
                        + " NUMBER(38,0)) AS \"ID\", CAST(\"_SEQUOR_ROW\" AS bigint) AS \"_SEQUOR_ROW\" FROM"
                        + " \"STAGE_ORDERS\") AS typed) AS numbered WHERE \"_SEQUOR_ROW\" = \"_SEQUOR_LAST\") AS s ON t.\"ID\" ="
                        + " s.\"ID\" WHEN NOT MATCHED THEN INSERT (\"ID\") VALUES (s.\"ID\")",
                "(commit)");
    }

    /**
     * A Python bytes value in a BINARY column is staged as its hex, which the CAST to BINARY reads in the landing
     * session's BINARY_INPUT_FORMAT (HEX, set whatever the account's is); in a text column it is its str(), and text in
     * a BINARY column goes as it is, as before.
     */
    @Test
    void bytesReachTheDriverAsHexForABinaryColumn() throws Exception {
        SnowflakeFakeDriver.Conversation fake = SnowflakeFakeDriver.reset();
        fake.schema = "RAW";
        try (ScriptedApi api = ScriptedApi.start((n, request) -> ScriptedApi.Reply.json("{\"data\": []}"))) {
            Path project = fakeWarehouseProject("pw", """
                    steps:
                      - op: http_request
                        id: fetch
                        request:
                          source: api
                          url: "%s/events"
                        response:
                          tables:
                            - source: warehouse
                              table: digests
                              columns: {id: integer, b: bytea, s: text}
                              data_expression: |
                                import hashlib
                                d = hashlib.sha256(b'x').digest()
                                return [{"id": 1, "b": d, "s": d}, {"id": 2, "b": bytes([0, 255]), "s": None},
                                        {"id": 3, "b": "0A0b", "s": None}]
                    """.formatted(api.baseUrl()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new FlowRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(new FlowRunRequest(project, tmp.resolve("home").toString(), null, "main",
                            new RunOptions(null, null, false, false, false, null, null), true, false, true));
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
        assertThat(fake.sessionSettings()).containsExactly(
                "ALTER SESSION SET TIMEZONE = 'UTC' TIMESTAMP_INPUT_FORMAT = 'AUTO' DATE_INPUT_FORMAT = 'AUTO'"
                        + " BINARY_INPUT_FORMAT = 'HEX'",
                "ALTER SESSION UNSET TIMEZONE, TIMESTAMP_INPUT_FORMAT, DATE_INPUT_FORMAT, BINARY_INPUT_FORMAT");
        assertThat(fake.statements().stream().map(s -> s.replaceAll("_SEQUOR_STAGE_[0-9A-F]{8}_DIGESTS", "STAGE"))
                .toList()).containsExactly(
                "SELECT CAST(NULL AS integer), CAST(NULL AS BINARY), CAST(NULL AS text)",
                "CREATE TEMPORARY TABLE \"STAGE\" (\"ID\" VARCHAR, \"B\" VARCHAR, \"S\" VARCHAR, \"_SEQUOR_ROW\" VARCHAR)",
                "INSERT INTO \"STAGE\" (\"ID\", \"B\", \"S\", \"_SEQUOR_ROW\") VALUES (?, ?, ?, ?), (?, ?, ?, ?),"
                        + " (?, ?, ?, ?) [1, " + BinaryColumnsFlowTest.DIGEST.toUpperCase(java.util.Locale.ROOT) + ", "
                        + BinaryColumnsFlowTest.DIGEST_STR + ", 1, 2, 00FF, null, 2, 3, 0A0b, null, 3]",
                "DROP TABLE IF EXISTS \"RAW\".\"STAGE\"",
                "CREATE TABLE \"RAW\".\"STAGE\" (\"ID\" integer, \"B\" BINARY, \"S\" text)",
                "INSERT INTO \"RAW\".\"STAGE\" (\"ID\", \"B\", \"S\") SELECT CAST(IFF(REGEXP_LIKE(\"ID\","
                        + " ' *[-+]?[0-9]+ *'), \"ID\", 'not a whole number: ' || \"ID\") AS integer), CAST(\"B\" AS"
                        + " BINARY), CAST(\"S\" AS text) FROM \"STAGE\"",
                "ALTER TABLE \"RAW\".\"STAGE\" RENAME TO \"RAW\".\"DIGESTS\"",
                "TRUNCATE TABLE IF EXISTS \"STAGE\"");
    }

    @Test
    void theKeysPassphraseIsMaskedInWhatARunPrints() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("project.yaml"), "name: sf\n");
        Files.createDirectories(project.resolve("sources"));
        Files.writeString(project.resolve("sources/warehouse.yaml"), """
                type: snowflake
                account: myorg-acct
                user: loader
                private_key_file: keys/rsa.p8
                private_key_file_pwd: "{{ var('phrase') }}"
                """);
        Files.createDirectories(project.resolve("flows"));
        Files.writeString(project.resolve("flows/main.yaml"), """
                steps:
                  - op: print
                    message: "passphrase: {{ var('phrase') }}"
                """);
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("envs"));
        Files.writeString(home.resolve("envs/test.yaml"), "variables:\n  phrase: \"open-sesame-42\"\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new FlowRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new FlowRunRequest(project, home.toString(), "test", "main",
                        new RunOptions(null, null, false, false, false, null, null), true, false, true));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("passphrase: <redacted>\n");
    }

    @Test
    void theExampleSourceFileValidatesWithoutAWord() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("project.yaml"), "name: sf\n");
        Files.createDirectories(project.resolve("sources"));
        Files.createDirectories(project.resolve("flows"));
        Files.copy(Path.of("examples/sources/snowflake.yaml"), project.resolve("sources/warehouse.yaml"));
        Files.writeString(project.resolve("flows/main.yaml"), """
                steps:
                  - op: transform
                    source: warehouse
                    target_table: daily
                    query: "select 1 as id"
                """);
        var result = new dev.sequor.validate.ProjectValidator(dev.sequor.project.Project.load(project), false)
                .validate(null);
        assertThat(result.problems()).isEmpty();
        assertThat(result.filesChecked()).isEqualTo(2);
    }

    /**
     * A project in {@code tmp} whose source {@code warehouse} reaches Snowflake through {@link SnowflakeFakeDriver}
     * (password {@code password} as YAML), with an http source {@code api} and {@code mainFlow} as flows/main.yaml.
     */
    private Path fakeWarehouseProject(String password, String mainFlow) throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("project.yaml"), "name: sf\n");
        Files.createDirectories(project.resolve("sources"));
        Files.writeString(project.resolve("sources/warehouse.yaml"), """
                type: jdbc
                url: "jdbc:snowflake://myorg-acct.snowflakecomputing.com/?warehouse=WH"
                driver: dev.sequor.db.SnowflakeFakeDriver
                dialect: snowflake
                username: loader
                password: %s
                """.formatted(password));
        Files.writeString(project.resolve("sources/api.yaml"), "type: http\n");
        Files.createDirectories(project.resolve("flows"));
        Files.writeString(project.resolve("flows/main.yaml"), mainFlow);
        return project;
    }
}
