package dev.sequor.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.testing.PostgresTestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden harness cannot miss a difference: typed cells, leftover tables in any schema, malformed cases. Each
 * check is shown to fail on the difference it exists for, so a green golden run means something.
 */
class GoldenHarnessTest {

    @TempDir
    Path dir;

    @Test
    void theIntegerOneIsNotTheTextOne() {
        CommonType text = CommonType.parse("text");
        CommonType integer = CommonType.parse("integer");
        assertThat(Cells.fromCase(text, 1)).isNotEqualTo(Cells.fromDatabase(text, "1"))
                .isEqualTo("1 <case.yaml gives integer \"1\", which cannot be a text value>");
        assertThat(Cells.fromCase(integer, "1")).isNotEqualTo(Cells.fromDatabase(integer, 1L));
        assertThat(Cells.fromCase(integer, 1)).isEqualTo(Cells.fromDatabase(integer, 1L)).isEqualTo("1");
        assertThat(Cells.fromCase(text, "1")).isEqualTo(Cells.fromDatabase(text, "1")).isEqualTo("\"1\"");
    }

    @Test
    void numbersAreEqualWhenTheDatabaseSaysSo() {
        CommonType decimal = CommonType.parse("decimal(10,2)");
        CommonType floating = CommonType.parse("float");
        CommonType real = CommonType.parse("real");
        assertThat(Cells.fromCase(decimal, new BigDecimal("1.50"))).isEqualTo(Cells.fromDatabase(decimal, new BigDecimal("1.5")));
        assertThat(Cells.fromCase(decimal, new BigDecimal("1.51"))).isNotEqualTo(Cells.fromDatabase(decimal, new BigDecimal("1.5")));
        assertThat(Cells.fromCase(decimal, "1.50")).contains("cannot be a decimal(10,2) value");
        assertThat(Cells.fromCase(floating, 1)).isEqualTo(Cells.fromDatabase(floating, 1.0d));
        assertThat(Cells.fromCase(floating, new BigDecimal("0.1"))).isEqualTo(Cells.fromDatabase(floating, 0.1d));
        assertThat(Cells.fromCase(floating, new BigDecimal("0.1"))).isNotEqualTo(Cells.fromDatabase(floating, 0.1f));
        assertThat(Cells.fromCase(real, new BigDecimal("0.1"))).isEqualTo(Cells.fromDatabase(real, 0.1f));
        assertThat(Cells.fromCase(CommonType.parse("integer"), new BigDecimal("1.0"))).contains("cannot be");
    }

    @Test
    void timesJsonAndNullsCompareAsValues() {
        CommonType tz = CommonType.parse("timestamptz");
        assertThat(Cells.fromCase(tz, "2024-01-02T10:00:00Z"))
                .isEqualTo(Cells.fromDatabase(tz, OffsetDateTime.parse("2024-01-02T12:00:00+02:00")));
        CommonType ts = CommonType.parse("timestamp");
        assertThat(Cells.fromCase(ts, "2024-01-02 10:00:00")).isEqualTo(Cells.fromDatabase(ts, "2024-01-02T10:00"));
        CommonType json = CommonType.parse("json");
        assertThat(Cells.fromCase(json, Map.of("b", 1, "a", java.util.List.of(true))))
                .isEqualTo(Cells.fromDatabase(json, "{\"a\": [true], \"b\": 1.0}"));
        assertThat(Cells.fromCase(json, "x")).isNotEqualTo(Cells.fromDatabase(json, "[\"x\"]"));
        assertThat(Cells.fromCase(json, null)).isNotEqualTo(Cells.fromDatabase(json, "null"));
        assertThat(Cells.fromCase(CommonType.parse("text"), null)).isNotEqualTo(Cells.fromDatabase(CommonType.parse("text"), "null"));
    }

    @Test
    void caseYamlKeepsTheDecimalAsWritten() {
        Map<?, ?> m = (Map<?, ?>) CaseYaml.load("{a: 1.50, b: '1.50', c: 1, d: .nan}");
        assertThat(m.get("a")).isEqualTo(new BigDecimal("1.50"));
        assertThat(m.get("b")).isEqualTo("1.50");
        assertThat(m.get("c")).isEqualTo(1);
        assertThat(m.get("d")).isEqualTo(Double.NaN);
    }

