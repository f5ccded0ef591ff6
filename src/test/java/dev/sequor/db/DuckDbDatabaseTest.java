package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.testing.OpenedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared database behaviour on a DuckDB file in a temporary project folder, plus DuckDB's own details. */
class DuckDbDatabaseTest extends DatabaseBehaviourTest {

    Path projectDir;
    Path cacheDir;

    @Override
    OpenedDatabase open() throws Exception {
        OpenedDatabase duckDb = OpenedDatabase.duckDb("sequor-duckdb-test", POS);
        projectDir = duckDb.projectDir();
        cacheDir = projectDir.resolve(".cache");
        return duckDb;
    }

    @Test
    void relativeFilePathsLiveInTheProjectAndDuckDbFilesInTheCache() {
        assertThat(projectDir.resolve("data/stage.db")).exists();
        Row settings = db.query("SELECT current_setting('home_directory') AS home,"
                + " current_setting('extension_directory') AS ext, current_setting('temp_directory') AS tmp").get(0);
        assertThat(settings.get("home")).isEqualTo(cacheDir.resolve("duckdb").toAbsolutePath().toString());
        assertThat((String) settings.get("ext")).startsWith(cacheDir.toAbsolutePath().toString());
        assertThat((String) settings.get("tmp")).startsWith(cacheDir.toAbsolutePath().toString());
        assertThat(db.defaultNamespace()).isEqualTo("main");
    }

