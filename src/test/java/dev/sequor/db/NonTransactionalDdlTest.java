package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract {@link Dialect#transactionalDdl()} gives a database whose DDL commits implicitly (MySQL): a table write
 * creates its missing target before the transaction that moves the rows, so that transaction is never split. Run on
 * DuckDB with a dialect that says its DDL is not transactional: the observable difference is that a failing first load
 * leaves the created (empty) table behind, where a transactional database leaves nothing.
 */
class NonTransactionalDdlTest {

    private static final SourcePos POS = new SourcePos("flows/x.yaml", 3, 5);

    private DuckDBConnection handle;
    private JdbcDatabase db;

    /** DuckDB's dialect, except that DDL is taken for non-transactional. */
    private static final class DdlCommits implements Dialect {
        private final Dialect duck = DuckDbDialect.INSTANCE;

        @Override public String displayName() { return duck.displayName(); }
        @Override public String defaultNamespace() { return duck.defaultNamespace(); }
        @Override public BulkLoader bulkLoader() { return duck.bulkLoader(); }
        @Override public boolean stagesAsText() { return duck.stagesAsText(); }
        @Override public String stagingNamespace() { return duck.stagingNamespace(); }
        @Override public String fromStaging(ColumnDef column) { return duck.fromStaging(column); }
        @Override public String errorText(SQLException e) { return duck.errorText(e); }
        @Override public boolean transactionalDdl() { return false; }
    }

    @BeforeEach
    void open() throws SQLException {
        handle = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        Connector connector = new Connector() {
            @Override
            public java.sql.Connection acquire() throws SQLException {
                return handle.duplicate();
            }

            @Override
            public void close() {
            }
        };
        db = new JdbcDatabase("stage", new DdlCommits(), connector, "main", line -> { });
    }

    @AfterEach
    void close() throws SQLException {
        handle.close();
    }

    private static Map<String, Object> rec(Object id, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        return m;
    }

    private static final List<ColumnDef> COLUMNS = List.of(ColumnDef.of("id", "integer", "t", POS),
            ColumnDef.of("name", "text", "t", POS));
    private static final WriteSpec MERGE = WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT);

    private void write(List<Map<String, Object>> rows) {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, null, "late", COLUMNS, MERGE, POS).addRows(rows);
            batch.commit();
        }
    }

    @Test
    void theMissingTableIsCreatedBeforeTheDataTransactionWhichStillRollsBackWhole() {
        assertThatThrownBy(() -> write(List.of(rec(1, "a"), rec("not a number", "b"))))
                .isInstanceOf(SequorException.class).hasMessageContaining("not a number");
        // created on its own, committed; the rows rolled back
        assertThat(db.query("SELECT count(*) AS n FROM main.late").get(0).get("n")).isEqualTo(0L);

        write(List.of(rec(1, "a"), rec(2, "b"), rec(1, "a2")));
        write(List.of(rec(2, "b2")));
        assertThat(db.query("SELECT id, name FROM main.late ORDER BY id").stream()
                .map(r -> r.get("id") + ":" + r.get("name")).toList()).containsExactly("1:a2", "2:b2");
    }
}
