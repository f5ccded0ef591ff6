package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.testing.OpenedDatabase;
import dev.sequor.testing.PostgresTestDatabase;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared database behaviour on the real PostgreSQL, in a fresh schema, plus PostgreSQL's own details. */
class PostgresDatabaseTest extends DatabaseBehaviourTest {

    @Override
    OpenedDatabase open() throws Exception {
        return OpenedDatabase.postgres("sequor-pg-test", POS);
    }

    /**
     * PostgreSQL's text holds no NUL character, and its own error names neither column nor row: the value is refused
     * before it is sent, named with its row and column, declared or inferred, and the table keeps its rows.
     */
    @Test
    void aNulCharacterInTextIsNamedWithItsRowAndColumn() {
        write("nul_text", cols("id", "integer", "s", "text"), WriteMode.CREATE, List.of(rec("id", 1, "s", "kept")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write("nul_text", cols("id", "integer", "s", "text"),
                WriteMode.CREATE, List.of(rec("id", 1, "s", "ok"), rec("id", 2, "s", "a\u0000b"))))
                .isInstanceOf(dev.sequor.error.SequorException.class)
                .hasMessage("Value 'a\\u0000b' in row 2 for table 'nul_text' does not fit column 's' of type text (SQL error"
                        + " on source 'stage': PostgreSQL text cannot hold the NUL character (U+0000)).");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write("nul_text", null, WriteMode.APPEND,
                List.of(rec("id", 3, "s", "x\u0000"))))
                .hasMessageStartingWith("Value 'x\\u0000' in row 1 for table 'nul_text' does not fit column 's'");
        assertThat(column("SELECT s FROM " + q("nul_text"))).containsExactly("kept");
        assertThat(stagingTablesLeft()).isZero();
    }

