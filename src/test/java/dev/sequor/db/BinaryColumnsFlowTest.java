package dev.sequor.db;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sequor.testing.FlowProject;
import dev.sequor.testing.FlowTestDatabase;
import dev.sequor.testing.MySqlTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Python {@code bytes} value (a digest, {@code bytes([...])}, a binary column read back by {@code query}) landing
 * in a binary column holds exactly its bytes, on PostgreSQL ({@code bytea}), DuckDB ({@code BLOB}) and MariaDB
 * ({@code LONGBLOB}, {@code VARBINARY}); in a text column it is Python's {@code str()} of it, as before; a text value
 * in a binary column is what the database's own conversion of text makes of it, as before. Real flows on the real
 * databases; the stored bytes are read back as hex.
 */
class BinaryColumnsFlowTest {

    enum Db {
        DUCKDB, POSTGRES, MARIADB
    }

    @RegisterExtension
    static final FlowTestDatabase pg = new FlowTestDatabase("sequor_binary_columns");

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;

    private MySqlTestDatabase maria;

    @AfterEach
    void dropMaria() {
        if (maria != null) {
            maria.close();
        }
    }

    /** sha256(b'x'). */
    static final String DIGEST = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881";
    /** Python's str() of that digest: what a text column gets. */
    static final String DIGEST_STR =
            "b'-q\\x16B\\xb7&\\xb0D\\x01b|\\xa9\\xfb\\xac2\\xf5\\xc8S\\x0f\\xb1\\x90<\\xc4\\xdb\\x02%\\x87\\x17\\x92\\x1aH\\x81'";

    private FlowProject project(Db db) throws Exception {
        FlowProject p = FlowProject.create(tmp, db == Db.POSTGRES ? FlowProject.Db.POSTGRES : FlowProject.Db.DUCKDB,
                pg.name(), "base_url: \"" + api.baseUrl() + "\"");
        if (db == Db.MARIADB) {
            maria = MySqlTestDatabase.createDatabase();
            Files.writeString(tmp.resolve("project/sources/stage.yaml"), "type: mysql\nconn_str: \""
                    + MySqlTestDatabase.url(maria.database()) + "\"\nusername: \"" + MySqlTestDatabase.user()
                    + "\"\npassword: \"" + MySqlTestDatabase.password() + "\"\n");
        }
        api.stubFor(get(urlPathEqualTo("/x")).willReturn(okJson("{\"data\": [{\"id\": 1}]}")));
        return p;
    }

    private static String binaryType(Db db) {
        return switch (db) {
            case DUCKDB -> "blob";
            case POSTGRES, MARIADB -> "bytea";
        };
    }

    /** The column's bytes as lower-case hex, the text columns as they are, by id. */
    private List<List<String>> rows(FlowProject p, Db db, String table, String binary, String... others)
            throws SQLException {
        String hex = switch (db) {
            case POSTGRES -> "encode(" + binary + ", 'hex')";
            case DUCKDB -> "lower(hex(" + binary + "))";
            case MARIADB -> "LOWER(HEX(" + binary + "))";
        };
        String sql = "select id, " + hex + (others.length == 0 ? "" : ", " + String.join(", ", others)) + " from "
                + table + " order by id";
        if (db != Db.MARIADB) {
            return p.rows(sql);
        }
        try (Connection c = MySqlTestDatabase.connect(maria.database())) {
            return FlowProject.rows(c, sql);
        }
    }

    private static String landing(String table, String columns, String data) {
        return """
                  - op: http_request
                    request:
                      url: "{{ var('base_url') }}/x"
                    response:
                      tables:
                        - table: %s
                          source: stage
                          %s
                          data_expression: |
                            import hashlib
                            d = hashlib.sha256(b'x').digest()
                            return %s
                """.formatted(table, columns, data);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void bytesLandInABinaryColumnAsThemselvesAndInATextColumnAsTheirStr(Db db) throws Exception {
        FlowProject p = project(db);
        p.flow("land", "steps:\n" + landing("bin", "columns: {id: integer, b: " + binaryType(db) + ", s: text}", """
                [{"id": 1, "b": d, "s": d}, {"id": 2, "b": bytes([0, 92, 255, 39, 10]), "s": "x"},
                                    {"id": 3, "b": b'', "s": "empty"}, {"id": 4, "b": None, "s": None},
                                    {"id": 5, "b": "abc", "s": "text into binary"},
                                    {"id": 6, "b": "\\\\x41", "s": "text in hex format"}]"""));

        FlowProject.Result r = p.run("land");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(rows(p, db, "bin", "b", "s")).containsExactly(
                List.of("1", DIGEST, DIGEST_STR),
                List.of("2", "005cff270a", "x"),
                List.of("3", "", "empty"),
                java.util.Arrays.asList("4", null, null),
                List.of("5", "616263", "text into binary"),
                // text is converted as the database converts text: PostgreSQL and DuckDB read the escape, MySQL keeps it
                List.of("6", db == Db.MARIADB ? "5c783431" : "41", "text in hex format"));
    }

    private static String execute(Db db, String sql) {
        return """
                  - op: execute
                    source: stage
                    statement: |
                      %s
                      go
                """.formatted(sql);
    }

    /**
     * A binary column read back by {@code query} is bytes in the snippet, and lands as its bytes again: into a declared
     * binary column, and into an existing binary column of a table without declared columns. A bytes value in a table
     * without declared columns infers text, which holds its {@code str()}.
     */
    @ParameterizedTest
    @EnumSource(Db.class)
    void bytesReadBackFromATableLandAsThemselvesAgain(Db db) throws Exception {
        FlowProject p = project(db);
        String binary = binaryType(db).equals("bytea") && db == Db.MARIADB ? "longblob" : binaryType(db);
        String back = """
                [{"id": r["id"], "b": r["b"]} for r in query("stage", "select id, b from bin order by id")]""";
        p.flow("land", "steps:\n"
                + landing("bin", "columns: {id: integer, b: " + binaryType(db) + "}",
                        "[{\"id\": 1, \"b\": d}, {\"id\": 2, \"b\": bytes(range(256))}]")
                + execute(db, "create table kept (id integer, b " + binary + ")")
                + landing("copied", "columns: {id: integer, b: " + binaryType(db) + "}", back)
                + landing("kept", "write_mode: append", back)
                + landing("inferred", "write_mode: create", back));

        FlowProject.Result r = p.run("land");

        assertThat(r.exit()).as(r.err()).isZero();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            all.append(String.format("%02x", i));
        }
        for (String table : List.of("bin", "copied", "kept")) {
            assertThat(rows(p, db, table, "b")).as(table).containsExactly(List.of("1", DIGEST),
                    List.of("2", all.toString()));
        }
        String text = db == Db.MARIADB ? "b" : "cast(b as varchar)";
        List<List<String>> inferred = db == Db.MARIADB
                ? FlowProject.rows(MySqlTestDatabase.connect(maria.database()), "select id, b from inferred order by id")
                : p.rows("select id, " + text + " from inferred order by id");
        assertThat(inferred.get(0)).containsExactly("1", DIGEST_STR);
        assertThat(inferred.get(1).get(1)).startsWith("b'\\x00\\x01\\x02").endsWith("\\xfd\\xfe\\xff'");
    }

