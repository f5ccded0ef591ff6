package dev.sequor.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sequor.testing.FlowProject;
import dev.sequor.testing.FlowTestDatabase;
import dev.sequor.testing.MySqlTestDatabase;
import dev.sequor.testing.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An op whose tables are on several databases changes all of them or none: a value one database refuses leaves the
 * tables of the others as they were, whichever table the op lists first (the transactional databases' commits wait,
 * open, for the others). Real DuckDB, PostgreSQL and MariaDB.
 */
class CrossDatabaseCommitTest {

    @RegisterExtension
    static final FlowTestDatabase pg = new FlowTestDatabase("sequor_cross_db_commit");

    @RegisterExtension
    static final WireMockExtension api = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();

    @TempDir
    Path tmp;

    private FlowProject project;
    private MySqlTestDatabase maria;

    @BeforeEach
    void setUp() throws Exception {
        PostgresTestDatabase.assumeAvailable();
        project = FlowProject.create(tmp, FlowProject.Db.DUCKDB, null, "base_url: \"" + api.baseUrl() + "\"");
        Files.writeString(tmp.resolve("project/sources/pg.yaml"), "type: postgres\nconn_str: \""
                + PostgresTestDatabase.url(pg.name()) + "\"\nusername: \"" + PostgresTestDatabase.user()
                + "\"\npassword: \"" + PostgresTestDatabase.password() + "\"\n");
        try (Connection c = PostgresTestDatabase.connect(pg.name()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS kept_pg, replaced_pg, refusing_pg");
            s.execute("CREATE TABLE kept_pg (id integer)");
            s.execute("INSERT INTO kept_pg VALUES (0)");
        }
        project.flow("seed", """
                steps:
                  - op: execute
                    source: stage
                    statement: |
                      create table kept_duck (id integer)
                      go
                      insert into kept_duck values (0)
                      go
                """);
        FlowProject.Result seeded = project.run("seed");
        assertThat(seeded.exit()).as(seeded.err()).isZero();
        // two records; "x" is no integer
        api.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("{\"data\": [{\"id\": 1, \"v\": 1}, {\"id\": 2,"
                + " \"v\": \"x\"}]}")));
    }

    @AfterEach
    void tearDown() {
        if (maria != null) {
            maria.close();
        }
    }

    /** One op: each entry of {@code tables} is a table entry's YAML (flow mapping). */
    private void op(String... tables) throws Exception {
        StringBuilder flow = new StringBuilder("""
                steps:
                  - op: http_request
                    id: fetch
                    request:
                      url: "{{ var('base_url') }}/items"
                    response:
                      tables:
                """);
        for (String t : tables) {
            flow.append("        - ").append(t).append('\n');
        }
        project.flow("fetch", flow.toString());
    }

    private static final String DUCK_APPEND = "{source: stage, table: kept_duck, write_mode: append, data_path: data,"
            + " columns: {id: integer}}";
    private static final String DUCK_REFUSING = "{source: stage, table: kept_duck, write_mode: create, data_path: data,"
            + " columns: {v: integer}}";
    private static final String PG_APPEND = "{source: pg, table: kept_pg, write_mode: append, data_path: data,"
            + " columns: {id: integer}}";
    private static final String PG_REFUSING = "{source: pg, table: kept_pg, write_mode: create, data_path: data,"
            + " columns: {v: integer}}";
    private static final String PG_REPLACE = "{source: pg, table: replaced_pg, write_mode: create, data_path: data,"
            + " columns: {id: integer}}";

    @Test
    void aValuePostgresqlRefusesLeavesTheDuckDbTableListedBeforeItAsItWas() throws Exception {
        op(DUCK_APPEND, PG_REFUSING.replace("kept_pg", "refusing_pg"));

        FlowProject.Result r = project.run("fetch");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLine("Error in")).contains("does not fit column 'v'");
        assertThat(project.rows("select id from kept_duck order by id")).containsExactly(List.of("0"));
        assertThat(pgRows("select count(*) from information_schema.tables where table_name = 'refusing_pg'"))
                .containsExactly(List.of("0"));
    }

    @Test
    void aValueDuckDbRefusesLeavesThePostgresqlTablesListedBeforeItAsTheyWere() throws Exception {
        op(PG_APPEND, PG_REPLACE, DUCK_REFUSING.replace("kept_duck", "refusing_duck"));

        FlowProject.Result r = project.run("fetch");

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.errLine("Error in")).contains("does not fit column 'v'");
        assertThat(pgRows("select id from kept_pg order by id")).containsExactly(List.of("0"));
        assertThat(pgRows("select count(*) from information_schema.tables where table_name = 'replaced_pg'"))
                .containsExactly(List.of("0"));
        assertThat(project.rows("select count(*) from information_schema.tables where table_name = 'refusing_duck'"))
                .containsExactly(List.of("0"));
    }

    @Test
    void aValueMariaDbRefusesLeavesThePostgresqlAndDuckDbTablesAsTheyWere() throws Exception {
        maria = MySqlTestDatabase.createDatabase();
        Files.writeString(tmp.resolve("project/sources/maria.yaml"), "type: mysql\nconn_str: \""
                + MySqlTestDatabase.url(maria.database()) + "\"\nusername: \"" + MySqlTestDatabase.user()
                + "\"\npassword: \"" + MySqlTestDatabase.password() + "\"\n");
        op(DUCK_APPEND, PG_APPEND, "{source: maria, table: refusing_maria, data_path: data, columns: {v: integer}}");

        FlowProject.Result r = project.run("fetch");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLine("Error in")).contains("does not fit column 'v'");
        assertThat(project.rows("select id from kept_duck order by id")).containsExactly(List.of("0"));
        assertThat(pgRows("select id from kept_pg order by id")).containsExactly(List.of("0"));
    }

    @Test
    void whenEveryDatabaseTakesItsRowsEveryTableChanges() throws Exception {
        op(DUCK_APPEND, PG_APPEND, PG_REPLACE);

        FlowProject.Result r = project.run("fetch");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(project.rows("select id from kept_duck order by id")).containsExactly(List.of("0"), List.of("1"),
                List.of("2"));
        assertThat(pgRows("select id from kept_pg order by id")).containsExactly(List.of("0"), List.of("1"),
                List.of("2"));
        assertThat(pgRows("select id from replaced_pg order by id")).containsExactly(List.of("1"), List.of("2"));
    }

    private static List<List<String>> pgRows(String sql) throws SQLException {
        try (Connection c = PostgresTestDatabase.connect(pg.name())) {
            return FlowProject.rows(c, sql);
        }
    }
}
