package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.error.SourcePos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact SQL and texts SnowflakeDialect produces, without an account (none was reachable; what runs end to end
 * against a recording driver is SnowflakeConversationTest).
 */
class SnowflakeDialectTest {

    static final SnowflakeDialect D = SnowflakeDialect.INSTANCE;
    static final SourcePos POS = new SourcePos("flows/x.yaml", 1, 1);

    static String type(String declared) {
        return D.typeSql(ColumnType.parse(declared));
    }

    /**
     * A refused value is looked for with TRY_CAST, in the declared type as Snowflake spells it, and TRY_PARSE_JSON
     * for JSON; types TRY_CAST does not take and text without a length are not tried; the row is the load number.
     */
    @Test
    void theQueryForARefusedValueTriesEachColumnThatCanRefuse() {
        List<ColumnDef> columns = List.of(ColumnDef.of("amount", "numeric(12,2)", "t", POS),
                ColumnDef.of("seen at", "timestamptz", "t", POS), ColumnDef.of("it's", "uuid", "t", POS),
                ColumnDef.of("note", "text", "t", POS), ColumnDef.of("place", "GEOGRAPHY", "t", POS),
                ColumnDef.of("doc", "jsonb", "t", POS));
        assertThat(D.numbersStagedRows()).isTrue();
        String amount = "\"AMOUNT\" IS NOT NULL AND TRY_CAST(\"AMOUNT\" AS numeric(12,2)) IS NULL";
        String seen = "\"seen at\" IS NOT NULL AND TRY_CAST(\"seen at\" AS TIMESTAMP_TZ) IS NULL";
        String its = "\"it's\" IS NOT NULL AND TRY_CAST(\"it's\" AS VARCHAR(36)) IS NULL";
        String doc = "\"DOC\" IS NOT NULL AND TRY_PARSE_JSON(\"DOC\") IS NULL";
        assertThat(D.firstMisfitQuery("\"S\"", columns)).isEqualTo("SELECT r, c, v FROM (SELECT CAST(\"_SEQUOR_ROW\""
                + " AS NUMBER) AS r, CASE WHEN " + amount + " THEN 'amount' WHEN " + seen + " THEN 'seen at' WHEN " + its
                + " THEN 'it''s' WHEN " + doc + " THEN 'doc' END AS c, CASE WHEN " + amount + " THEN \"AMOUNT\" WHEN "
                + seen + " THEN \"seen at\" WHEN " + its + " THEN \"it's\" WHEN " + doc + " THEN \"DOC\" END AS v"
                + " FROM \"S\") AS m WHERE c IS NOT NULL ORDER BY r LIMIT 1");
        assertThat(D.firstMisfitQuery("\"S\"", List.of(ColumnDef.of("note", "varchar", "t", POS)))).isNull();
    }

