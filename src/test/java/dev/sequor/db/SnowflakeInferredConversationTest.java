package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SourcePos;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inferred columns on a {@code type: snowflake} source, against {@link SnowflakeFakeDriver}: the exact statements each
 * write sends (types, casts, names folded to upper case where they meet the catalog, the widening that Snowflake's
 * ALTER cannot do in one statement) and what freeze and discard refuse or drop. No Snowflake account was reachable
 * where this was written: these tests pin what Sequor sends, not what Snowflake answers.
 */
class SnowflakeInferredConversationTest {

    static final SourcePos POS = new SourcePos("flows/load.yaml", 9, 7);

    @TempDir
    Path dir;
    SnowflakeFakeDriver.Conversation fake;
    JdbcDatabase db;

    @BeforeEach
    void openSource() {
        fake = SnowflakeFakeDriver.reset();
        fake.schema = "API";
        Map<String, Object> keys = new LinkedHashMap<>(Map.of("type", "snowflake", "account", "myorg-acct", "user",
                "loader", "password", "s3cret!", "warehouse", "LOAD_WH", "database", "RAW", "schema", "API"));
        SourceType.Opened o = SnowflakeConnector.open(new SourceConfig("wh", keys, POS, dir, dir),
                SnowflakeFakeDriver.class);
        db = JdbcDatabase.open("wh", o.dialect(), o.connector(), n -> { }, POS);
    }

    @AfterEach
    void close() {
        db.close();
    }

    List<String> log() {
        return fake.logWithStagingNamed("USERS");
    }