    @Test
    void aNullNamespaceWritesToMain() {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, null, "in_main", cols("id", "integer"), WriteMode.CREATE, POS).addRows(
                    java.util.List.of(rec("id", 1)));
            batch.commit();
        }
        assertThat(column("SELECT id FROM main.in_main")).containsExactly(1);
    }

    @Test
    void duckDbSpecificValuesAreReadAsPlainJava() {
        Row row = db.query("SELECT {'a': 1, 'b': [1, 2]} AS st, [1, 2] AS arr, '{\"k\":1}'::json AS j,"
                + " 1::hugeint AS h, 2::smallint AS sm, 1.5::real AS f, gen_random_uuid() AS u,"
                + " TIMESTAMPTZ '2024-01-01 10:00:00+00' AS tz, MAP {'k': 'v'} AS m").get(0);
        assertThat(row.get("st")).isEqualTo("{\"a\":1,\"b\":[1,2]}");
        assertThat(row.get("arr")).isEqualTo("[1,2]");
        assertThat(row.get("j")).isEqualTo("{\"k\":1}");
        assertThat(row.get("h")).isEqualTo(1L);
        assertThat(row.get("sm")).isEqualTo(2);
        assertThat(row.get("f")).isEqualTo(1.5);
        assertThat(row.get("u")).isInstanceOf(String.class);
        assertThat(row.get("tz")).isInstanceOf(java.time.OffsetDateTime.class);
        assertThat(row.get("m")).isEqualTo("{\"k\":\"v\"}");
    }

    @Test
    void nestedValuesLandInDuckDbsNestedTypes() {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, null, "nested", java.util.List.of(
                    ColumnDef.of("s", "STRUCT(a INTEGER, \"b c\" VARCHAR)", "nested", POS),
                    ColumnDef.of("m", "MAP(VARCHAR, INTEGER)", "nested", POS),
                    ColumnDef.of("l", "INTEGER[]", "nested", POS),
                    ColumnDef.of("ls", "STRUCT(q VARCHAR)[]", "nested", POS)), WriteMode.CREATE, POS).addRows(
                    java.util.List.of(Map.of("s", Map.of("a", 1, "b c", "x y"), "m", Map.of("k", 2),
                            "l", java.util.List.of(1, 2), "ls", java.util.List.of(Map.of("q", "it's, \"quoted\"}")))));
            batch.commit();
        }
        Row row = db.query("SELECT s.a AS a, s['b c'] AS bc, m['k'] AS k, l[2] AS l2, ls[1].q AS q FROM nested").get(0);
        assertThat(row.get("a")).isEqualTo(1);
        assertThat(row.get("bc")).isEqualTo("x y");
        assertThat(row.get("k")).isEqualTo(2);
        assertThat(row.get("l2")).isEqualTo(2);
        assertThat(row.get("q")).isEqualTo("it's, \"quoted\"}");
    }

    /** PostgreSQL's {@code jsonb} is DuckDB's JSON, so a flow declaring it runs on either. */
    @Test
    void jsonbIsJson() {
        write("docs_b", cols("id", "integer", "doc", "jsonb"), WriteMode.CREATE,
                java.util.List.of(Map.of("id", 1, "doc", Map.of("a", 1))));
        assertThat(db.query("SELECT typeof(doc) AS t, doc->>'a' AS a FROM docs_b").get(0).values())
                .containsExactly("JSON", "1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write("docs_b", cols("id", "integer", "doc", "jsonb"),
                WriteMode.CREATE, java.util.List.of(Map.of("id", 2, "doc", "{"))))
                .hasMessageStartingWith("Value '{' in row 1 for table 'docs_b' does not fit column 'doc' of type jsonb (");
    }

    /**
     * Two refused values in one load: the first by row is named, and the database's words that follow are about it,
     * though the move failed on the other.
     */
    @Test
    void theDatabasesWordsAreAboutTheValueNamed() {
        java.util.Map<String, Object> second = new java.util.LinkedHashMap<>();
        second.put("id", 2);
        second.put("n", "");
        second.put("j", Map.of("a", 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write("mis", cols("id", "integer", "n",
                "numeric(12,2)", "j", "json"), WriteMode.CREATE, java.util.List.of(Map.of("id", 1, "n", "1", "j",
                "not json"), second)))
                .hasMessage("Value 'not json' in row 1 for table 'mis' does not fit column 'j' of type json (SQL error"
                        + " on source 'stage': Conversion Error: Malformed JSON at byte 0 of input: invalid literal."
                        + "  Input: \"not json\" when casting from source column j).");
    }

    /** A list of {@code jsonb} is a list of JSON: the record's array lands element by element. */
    @Test
    void jsonbListsAreJsonLists() {
        write("docs_bl", cols("id", "integer", "docs", "jsonb[]"), WriteMode.CREATE,
                java.util.List.of(Map.of("id", 1, "docs", java.util.List.of(Map.of("a", 1), "x, y", 2))));
        assertThat(db.query("SELECT typeof(docs) AS t, len(docs) AS n, docs[1]->>'a' AS a FROM docs_bl").get(0).values())
                .containsExactly("JSON[]", 3L, "1");
    }

    @Test
    void anUnknownDeclaredTypeFailsWhenTheTargetIsOpened() {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                            batch.target(db, null, "bad_type", cols("id", "integr"), WriteMode.CREATE, POS))
                    .hasMessageStartingWith("SQL error on source 'stage': ").hasMessageContaining("integr");
        }
        assertThat(stagingTablesLeft()).isZero();
    }

    private static final String NO_HOST_FILES = "(DuckDB sources cannot read or write host files unless the source"
            + " file sets 'allow_external_access: true')";

    @Test
    void sqlCannotReadOrWriteHostFilesByDefault() {
        assertThatThrownBy(() -> db.query("SELECT content FROM read_text('/etc/passwd')"))
                .isInstanceOf(SequorException.class)
                .hasMessage("SQL error on source 'stage': Permission Error: Cannot access file \"/etc/passwd\" - file"
                        + " system operations are disabled by configuration " + NO_HOST_FILES);
        Path out = projectDir.resolve("refused.csv");
        assertThatThrownBy(() -> db.execute("COPY (SELECT 1 AS a) TO '" + out + "'"))
                .isInstanceOf(SequorException.class).hasMessageEndingWith(NO_HOST_FILES);
        assertThat(out).doesNotExist();
        assertThatThrownBy(() -> db.execute("SET enable_external_access = true"))
                .isInstanceOf(SequorException.class).hasMessageContaining("the configuration has been locked");
        assertThat(db.query("SELECT current_setting('enable_external_access') AS on").get(0).get("on"))
                .isEqualTo(false);
    }

    @Test
    void aSourceThatAllowsExternalAccessReadsAndWritesHostFiles() throws Exception {
        Path out = projectDir.resolve("copied.csv");
        try (Databases others = new Databases(projectDir, cacheDir)) {
            Database open = others.open("open", Map.of("type", "duckdb", "conn_str", "duckdb:///data/open.db",
                    "allow_external_access", true), POS);
            assertThat((String) open.query("SELECT content FROM read_text('/etc/passwd')").get(0).get("content"))
                    .contains("root:");
            open.execute("COPY (SELECT 1 AS a) TO '" + out + "'");
        }
        assertThat(Files.readString(out)).isEqualTo("a\n1\n");
    }

    @Test
    void aConnStrCannotTurnExternalAccessBackOn() {
        try (Databases others = new Databases(projectDir, cacheDir)) {
            assertThatThrownBy(() -> others.open("sneaky", Map.of("type", "duckdb",
                    "conn_str", "jdbc:duckdb:data/sneaky.db;enable_external_access=true"), POS))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("Source 'sneaky' sets 'enable_external_access' in conn_str; DuckDB sources cannot reach"
                            + " host files unless the source file sets 'allow_external_access: true'.");
            assertThatThrownBy(() -> others.open("bad_flag", Map.of("type", "duckdb",
                    "conn_str", "duckdb:///data/flag.db", "allow_external_access", "yes"), POS))
                    .hasMessage("'allow_external_access' of source 'bad_flag' must be true or false, not 'yes'.");
        }
    }
}