    @Test
    void namesSnowflakeWouldTakeUnquotedAreUpperCaseOthersExact() {
        assertThat(D.quote("users")).isEqualTo("\"USERS\"");
        assertThat(D.quote("userId")).isEqualTo("\"USERID\"");
        assertThat(D.quote("_sequor_row")).isEqualTo("\"_SEQUOR_ROW\"");
        assertThat(D.quote("price$")).isEqualTo("\"PRICE$\"");
        assertThat(D.quote("Full Name")).isEqualTo("\"Full Name\"");
        assertThat(D.quote("a-b")).isEqualTo("\"a-b\"");
        assertThat(D.quote("1st")).isEqualTo("\"1st\"");
        assertThat(D.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(D.quote("größe")).isEqualTo("\"größe\"");
        assertThat(D.qualified("raw", "events")).isEqualTo("\"RAW\".\"EVENTS\"");
        assertThat(D.qualified(null, "events")).isEqualTo("\"EVENTS\"");
        assertThat(D.stored("users")).isEqualTo("USERS");
        assertThat(D.stored("Full Name")).isEqualTo("Full Name");
        assertThat(D.label("ID")).isEqualTo("id");
        assertThat(D.label("ORDER_TOTAL")).isEqualTo("order_total");
        assertThat(D.label("Full Name")).isEqualTo("Full Name");
        assertThat(D.label("camelCase")).isEqualTo("camelCase");
        assertThat(D.label("COUNT(*)")).isEqualTo("COUNT(*)");
    }

    @Test
    void typeNamesAreSnowflakes() {
        assertThat(type("json")).isEqualTo("VARIANT");
        assertThat(type("jsonb")).isEqualTo("VARIANT");
        assertThat(type("timestamp with time zone")).isEqualTo("TIMESTAMP_TZ");
        assertThat(type("timestamptz")).isEqualTo("TIMESTAMP_TZ");
        assertThat(type("timestamp")).isEqualTo("TIMESTAMP_NTZ");
        assertThat(type("timestamp without time zone")).isEqualTo("TIMESTAMP_NTZ");
        assertThat(type("timestamp(3) with time zone")).isEqualTo("TIMESTAMP_TZ(3)");
        assertThat(type("timestamp(6) without time zone")).isEqualTo("TIMESTAMP_NTZ(6)");
        assertThat(type("timestamp(0)")).isEqualTo("TIMESTAMP_NTZ(0)");
        assertThat(type("timestamptz(9)")).isEqualTo("TIMESTAMP_TZ(9)");
        assertThat(type("uuid")).isEqualTo("VARCHAR(36)");
        assertThat(type("bytea")).isEqualTo("BINARY");
        assertThat(type("numeric(12,2)")).isEqualTo("numeric(12,2)");
        assertThat(type("NUMBER(38,9)")).isEqualTo("NUMBER(38,9)");
        assertThat(type("VARIANT")).isEqualTo("VARIANT");
        assertThat(type("text")).isEqualTo("text");
        assertThat(type("boolean")).isEqualTo("boolean");
    }

    @Test
    void valuesAreStagedAsTextAndConvertedOnTheWayIn() {
        assertThat(D.stagesAsText()).isTrue();
        ColumnDef amount = ColumnDef.of("amount", "numeric(12,2)", "t", POS);
        assertThat(D.stagingType(amount)).isEqualTo("VARCHAR");
        assertThat(D.fromStaging(amount)).isEqualTo("CAST(\"AMOUNT\" AS numeric(12,2))");
        assertThat(D.fromStaging(ColumnDef.of("payload", "jsonb", "t", POS))).isEqualTo("PARSE_JSON(\"PAYLOAD\")");
        assertThat(D.fromStaging(ColumnDef.of("tags", "ARRAY", "t", POS))).isEqualTo("PARSE_JSON(\"TAGS\")");
        assertThat(D.fromStaging(ColumnDef.of("at", "timestamptz", "t", POS)))
                .isEqualTo("CAST(\"AT\" AS TIMESTAMP_TZ)");
    }

    @Test
    void ddlIsNotTransactionalSoTablesAreSwappedAndStagingIsTruncated() {
        assertThat(D.transactionalDdl()).isFalse();
        assertThat(RenameSwap.namedLocks(D)).isFalse();
        assertThat(RenameSwap.namedLocks(MySqlDialect.INSTANCE)).isTrue();
        assertThat(D.swapIn("\"S\".\"B\"", "\"S\".\"T\"", true))
                .containsExactly("ALTER TABLE \"S\".\"B\" SWAP WITH \"S\".\"T\"", "DROP TABLE IF EXISTS \"S\".\"B\"");
        assertThat(D.swapIn("\"S\".\"B\"", "\"S\".\"T\"", false))
                .containsExactly("ALTER TABLE \"S\".\"B\" RENAME TO \"S\".\"T\"");
        assertThat(D.dropStaging("\"_SEQUOR_STAGE_1_T\"")).isEqualTo("TRUNCATE TABLE IF EXISTS \"_SEQUOR_STAGE_1_T\"");
        assertThat(D.emptyTable("\"S\".\"T\"")).isEqualTo("DELETE FROM \"S\".\"T\"");
        assertThat(D.infersColumns()).isTrue();
        assertThat(JdbcDatabase.stagingName("x".repeat(300), D)).hasSize(255).startsWith("_sequor_stage_");
    }

    /**
     * Snowflake's CAST rounds text with a fraction into a whole-number type ('1.5' is 2): into one without a scale of
     * its own, such text is made unreadable as a number first, so the cast fails as PostgreSQL's does for an integer
     * (and TRY_CAST finds the row); a type with a scale, NUMBER(12,0) too, rounds as PostgreSQL's numeric does.
     */
    @Test
    void aFractionIntoAWholeNumberTypeIsRefusedNotRounded() {
        String guarded = "CAST(IFF(REGEXP_LIKE(\"N\", ' *[-+]?[0-9]+ *'), \"N\", 'not a whole number: ' || \"N\") AS ";
        for (String type : List.of("integer", "bigint", "smallint", "int", "numeric", "NUMBER", "decimal")) {
            assertThat(D.fromStaging(ColumnDef.of("n", type, "t", POS))).isEqualTo(guarded + type + ")");
        }
        for (String type : List.of("numeric(12,2)", "NUMBER(12,0)", "float", "text")) {
            assertThat(D.fromStaging(ColumnDef.of("n", type, "t", POS))).isEqualTo("CAST(\"N\" AS " + type + ")");
        }
        assertThat(D.firstMisfitQuery("\"S\"", List.of(ColumnDef.of("n", "integer", "t", POS))))
                .contains("TRY_CAST(IFF(REGEXP_LIKE(\"N\", ' *[-+]?[0-9]+ *'), \"N\", 'not a whole number: ' || \"N\")"
                        + " AS integer) IS NULL");
        assertThat(D.fromStaging(StagedWrites.ROW_NUMBER)).isEqualTo("CAST(\"_SEQUOR_ROW\" AS bigint)");
    }

    /** Every write mode's statements, as TableMoveTest writes them down for PostgreSQL. */
    @Test
    void writeModesInSnowflakeSql() {
        String id = "CAST(IFF(REGEXP_LIKE(\"ID\", ' *[-+]?[0-9]+ *'), \"ID\", 'not a whole number: ' || \"ID\") AS bigint)";
        List<ColumnDef> cols = List.of(ColumnDef.of("id", "bigint", "t", POS), ColumnDef.of("doc", "json", "t", POS));
        String staging = "\"_SEQUOR_STAGE_1_T\"";
        TableMove m = new TableMove(D, "\"RAW\".\"T\"", staging, List.of("id", "doc"),
                cols.stream().map(D::fromStaging).toList(), D.fromStaging(StagedWrites.ROW_NUMBER),
                TableMove.declared(D, cols));
        String insert = "INSERT INTO \"RAW\".\"T\" (\"ID\", \"DOC\") SELECT " + id + ", PARSE_JSON(\"DOC\")"
                + " FROM " + staging;
        assertThat(m.move(WriteSpec.of(WriteMode.CREATE), true)).containsExactly("DROP TABLE IF EXISTS \"RAW\".\"T\"",
                "CREATE TABLE \"RAW\".\"T\" (\"ID\" bigint, \"DOC\" VARIANT)", insert);
        assertThat(m.move(WriteSpec.of(WriteMode.APPEND), true)).containsExactly(insert);
        assertThat(m.move(WriteSpec.of(WriteMode.REPLACE), true)).containsExactly("DELETE FROM \"RAW\".\"T\"", insert);
        WriteSpec upsert = WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT);
        assertThat(m.prepare(upsert, false)).containsExactly(
                "CREATE TABLE \"RAW\".\"T\" (\"ID\" bigint, \"DOC\" VARIANT, PRIMARY KEY (\"ID\"))");
        String last = "SELECT \"ID\", \"DOC\" FROM (SELECT \"ID\", \"DOC\", \"_SEQUOR_ROW\", max(\"_SEQUOR_ROW\") OVER"
                + " (PARTITION BY \"ID\") AS \"_SEQUOR_LAST\" FROM (SELECT " + id + " AS \"ID\","
                + " PARSE_JSON(\"DOC\") AS \"DOC\", CAST(\"_SEQUOR_ROW\" AS bigint) AS \"_SEQUOR_ROW\" FROM " + staging
                + ") AS typed) AS numbered WHERE \"_SEQUOR_ROW\" = \"_SEQUOR_LAST\"";
        assertThat(m.move(upsert, true)).containsExactly("MERGE INTO \"RAW\".\"T\" AS t USING (" + last + ") AS s ON"
                + " t.\"ID\" = s.\"ID\" WHEN MATCHED THEN UPDATE SET \"DOC\" = s.\"DOC\" WHEN NOT MATCHED THEN INSERT"
                + " (\"ID\", \"DOC\") VALUES (s.\"ID\", s.\"DOC\")");
        assertThat(m.move(WriteSpec.merge(List.of("id"), MergeStrategy.DELETE_INSERT), true)).containsExactly(
                "DELETE FROM \"RAW\".\"T\" WHERE \"ID\" IN (SELECT " + id + " FROM " + staging + ")",
                "INSERT INTO \"RAW\".\"T\" (\"ID\", \"DOC\") " + last);
    }