    /** A merge by a binary key (a digest) finds the rows an earlier run landed by their bytes. */
    @ParameterizedTest
    @EnumSource(Db.class)
    void aMergeByABinaryKeyMatchesItsBytes(Db db) throws Exception {
        FlowProject p = project(db);
        String merge = "columns: {k: " + binaryType(db) + ", id: integer}\n"
                + "          write_mode: merge\n"
                + "          primary_key: [k]";
        p.flow("first", "steps:\n" + landing("keyed", merge, """
                [{"k": hashlib.md5(str(i).encode()).digest(), "id": i} for i in range(3)]"""));
        p.flow("second", "steps:\n" + landing("keyed", merge, """
                [{"k": hashlib.md5(str(i).encode()).digest(), "id": 10 + i} for i in range(1, 4)]"""));

        FlowProject.Result first = p.run("first");
        assertThat(first.exit()).as(first.err()).isZero();
        FlowProject.Result second = p.run("second");
        assertThat(second.exit()).as(second.err()).isZero();

        String hex = switch (db) {
            case POSTGRES -> "encode(k, 'hex')";
            case DUCKDB -> "lower(hex(k))";
            case MARIADB -> "LOWER(HEX(k))";
        };
        String sql = "select id, " + hex + " from keyed order by id";
        List<List<String>> rows = db == Db.MARIADB
                ? FlowProject.rows(MySqlTestDatabase.connect(maria.database()), sql) : p.rows(sql);
        assertThat(rows).containsExactly(List.of("0", "cfcd208495d565ef66e7dff9f98764da"),
                List.of("11", "c4ca4238a0b923820dcc509a6f75849b"), List.of("12", "c81e728d9d4c2f636f067f89cc14862c"),
                List.of("13", "eccbc87e4b5ce2fe28308fd9f2a7baf3"));
    }

    /**
     * A value too long for a binary column of a length is refused naming its row and the value as it came (MySQL stages
     * binary columns as hex): text as text, bytes that are no UTF-8 as their hex.
     */
    @ParameterizedTest
    @EnumSource(value = Db.class, names = "MARIADB")
    void aValueTooLongForItsBinaryColumnIsRefusedNamingIt(Db db) throws Exception {
        FlowProject p = project(db);
        String type = "varbinary(4)";
        p.flow("text", "steps:\n" + landing("short", "columns: {id: integer, b: " + type + "}", """
                [{"id": 1, "b": "ab"}, {"id": 2, "b": "abcdef"}]"""));
        p.flow("bytes", "steps:\n" + landing("short", "columns: {id: integer, b: " + type + "}", """
                [{"id": 1, "b": b'ab'}, {"id": 2, "b": d}]"""));

        FlowProject.Result text = p.run("text");
        FlowProject.Result bytes = p.run("bytes");

        assertThat(text.err()).contains("Value 'abcdef' in row 2 for table 'short' does not fit column 'b' of type"
                + " varbinary(4) (SQL error on source 'stage': Data too long for column 'b' at row 2)");
        assertThat(bytes.err()).contains("Value '" + DIGEST.toUpperCase(java.util.Locale.ROOT)
                + "' in row 2 for table 'short' does not fit column 'b' of type varbinary(4)");
    }

    /** A snippet that runs on GraalPy (a try statement) hands bytes over as the Java evaluator does. */
    @ParameterizedTest
    @EnumSource(value = Db.class, names = {"POSTGRES", "DUCKDB"})
    void bytesFromGraalPyLandAsThemselves(Db db) throws Exception {
        FlowProject p = project(db);
        p.flow("land", "steps:\n" + landing("bin", "columns: {id: integer, b: " + binaryType(db) + ", s: text}", """
                [{"id": 1, "b": d, "s": d}]
                            try:
                                pass
                            except Exception:
                                pass"""));

        FlowProject.Result r = p.run("land");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(p.log()).contains("runs on GraalPy");
        assertThat(rows(p, db, "bin", "b", "s")).containsExactly(List.of("1", DIGEST, DIGEST_STR));
    }
}