    /**
     * jsonb cannot hold {@code \\u0000} either ("unsupported Unicode escape sequence", naming nothing): an object
     * holding a NUL is refused with its row and column, declared jsonb or inferred (the table's jsonb column, or one
     * the write makes), and the table keeps its rows; an inferred column that widens to text takes it.
     */
    @Test
    void aNulCharacterInJsonIsNamedWithItsRowAndColumn() {
        List<ColumnDef> declared = cols("id", "integer", "j", "jsonb");
        write("nul_json", declared, WriteMode.CREATE, List.of(rec("id", 1, "j", rec("k", 1))));
        List<java.util.Map<String, Object>> records = List.of(rec("id", 2, "j", rec("k", 2)),
                rec("id", 3, "j", rec("k", List.of("x\u0000y"))));
        String refused = "Value '{\"k\":[\"x\\u0000y\"]}' in row 2 for table '%s' does not fit column 'j' of type"
                + " jsonb (%s).";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write("nul_json", declared, WriteMode.APPEND, records))
                .hasMessage(refused, "nul_json", "SQL error on source 'stage': unsupported Unicode escape sequence");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write("nul_json", null, WriteMode.APPEND, records))
                .hasMessage(refused, "nul_json", "PostgreSQL jsonb cannot hold the NUL character (U+0000)");
        // the same when the rows go straight into the table (the op's transaction), where COPY would name no type
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            try (TableWriteBatch batch = new TableWriteBatch()) {
                batch.loadStraightIntoTables();
                batch.target(db, ns, "nul_json", null, WriteMode.APPEND, POS).addRows(records);
                batch.commit();
            }
        }).hasMessage(refused, "nul_json", "PostgreSQL jsonb cannot hold the NUL character (U+0000)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write("nul_json_new", null, WriteMode.CREATE, records))
                .hasMessage(refused, "nul_json_new", "PostgreSQL jsonb cannot hold the NUL character (U+0000)");
        assertThat(column("SELECT id FROM " + q("nul_json"))).containsExactly(1);
        assertThat(column("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + ns
                + "' AND table_name = 'nul_json_new'")).containsExactly(0L);

        write("nul_json_text", null, WriteMode.CREATE, List.of(rec("id", 1, "j", rec("k", "x\u0000y")),
                rec("id", 2, "j", "plain")));
        assertThat(column("SELECT j FROM " + q("nul_json_text") + " ORDER BY id"))
                .containsExactly("{\"k\":\"x\\u0000y\"}", "plain");
        assertThat(stagingTablesLeft()).isZero();
    }

    @Test
    void postgresSpecificValuesAreReadAsPlainJava() {
        Row row = db.query("SELECT '{\"k\": 1}'::jsonb AS jb, '{\"k\":1}'::json AS j, ARRAY[1,2] AS arr,"
                + " TIMESTAMPTZ '2024-01-01 10:00:00+00' AS tz, 2::smallint AS sm, 1.5::real AS f,"
                + " gen_random_uuid() AS u, interval '1 day' AS iv, 12345678901234567890::numeric AS n").get(0);
        assertThat(row.get("jb")).isEqualTo("{\"k\": 1}");
        assertThat(row.get("j")).isEqualTo("{\"k\":1}");
        assertThat(row.get("arr")).isEqualTo("[1,2]");
        assertThat(row.get("tz")).isInstanceOf(OffsetDateTime.class);
        assertThat(((OffsetDateTime) row.get("tz")).toInstant().toString()).isEqualTo("2024-01-01T10:00:00Z");
        assertThat(row.get("sm")).isEqualTo(2);
        assertThat(row.get("f")).isEqualTo(1.5);
        assertThat(row.get("u")).isInstanceOf(String.class);
        assertThat(row.get("iv")).isEqualTo("1 day");
        assertThat(row.get("n")).isEqualTo(new java.math.BigDecimal("12345678901234567890"));
        assertThat(db.defaultNamespace()).isEqualTo("public");
    }

    /**
     * A source whose connection selects a schema ({@code currentSchema=}), as {@code type: postgres} or as
     * {@code type: jdbc} with {@code dialect: postgres}, writes unqualified tables to that schema, where its own
     * unqualified queries read them: created there, then found there by the next append.
     */
    @Test
    void unqualifiedTablesLandInTheSchemaTheConnectionSelects() {
        String schemaParameter = (PostgresTestDatabase.url().contains("?") ? "&" : "?") + "currentSchema=" + ns;
        Map<String, Object> postgres = new LinkedHashMap<>(PostgresTestDatabase.sourceConfig());
        postgres.put("conn_str", PostgresTestDatabase.url() + schemaParameter);
        Map<String, Object> jdbc = new LinkedHashMap<>();
        jdbc.put("type", "jdbc");
        jdbc.put("url", PostgresTestDatabase.jdbcUrl() + schemaParameter);
        jdbc.put("driver", "org.postgresql.Driver");
        jdbc.put("dialect", "postgres");
        jdbc.put("username", PostgresTestDatabase.user());
        jdbc.put("password", PostgresTestDatabase.password());
        for (Map.Entry<String, Map<String, Object>> source : Map.of("cs_postgres", postgres, "cs_jdbc", jdbc)
                .entrySet()) {
            String table = source.getKey();
            Database cs = opened.databases().open(table, source.getValue(), POS);
            assertThat(cs.dialect()).isSameAs(PostgresDialect.INSTANCE);
            assertThat(cs.defaultNamespace()).isEqualTo(ns);
            for (WriteMode mode : List.of(WriteMode.CREATE, WriteMode.APPEND)) {
                try (TableWriteBatch batch = new TableWriteBatch()) {
                    batch.target(cs, null, table, null, WriteSpec.of(mode), POS).addRows(List.of(rec("id", 1)));
                    batch.commit();
                }
            }
            assertThat(cs.query("SELECT count(*) AS n FROM " + table).get(0).get("n")).isEqualTo(2L);
            assertThat(column("SELECT count(*) FROM " + q(table))).containsExactly(2L);
            assertThat(column("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_name = '" + table + "'")).containsExactly(0L);
        }
    }

    @Test
    void jsonColumnsAcceptObjects() {
        write("docs", cols("doc", "jsonb"), WriteMode.CREATE, List.of(rec("doc", rec("a", List.of(1, 2)))));
        assertThat(column("SELECT doc->>'a' FROM " + q("docs"))).containsExactly("[1, 2]");
    }
}
