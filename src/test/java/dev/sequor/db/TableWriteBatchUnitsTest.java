package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.testing.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Units of a {@link TableWriteBatch} (one per for_each row): a unit's rows reach staging together or not at all, and
 * after a failed unit {@link TableWriteBatch#commitCompletedAppends()} commits exactly what the completed units wrote
 * to append tables. On DuckDB and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TableWriteBatchUnitsTest {

    private static final SourcePos POS = new SourcePos("flows/push.yaml", 3, 5);
    private static final List<ColumnDef> COLUMNS = List.of(ColumnDef.of("id", "integer", "t", POS));

    private Databases databases;
    private PostgresTestDatabase pg;
    private Database duck;
    private Database postgres;

    @BeforeAll
    void open() throws Exception {
        Path tmp = Files.createTempDirectory("sequor-units-test");
        databases = new Databases(tmp, tmp.resolve(".cache"));
        duck = databases.open("duck", Map.of("type", "duckdb", "conn_str", "duckdb:///units.db"), POS);
        if (PostgresTestDatabase.available()) {
            pg = PostgresTestDatabase.createSchema();
            postgres = databases.open("pg", PostgresTestDatabase.sourceConfig(), POS);
        }
    }

    @AfterAll
    void close() {
        databases.close();
        if (pg != null) {
            pg.close();
        }
    }

    private Database db(String kind) {
        if (kind.equals("postgres")) {
            PostgresTestDatabase.assumeAvailable();
            return postgres;
        }
        return duck;
    }

    private String ns(Database db) {
        return db == duck ? "main" : pg.schema();
    }

    private static Map<String, Object> id(Object value) {
        return Map.of("id", value);
    }

    /** A fresh {@code name (id integer)} holding {@code ids}. */
    private void table(Database db, String name, int... ids) {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            TableTarget t = batch.target(db, ns(db), name, COLUMNS, WriteMode.CREATE, POS);
            t.addRows(java.util.Arrays.stream(ids).mapToObj(TableWriteBatchUnitsTest::id).toList());
            batch.commit();
        }
    }

    private List<Object> ids(Database db, String table) {
        return db.query("SELECT id FROM " + db.dialect().qualified(ns(db), table) + " ORDER BY id").stream()
                .map(r -> r.get("id")).toList();
    }

    private long stagingLeft(Database db) {
        return ((Number) db.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = '" + ns(db)
                + "' AND left(table_name, 14) = '_sequor_stage_'").get(0).get("n")).longValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void completedUnitsLandInAppendTablesAndEverythingElseRollsBack(String kind) {
        Database db = db(kind);
        table(db, "log", 0);
        table(db, "snap", 0);
        TableWriteBatch.PartialCommit partial;
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.beginUnit();
            batch.target(db, ns(db), "log", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id(1), id(2)));
            batch.target(db, ns(db), "snap", COLUMNS, WriteMode.CREATE, POS).addRows(List.of(id(1)));
            batch.completeUnit();
            batch.target(db, ns(db), "log", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id(3)));
            batch.completeUnit();
            // the failing unit: rows added, never completed
            batch.target(db, ns(db), "log", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id(4)));
            batch.target(db, ns(db), "other", COLUMNS, WriteMode.CREATE, POS).addRows(List.of(id(4)));
            assertThat(batch.writes(WriteMode.CREATE)).isTrue();
            partial = batch.commitCompletedAppends();
        }
        assertThat(partial).isEqualTo(new TableWriteBatch.PartialCommit(
                List.of(new TableWriteBatch.KeptTable(kind.equals("duckdb") ? "log" : pg.schema() + ".log", 3, WriteMode.APPEND)), null));
        assertThat(ids(db, "log")).containsExactly(0, 1, 2, 3);
        assertThat(ids(db, "snap")).containsExactly(0);
        assertThat(stagingLeft(db)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void withoutUnitsRowsAreStagedAsTheyComeAndNothingIsKeptBeforeAUnitCompletes(String kind) {
        Database db = db(kind);
        table(db, "log2", 0);
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, ns(db), "log2", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id(1)));
            batch.beginUnit();
            batch.target(db, ns(db), "log2", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id(2)));
            assertThat(batch.commitCompletedAppends().kept()).extracting(TableWriteBatch.KeptTable::rows)
                    .containsExactly(1L);
        }
        assertThat(ids(db, "log2")).containsExactly(0, 1);
    }

    /**
     * DuckDB stages as text, so completed units wait and are loaded together once FLUSH_ROWS rows are waiting, or at
     * the commit; every row lands, in order. PostgreSQL (typed staging) loads each unit as it completes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void smallUnitsAreLoadedTogetherWhereStagingIsText(String kind) {
        Database db = db(kind);
        table(db, "many", 0);
        int units = TableWriteBatch.FLUSH_ROWS + 500;
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.beginUnit();
            TableTarget many = batch.target(db, ns(db), "many", COLUMNS, WriteMode.APPEND, POS);
            for (int i = 1; i <= units; i++) {
                many.addRows(List.of(id(i)));
                batch.completeUnit();
                if (i == 10) {
                    assertThat(many.stagedRows()).isEqualTo(kind.equals("duckdb") ? 0 : 10);
                    assertThat(many.readyRows()).isEqualTo(kind.equals("duckdb") ? 10 : 0);
                }
                // what waits in memory never exceeds the threshold
                assertThat(many.readyRows()).isLessThan(TableWriteBatch.FLUSH_ROWS);
            }
            assertThat(many.stagedRows()).isEqualTo(kind.equals("duckdb") ? TableWriteBatch.FLUSH_ROWS : units);
            batch.commit();
        }
        List<Object> ids = ids(db, "many");
        assertThat(ids).hasSize(units + 1);
        assertThat(ids.getLast()).isEqualTo(units);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void pagesOutsideUnitsAreLoadedTogetherWhereStagingIsText(String kind) {
        Database db = db(kind);
        table(db, "pages", 0);
        int pages = TableWriteBatch.FLUSH_ROWS / 10 + 3;
        try (TableWriteBatch batch = new TableWriteBatch()) {
            TableTarget target = batch.target(db, ns(db), "pages", COLUMNS, WriteMode.APPEND, POS);
            for (int p = 0; p < pages; p++) {
                List<Map<String, Object>> page = new java.util.ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    page.add(id(p * 10 + i));
                }
                target.addRows(page);
                if (p == 2) {
                    assertThat(target.stagedRows()).isEqualTo(kind.equals("duckdb") ? 0 : 30);
                }
                assertThat(target.readyRows()).isLessThan(TableWriteBatch.FLUSH_ROWS);
            }
            assertThat(target.stagedRows()).isEqualTo(kind.equals("duckdb") ? TableWriteBatch.FLUSH_ROWS : pages * 10);
            batch.commit();
        }
        List<Object> ids = ids(db, "pages");
        assertThat(ids).hasSize(pages * 10 + 1);
        assertThat(ids.getLast()).isEqualTo(pages * 10);
    }

    /** PostgreSQL stages typed columns: the second table's COPY fails, and the first table's rows of that unit go too. */
    @Test
    void aUnitWhoseSecondLoadFailsLeavesNoneOfItsRowsInStaging() {
        Database db = db("postgres");
        table(db, "a", 0);
        table(db, "b", 0);
        TableWriteBatch.PartialCommit partial;
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.beginUnit();
            batch.target(db, ns(db), "a", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id(1)));
            batch.target(db, ns(db), "b", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id(1)));
            batch.completeUnit();
            batch.target(db, ns(db), "a", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id(2)));
            batch.target(db, ns(db), "b", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id("two")));
            assertThatThrownBy(batch::completeUnit).isInstanceOf(SequorException.class)
                    .hasMessageContaining("invalid input syntax for type integer: \"two\"");
            partial = batch.commitCompletedAppends();
        }
        assertThat(partial.lost()).isNull();
        assertThat(ids(db, "a")).containsExactly(0, 1);
        assertThat(ids(db, "b")).containsExactly(0, 1);
    }

    /**
     * A unit that reached DuckDB's staging but not PostgreSQL's cannot be taken back from DuckDB's, so nothing is
     * kept, and the commit says why.
     */
    @Test
    void aUnitThatReachedOnlySomeDatabasesKeepsNothing() {
        Database pgDb = db("postgres");
        table(duck, "c", 0);
        table(pgDb, "c", 0);
        TableWriteBatch.PartialCommit partial;
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.beginUnit();
            batch.target(duck, "main", "c", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id(1)));
            batch.target(pgDb, ns(pgDb), "c", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id(1)));
            batch.completeUnit();
            batch.target(duck, "main", "c", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id(2)));
            batch.target(pgDb, ns(pgDb), "c", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id("two")));
            assertThatThrownBy(batch::completeUnit).isInstanceOf(SequorException.class);
            partial = batch.commitCompletedAppends();
        }
        assertThat(partial).isEqualTo(new TableWriteBatch.PartialCommit(List.of(),
                "the failed unit's rows had reached the staging of some databases only"));
        assertThat(ids(duck, "c")).containsExactly(0);
        assertThat(ids(pgDb, "c")).containsExactly(0);
    }

    /** No ORDER BY: the order the rows were staged in. */
    private List<Object> idsAsStored(Database db, String table) {
        return db.query("SELECT id FROM " + db.dialect().qualified(ns(db), table)).stream().map(r -> r.get("id")).toList();
    }

    /**
     * Unit batches (parallel for_each rows) fill from other threads in any order; the batch stages them in the order
     * it completes them, and a unit it never completes leaves nothing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void unitBatchesLandInTheOrderTheyAreCompletedAndADroppedOneLeavesNothing(String kind) throws Exception {
        Database db = db(kind);
        table(db, "rows_in_order", 0);
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.beginUnit();
            TableWriteBatch first = batch.unit();
            TableWriteBatch second = batch.unit();
            TableWriteBatch dropped = batch.unit();
            Thread other = new Thread(() -> second.target(db, ns(db), "rows_in_order", COLUMNS, WriteMode.APPEND, POS)
                    .addRows(List.of(id(3), id(4))));
            other.start();
            other.join();
            dropped.target(db, ns(db), "rows_in_order", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id(9)));
            first.target(db, ns(db), "rows_in_order", COLUMNS, WriteMode.APPEND, POS).addRows(List.of(id(1), id(2)));
            dropped.close();
            batch.completeUnit(first);
            batch.completeUnit(second);
            batch.commit();
        }
        assertThat(idsAsStored(db, "rows_in_order")).containsExactly(0, 1, 2, 3, 4);
        assertThat(stagingLeft(db)).isZero();
    }

    /** A unit batch whose table cannot be written says so: the failure is the table's, not the unit's rows'. */
    @Test
    void aUnitBatchTellsWhenItsTargetFailed() {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.beginUnit();
            TableWriteBatch unit = batch.unit();
            assertThatThrownBy(() -> unit.target(duck, "main", "no_such_table", COLUMNS, WriteMode.APPEND, POS))
                    .hasMessageContaining("does not exist for write_mode append");
            assertThat(unit.targetFailed()).isTrue();
            TableWriteBatch fine = batch.unit();
            assertThatThrownBy(() -> fine.target(duck, "main", "units_bad_rows", COLUMNS, WriteMode.CREATE, POS)
                    .addRows("not a list")).hasMessageContaining("must be a list");
            assertThat(fine.targetFailed()).isFalse();
        }
    }

    /** An error table: created at commit when missing, appended to when it exists; nothing when the batch fails. */
    @ParameterizedTest
    @ValueSource(strings = {"duckdb", "postgres"})
    void appendCreatingMissingCreatesTheTableOnlyWhenTheBatchCommits(String kind) {
        Database db = db(kind);
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.appendCreatingMissing(db, ns(db), "failures", COLUMNS, POS).addRows(List.of(id(1)));
            // not committed
        }
        assertThat(db.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = '" + ns(db)
                + "' AND table_name = 'failures'").get(0).get("n").toString()).isEqualTo("0");
        for (int run = 1; run <= 2; run++) {
            try (TableWriteBatch batch = new TableWriteBatch()) {
                batch.appendCreatingMissing(db, ns(db), "failures", COLUMNS, POS).addRows(List.of(id(run * 10)));
                batch.commit();
            }
        }
        assertThat(ids(db, "failures")).containsExactly(10, 20);
    }
}