    @Test
    void putNamesTheLocalFileAsAUriAndTheStage(@TempDir Path dir) {
        Path file = dir.resolve("sequor-load-1.csv.gz");
        assertThat(SnowflakeStageLoader.put(file, "@%\"T\"")).isEqualTo("PUT 'file://" + file.toAbsolutePath()
                + "' @%\"T\" SOURCE_COMPRESSION = GZIP AUTO_COMPRESS = FALSE OVERWRITE = TRUE PARALLEL = 1");
    }

    @Test
    void theCsvQuotesEveryValueAndLeavesNullEmpty(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.csv.gz");
        SnowflakeStageLoader.writeCsv(file, Arrays.asList(new String[] {"1", null, ""},
                new String[] {"a,b", "say \"hi\"", "two\nlines"}, new String[] {"é€😀", "\\N", "NULL"}));
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(
                    "\"1\",,\"\"\n\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n\"é€😀\",\"\\N\",\"NULL\"\n");
        }
    }

    @Test
    void errorsKeepTheDetailAfterSnowflakesHeadline() {
        assertThat(D.errorText(new SQLException("SQL compilation error:\nObject 'RAW.USERS' does not exist or not"
                + " authorized.", "02000", 2003))).isEqualTo("SQL compilation error: Object 'RAW.USERS' does not exist or"
                + " not authorized.");
        assertThat(D.errorText(new SQLException("Numeric value 'abc' is not recognized", "22018", 100038)))
                .isEqualTo("Numeric value 'abc' is not recognized");
        assertThat(D.connectionLost(new SQLException("JDBC driver encountered communication error", "08001")))
                .isTrue();
    }

    @Test
    void migrateSchemaAddsInOneAlterAndDropsInAnother() {
        List<ColumnDef> add = List.of(ColumnDef.of("email", "text", "t", POS), ColumnDef.of("Signed Up", "timestamptz",
                "t", POS));
        assertThat(D.alterColumns("\"RAW\".\"T\"", add, List.of("OLD", "Legacy Col"))).containsExactly(
                "ALTER TABLE \"RAW\".\"T\" ADD COLUMN \"EMAIL\" text, \"Signed Up\" TIMESTAMP_TZ",
                "ALTER TABLE \"RAW\".\"T\" DROP COLUMN \"OLD\", \"Legacy Col\"");
        assertThat(D.alterColumns("\"RAW\".\"T\"", List.of(), List.of("OLD")))
                .containsExactly("ALTER TABLE \"RAW\".\"T\" DROP COLUMN \"OLD\"");
        assertThat(MySqlDialect.INSTANCE.alterColumns("`t`", add, List.of("old"))).containsExactly(
                "ALTER TABLE `t` ADD COLUMN `email` LONGTEXT, ADD COLUMN `Signed Up` DATETIME(6), DROP COLUMN `old`");
    }
}