    static Map<String, Object> rec(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    void write(WriteSpec spec, List<Map<String, Object>> rows) {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, null, "users", null, spec, POS).addRows(rows);
            batch.commit();
        }
    }

    static final SnowflakeDialect D = SnowflakeDialect.INSTANCE;

    /** An existing USERS (ID NUMBER(38,0), NAME TEXT, SCORE NUMBER(38,0)) as information_schema lists it. */
    void existingUsers() {
        fake.tables.add("API.USERS");
        fake.columns.put("API.USERS", List.of(List.of("ID", "NUMBER(38,0)"), List.of("NAME", "TEXT"),
                List.of("SCORE", "NUMBER(38,0)")));
    }

    @Test
    void createInfersEveryTypeAndRenamesTheBuiltTableIn() {
        write(WriteSpec.of(WriteMode.CREATE), List.of(rec("id", 1, "Full Name", "Ann", "amount", 1.5, "ok", true,
                "at", "2024-05-01T10:00:00+02:00", "day", "2024-05-01", "meta", rec("a", 1), "big",
                new BigInteger("123456789012345678901234567890"), "note", null)));
        assertThat(log()).containsExactly(
                "(exists? API.USERS false)",
                "(leftovers? [API, _SEQUOR_STAGE_])",
                "(begin)",
                "CREATE TEMPORARY TABLE \"S1\" (\"ID\" VARCHAR, \"Full Name\" VARCHAR, \"AMOUNT\" VARCHAR, \"OK\" VARCHAR,"
                        + " \"AT\" VARCHAR, \"DAY\" VARCHAR, \"META\" VARCHAR, \"BIG\" VARCHAR, \"NOTE\" VARCHAR,"
                        + " \"_SEQUOR_ROW\" VARCHAR)",
                "INSERT INTO \"S1\" (\"ID\", \"Full Name\", \"AMOUNT\", \"OK\", \"AT\", \"DAY\", \"META\", \"BIG\", \"NOTE\","
                        + " \"_SEQUOR_ROW\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) [1, Ann, 1.5, true,"
                        + " 2024-05-01T10:00:00+02:00, 2024-05-01, {\"a\":1}, 123456789012345678901234567890, null, 1]",
                "(commit)",
                "DROP TABLE IF EXISTS \"API\".\"S2\"",
                "CREATE TABLE \"API\".\"S2\" (\"ID\" NUMBER(38,0), \"Full Name\" VARCHAR, \"AMOUNT\" FLOAT,"
                        + " \"OK\" BOOLEAN, \"AT\" TIMESTAMP_TZ, \"DAY\" DATE, \"META\" VARIANT, \"BIG\" NUMBER(38,0),"
                        + " \"NOTE\" VARCHAR)",
                "INSERT INTO \"API\".\"S2\" (\"ID\", \"Full Name\", \"AMOUNT\", \"OK\", \"AT\", \"DAY\", \"META\","
                        + " \"BIG\", \"NOTE\") SELECT CAST(\"ID\" AS NUMBER(38,0)), CAST(\"Full Name\" AS VARCHAR),"
                        + " CAST(\"AMOUNT\" AS FLOAT), CAST(\"OK\" AS BOOLEAN), CAST(\"AT\" AS TIMESTAMP_TZ),"
                        + " CAST(\"DAY\" AS DATE), PARSE_JSON(\"META\"), CAST(\"BIG\" AS NUMBER(38,0)),"
                        + " CAST(\"NOTE\" AS VARCHAR) FROM \"S1\"",
                "(begin)",
                "(commit)",
                "(exists? API.USERS false)",
                "ALTER TABLE \"API\".\"S2\" RENAME TO \"API\".\"USERS\"",
                "TRUNCATE TABLE IF EXISTS \"S1\"");
    }

    @Test
    void appendMatchesTheUpperCaseColumnsWidensOneAndAddsANewOneBeforeTheDataTransaction() {
        existingUsers();
        write(WriteSpec.of(WriteMode.APPEND), List.of(rec("id", 2, "name", "b", "score", 7.5, "email", "b@x")));
        assertThat(log()).containsExactly(
                "(exists? API.USERS true)",
                "(columns? API.USERS)",
                "(leftovers? [API, _SEQUOR_STAGE_])",
                "(begin)",
                "CREATE TEMPORARY TABLE \"S1\" (\"ID\" VARCHAR, \"NAME\" VARCHAR, \"SCORE\" VARCHAR, \"EMAIL\" VARCHAR,"
                        + " \"_SEQUOR_ROW\" VARCHAR)",
                "INSERT INTO \"S1\" (\"ID\", \"NAME\", \"SCORE\", \"EMAIL\", \"_SEQUOR_ROW\") VALUES (?, ?, ?, ?, ?)"
                        + " [2, b, 7.5, b@x, 1]",
                "(commit)",
                "(exists? API.USERS true)",
                "ALTER TABLE \"API\".\"USERS\" ADD COLUMN \"_SEQUOR_WIDENED\" FLOAT",
                "UPDATE \"API\".\"USERS\" SET \"_SEQUOR_WIDENED\" = CAST(\"SCORE\" AS FLOAT)",
                "ALTER TABLE \"API\".\"USERS\" DROP COLUMN \"SCORE\"",
                "ALTER TABLE \"API\".\"USERS\" RENAME COLUMN \"_SEQUOR_WIDENED\" TO \"SCORE\"",
                "ALTER TABLE \"API\".\"USERS\" ADD COLUMN \"EMAIL\" VARCHAR",
                "(begin)",
                "(exists? API.USERS true)",
                "INSERT INTO \"API\".\"USERS\" (\"ID\", \"NAME\", \"SCORE\", \"EMAIL\") SELECT CAST(\"ID\" AS NUMBER(38,0)),"
                        + " CAST(\"NAME\" AS TEXT), CAST(\"SCORE\" AS FLOAT), CAST(\"EMAIL\" AS VARCHAR) FROM \"S1\"",
                "TRUNCATE TABLE IF EXISTS \"S1\"",
                "(commit)");
    }

    /** An integer beyond 64 bits fits NUMBER(38,0) as it is: the "widening" to decimal sends nothing. */
    @Test
    void mergeAddsAColumnAndUpsertsWithMerge() {
        existingUsers();
        write(WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT),
                List.of(rec("id", new BigInteger("99999999999999999999"), "name", "c", "big", 1)));
        assertThat(log()).containsExactly(
                "(exists? API.USERS true)",
                "(columns? API.USERS)",
                "(leftovers? [API, _SEQUOR_STAGE_])",
                "(begin)",
                "CREATE TEMPORARY TABLE \"S1\" (\"ID\" VARCHAR, \"NAME\" VARCHAR, \"BIG\" VARCHAR, \"_SEQUOR_ROW\" VARCHAR)",
                "INSERT INTO \"S1\" (\"ID\", \"NAME\", \"BIG\", \"_SEQUOR_ROW\") VALUES (?, ?, ?, ?)"
                        + " [99999999999999999999, c, 1, 1]",
                "(commit)",
                "(exists? API.USERS true)",
                "ALTER TABLE \"API\".\"USERS\" ADD COLUMN \"BIG\" NUMBER(38,0)",
                "(begin)",
                "(exists? API.USERS true)",
                "MERGE INTO \"API\".\"USERS\" AS t USING (SELECT \"ID\", \"NAME\", \"BIG\" FROM (SELECT \"ID\", \"NAME\","
                        + " \"BIG\", \"_SEQUOR_ROW\", max(\"_SEQUOR_ROW\") OVER (PARTITION BY \"ID\") AS \"_SEQUOR_LAST\""
                        + " FROM (SELECT CAST(\"ID\" AS NUMBER(38,0)) AS \"ID\", CAST(\"NAME\" AS TEXT) AS \"NAME\","
                        + " CAST(\"BIG\" AS NUMBER(38,0)) AS \"BIG\", CAST(\"_SEQUOR_ROW\" AS bigint) AS \"_SEQUOR_ROW\""
                        + " FROM \"S1\") AS typed) AS numbered WHERE \"_SEQUOR_ROW\" = \"_SEQUOR_LAST\") AS s ON"
                        + " t.\"ID\" = s.\"ID\" WHEN MATCHED THEN UPDATE SET \"NAME\" = s.\"NAME\", \"BIG\" = s.\"BIG\""
                        + " WHEN NOT MATCHED THEN INSERT (\"ID\", \"NAME\", \"BIG\") VALUES (s.\"ID\", s.\"NAME\","
                        + " s.\"BIG\")",
                "TRUNCATE TABLE IF EXISTS \"S1\"",
                "(commit)");
    }

    @Test
    void freezeRefusesANewFieldAndAWideningBeforeAnyStatementChangesTheTable() {
        existingUsers();
        WriteSpec freeze = WriteSpec.of(WriteMode.APPEND).withEvolution(SchemaEvolution.FREEZE);
        assertThatThrownBy(() -> write(freeze, List.of(rec("id", 2, "name", "b", "code", "x"))))
                .hasMessage("Row 1 for table 'users' has a field 'code' that the table has no column for, and"
                        + " schema_evolution is freeze; add the column to the table, or write schema_evolution: evolve"
                        + " (adds it) or discard (drops the field).");
        assertThatThrownBy(() -> write(freeze, List.of(rec("id", 2, "score", 7.5))))
                .hasMessage("Value 7.5 in row 1 for table 'users' does not fit column 'score' of type number(38,0)"
                        + " (it needs double), and schema_evolution is freeze; write schema_evolution: evolve to widen"
                        + " the column, or fix the value.");
        assertThat(fake.statements()).noneMatch(s -> s.startsWith("ALTER TABLE \"API\"") || s.startsWith("INSERT INTO"
                + " \"API\"") || s.startsWith("UPDATE"));
    }

    @Test
    void discardDropsTheNewFieldAndCastsToTheTablesTypes() {
        existingUsers();
        write(WriteSpec.of(WriteMode.REPLACE).withEvolution(SchemaEvolution.DISCARD),
                List.of(rec("id", 3, "extra", "x", "name", "c")));
        assertThat(log()).containsSequence(
                "(begin)",
                "(exists? API.USERS true)",
                "DELETE FROM \"API\".\"USERS\"",
                "INSERT INTO \"API\".\"USERS\" (\"ID\", \"NAME\") SELECT CAST(\"ID\" AS NUMBER(38,0)), CAST(\"NAME\" AS TEXT)"
                        + " FROM \"S1\"",
                "TRUNCATE TABLE IF EXISTS \"S1\"",
                "(commit)");
        assertThat(fake.statements()).noneMatch(s -> s.contains("EXTRA\" ") && !s.startsWith("CREATE TEMPORARY"))
                .noneMatch(s -> s.startsWith("ALTER TABLE \"API\""));
    }

    @Test
    void catalogTypesReadAsKindsAndWideningsInSnowflakeSql() {
        assertThat(D.existingColumnsQuery()).isEqualTo("SELECT column_name, CASE WHEN data_type = 'NUMBER' THEN"
                + " 'NUMBER(' || numeric_precision || ',' || numeric_scale || ')' ELSE data_type END AS type FROM"
                + " information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position");
        assertThat(D.inferredKind("NUMBER(38,0)")).isEqualTo(InferredKind.BIGINT);
        assertThat(D.inferredKind("NUMBER(12,2)")).isEqualTo(InferredKind.DECIMAL);
        assertThat(D.inferredKind("FLOAT")).isEqualTo(InferredKind.DOUBLE);
        assertThat(D.inferredKind("TEXT")).isEqualTo(InferredKind.TEXT);
        assertThat(D.inferredKind("TIMESTAMP_TZ")).isEqualTo(InferredKind.TIMESTAMPTZ);
        assertThat(D.inferredKind("VARIANT")).isEqualTo(InferredKind.JSON);
        assertThat(D.inferredKind("TIMESTAMP_NTZ")).isNull();
        assertThat(D.inferredKind("OBJECT")).isNull();
        assertThat(D.label("ID")).isEqualTo("id");
        assertThat(D.widenColumn("\"RAW\".\"T\"", "meta", "VARCHAR")).containsExactly(
                "ALTER TABLE \"RAW\".\"T\" ADD COLUMN \"_SEQUOR_WIDENED\" VARCHAR",
                "UPDATE \"RAW\".\"T\" SET \"_SEQUOR_WIDENED\" = TO_VARCHAR(\"META\")",
                "ALTER TABLE \"RAW\".\"T\" DROP COLUMN \"META\"",
                "ALTER TABLE \"RAW\".\"T\" RENAME COLUMN \"_SEQUOR_WIDENED\" TO \"META\"");
        assertThat(D.widenColumn("\"RAW\".\"T\"", "n", "NUMBER(38,0)")).isEmpty();
    }
}
