package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.testing.OpenedDatabase;
import dev.sequor.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared database behaviour through {@code type: jdbc} with {@code dialect: ansi}: the generic path (text
 * staging in temporary tables, CAST on the final insert, multi-row INSERTs), driven here by the PostgreSQL driver
 * named by class, in a schema of its own chosen by the URL.
 */
class JdbcAnsiDatabaseTest extends DatabaseBehaviourTest {

    @Override
    OpenedDatabase open() throws Exception {
        return OpenedDatabase.postgresWithConfig("sequor-jdbc-test", POS, schema -> {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("type", "jdbc");
            config.put("url", PostgresTestDatabase.jdbcUrl()
                    + (PostgresTestDatabase.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema);
            config.put("driver", "org.postgresql.Driver");
            config.put("dialect", "ansi");
            config.put("username", PostgresTestDatabase.user());
            config.put("password", PostgresTestDatabase.password());
            return config;
        });
    }

    @Test
    void theGenericPathWritesUnqualifiedTablesToTheConnectionsSchema() {
        assertThat(db.dialect()).isSameAs(AnsiDialect.INSTANCE);
        assertThat(db.defaultNamespace()).isEqualTo(ns);
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, null, "unqualified", cols("id", "integer"), WriteMode.CREATE, POS)
                    .addRows(java.util.List.of(rec("id", 7)));
            batch.commit();
        }
        assertThat(column("SELECT id FROM " + q("unqualified"))).containsExactly(7);
    }

    /**
     * Standard SQL cannot convert softly, so the rows are halved until the first refused value is left: of three
     * refused values in three columns, the one of the earliest row is named, with its own column and value.
     */
    @Test
    void aRefusedValueIsFoundByHalvingTheNumberedRows() {
        write("orders", cols("id", "integer", "amount", "numeric(12,2)", "seen", "date"), WriteMode.CREATE,
                List.of(rec("id", 0, "amount", "1.50", "seen", "2024-05-01")));
        assertThatThrownBy(() -> {
            try (TableWriteBatch batch = new TableWriteBatch()) {
                TableTarget t = batch.target(db, ns, "orders", cols("id", "integer", "amount", "numeric(12,2)",
                        "seen", "date"), WriteMode.APPEND, POS);
                for (int page = 0; page < 3; page++) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (int i = 1; i <= 1000; i++) {
                        int n = page * 1000 + i;
                        rows.add(rec("id", n == 2500 ? "x" : n, "amount", n == 1234 ? "1.2.3" : "2.25",
                                "seen", n == 1900 ? "2024-13-45" : "2024-05-02"));
                    }
                    t.addRows(rows);
                }
                batch.commit();
            }
        }).isInstanceOf(SequorException.class).hasMessageStartingWith("Value '1.2.3' in row 1234 for table 'orders'"
                + " does not fit column 'amount' of type numeric(12,2) (SQL error on source 'stage': ");
        assertThat(column("SELECT id FROM " + q("orders"))).containsExactly(0);
        assertThat(stagingTablesLeft()).isZero();
    }

    /** Staging of more rows than the search takes is not searched: the database's words stand alone. */
    @Test
    void stagingBeyondTheLimitIsNotSearched() throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresTestDatabase.jdbcUrl() + (PostgresTestDatabase
                .jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + ns, PostgresTestDatabase.user(),
                PostgresTestDatabase.password())) {
            SqlSession s = new SqlSession("stage", AnsiDialect.INSTANCE, c);
            s.execute("CREATE TEMPORARY TABLE staged (\"id\" VARCHAR, \"_sequor_row\" VARCHAR)");
            s.execute("INSERT INTO staged VALUES ('1', '1'), ('two', '2'), ('3', '3')");
            List<ColumnDef> id = cols("id", "integer");
            assertThat(new MisfitBisection(s, AnsiDialect.INSTANCE, "staged", 3).find(id).misfit())
                    .isEqualTo(new Misfit(2, "id", "two"));
            assertThat(new MisfitBisection(s, AnsiDialect.INSTANCE, "staged", 2).find(id)).isNull();
        }
    }
}