    @Test
    void databaseTypesMapToOneVocabulary() {
        assertThat(CommonType.ofDuckDb("BIGINT")).isEqualTo(CommonType.ofPostgres("int8", 64, 0));
        assertThat(CommonType.ofDuckDb("VARCHAR[]")).hasToString("text[]").isEqualTo(CommonType.ofPostgres("_text", null, null));
        assertThat(CommonType.ofDuckDb("DECIMAL(10,2)")).isEqualTo(CommonType.ofPostgres("numeric", 10, 2));
        assertThat(CommonType.ofPostgres("numeric", null, null)).hasToString("decimal");
        assertThat(CommonType.ofDuckDb("FLOAT")).isEqualTo(CommonType.ofPostgres("float4", 24, null));
        assertThat(CommonType.ofDuckDb("STRUCT(a INTEGER)").known()).isFalse();
        assertThatThrownBy(() -> CommonType.parse("varchar")).hasMessageContaining("not a golden column type");
    }

    @Test
    void duckDbLeftoversInAnySchemaAreFound() throws SQLException {
        try (Connection conn = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties())) {
            leaveTables(conn);
            assertLeftoversReported(DatabaseTables.read(conn, "duckdb"));
        }
    }

    @Test
    void postgresLeftoversInAnySchemaAreFound() throws SQLException {
        PostgresTestDatabase.assumeAvailable();
        try (GoldenPostgres pg = GoldenPostgres.create()) {
            try (Connection conn = pg.connect()) {
                leaveTables(conn);
                assertLeftoversReported(DatabaseTables.read(conn, "postgres"));
            }
            pg.reset();
            try (Connection conn = pg.connect()) {
                assertThat(DatabaseTables.read(conn, "postgres")).isEmpty();
            }
        }
    }

    private static void leaveTables(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE items (id text)");
            s.execute("INSERT INTO items VALUES ('1')");
            s.execute("CREATE TABLE \"_sequor_stage_0123abcd_items\" (id text)");
            s.execute("CREATE SCHEMA analytics");
            s.execute("CREATE TABLE analytics.items (id bigint)");
        }
    }

    private static void assertLeftoversReported(Map<String, TableContents> got) {
        assertThat(got).containsOnlyKeys("items", "_sequor_stage_0123abcd_items", "analytics.items");
        Map<String, TableContents> want = Map.of("items", new TableContents("items",
                Map.of("id", CommonType.parse("text")), java.util.List.of("{id: \"1\"}")));
        assertThat(TableContents.differences(want, Map.of("items", got.get("items")))).isEmpty();
        assertThat(TableContents.differences(want, got)).hasValue(
                "tables differ: unexpected [_sequor_stage_0123abcd_items, analytics.items], missing [], different []");
    }

    @Test
    void aMalformedCaseIsRefusedNotSkipped() throws IOException {
        assertThatThrownBy(() -> load("expect:\n  tabels: {}\n"))
                .hasMessage("golden case c: unknown key(s) [tabels] in expect; known: [absent_project_variables,"
                        + " absent_tables, exit, project_variables, requests, stderr, stderr_contains, stdout, tables]");
        GoldenCase missingCell = load("expect:\n  tables:\n    t:\n      columns: {a: integer, b: text}\n"
                + "      rows:\n        - {a: 1}\n");
        assertThatThrownBy(() -> missingCell.tables("duckdb"))
                .hasMessage("golden case c: expect.tables.t row 1 must give exactly the columns [a, b], not {a=1}");
        GoldenCase perDatabase = load("expect:\n  tables:\n    t:\n      columns: {a: {duckdb: \"decimal(38,2)\","
                + " postgres: decimal}}\n      rows: [{a: 1.50}]\n");
        assertThat(perDatabase.tables("duckdb").get("t").columns()).containsEntry("a", CommonType.parse("decimal(38,2)"));
        assertThat(perDatabase.tables("postgres").get("t").rows()).containsExactly("{a: 1.5}");
    }

    private GoldenCase load(String caseYaml) throws IOException {
        Path c = Files.createDirectories(dir.resolve("c"));
        Files.writeString(c.resolve("case.yaml"), caseYaml);
        return GoldenCase.load(c);
    }
}
