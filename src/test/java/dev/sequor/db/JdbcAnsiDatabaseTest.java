package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.testing.OpenedDatabase;
import dev.sequor.testing.PostgresTestDatabase;
import java.util.LinkedHashMap;
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

    /** The ANSI dialect knows no driver's error format: the database's own words only. */
    @Override
    String refusedValue(String naming) {
        return "SQL error on source 'stage': ";
    }
}
