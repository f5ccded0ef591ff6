package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SourcePos;
import dev.sequor.testing.OpenedDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table writes on DuckDB, declared or inferred, in an op whose rows may go straight into tables
 * ({@link TableWriteBatch#loadStraightIntoTables}): each staged batch moves into a table built under a staging name,
 * committed on its own so DuckDB frees the batch ({@link Dialect#buildsTablesInBatches}); the commit swaps the built
 * table in (create, or a missing target) or moves its rows into the kept target as the write mode says, and an op
 * that fails drops it. The target keeps its old rows until the commit either way.
 */
class DuckDbTablesBuiltInBatchesTest extends OpenedDatabaseTest {

    static final SourcePos POS = new SourcePos("flows/load.yaml", 9, 7);
    /** Rows enough for a batch of their own ({@link InPlaceLoads#BATCH_ROWS}), loaded 5,000 at a time. */
    static final int PAGE = InPlaceLoads.BATCH_ROWS;
    static final List<ColumnDef> DECLARED = columnsAt(POS, "id", "integer", "name", "text", "price", "decimal(10,2)",
            "ok", "boolean");
    static final WriteSpec CREATE = WriteSpec.of(WriteMode.CREATE);

    @Override
    OpenedDatabase open() throws Exception {
        return OpenedDatabase.duckDb("sequor-duckdb-batches", POS);
    }

    static TableWriteBatch batch() {
        TableWriteBatch batch = new TableWriteBatch();
        batch.loadStraightIntoTables();
        return batch;
    }

    static List<Map<String, Object>> page(int from, IntFunction<Map<String, Object>> record) {
        return records(from, PAGE, record);
    }

    private int awaited;

    /** Returns once the load under way is done: asking for a new target of the same database waits for it. */
    void awaitLoads(TableTarget loading, TableWriteBatch batch) {
        batch.target(db, ns, loading.table() + "_untouched" + ++awaited, null, CREATE, POS);
    }

    /** {@code name:rows} of the committed tables named with the staging prefix, as another connection sees them. */
    List<String> builtTables() {
        List<String> out = new ArrayList<>();
        for (Row r : db.query("SELECT table_name FROM duckdb_tables() WHERE schema_name = '" + ns
                + "' AND starts_with(table_name, '" + StagingLeftovers.PREFIX + "') ORDER BY table_name")) {
            String name = String.valueOf(r.get(0));
            out.add(name + ":" + db.query("SELECT count(*) AS n FROM " + q(name)).get(0).get("n"));
        }
        return out;
    }

    /** Makes {@code table} as an earlier run left it: {@code columns} in SQL, then the {@code rows} (SQL tuples). */
    void earlierRun(String table, String columns, String rows) {
        db.execute("CREATE TABLE " + q(table) + " (" + columns + ")");
        db.execute("INSERT INTO " + q(table) + " VALUES " + rows);
    }

    List<String> texts(String sql) {
        return db.query(sql).stream().map(r -> String.join("|", r.values().stream().map(String::valueOf).toList()))
                .toList();
    }

    @Test
    void aCreateBuildsItsTableBatchByBatchAndSwapsItInAtTheCommit() {
        earlierRun("bb_create", "id integer, old varchar", "(0, 'earlier run')");
        try (TableWriteBatch batch = batch()) {
            TableTarget t = batch.target(db, ns, "bb_create", DECLARED, CREATE, POS);
            t.addRows(page(1, i -> rec("id", i, "name", "n" + i, "price", i + ".5", "ok", i % 2 == 0, "extra", 1)));
            t.addRows(page(1 + PAGE, i -> rec("id", i, "name", "n" + i)));
            awaitLoads(t, batch);
            // both batches are in the built table, committed; the target still holds the earlier run's row
            assertThat(builtTables()).singleElement().satisfies(built -> assertThat(built)
                    .endsWith("_bb_create:" + (2 * PAGE)));
            assertThat(texts("SELECT * FROM " + q("bb_create"))).containsExactly("0|earlier run");
            t.addRows(List.of(rec("id", 2 * PAGE + 1, "name", "last")));
            batch.commit();
        }
        assertThat(texts("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '" + ns
                + "' AND table_name = 'bb_create' ORDER BY ordinal_position"))
                .containsExactly("id|INTEGER", "name|VARCHAR", "price|DECIMAL(10,2)", "ok|BOOLEAN");
        assertThat(texts("SELECT count(*), min(id), max(id), count(ok), sum(price) FROM " + q("bb_create")))
                .containsExactly((2 * PAGE + 1) + "|1|" + (2 * PAGE + 1) + "|" + PAGE + "|" + sumOfPrices());
        assertThat(texts("SELECT * FROM " + q("bb_create") + " WHERE id IN (1, 2, " + (2 * PAGE + 1) + ") ORDER BY id"))
                .containsExactly("1|n1|1.50|false", "2|n2|2.50|true", (2 * PAGE + 1) + "|last|null|null");
        assertThat(builtTables()).isEmpty();
    }

    /** The prices of the first page: i + 0.5 for i in 1..PAGE. */
    private static String sumOfPrices() {
        return new java.math.BigDecimal((long) PAGE * (PAGE + 1) / 2).add(new java.math.BigDecimal("0.5")
                .multiply(java.math.BigDecimal.valueOf(PAGE))).setScale(2).toPlainString();
    }

    @Test
    void aValueItsColumnRefusesFailsTheOpWhichDropsTheBuiltTable() {
        earlierRun("bb_failed", "id integer", "(0)");
        assertThatThrownBy(() -> {
            try (TableWriteBatch batch = batch()) {
                TableTarget t = batch.target(db, ns, "bb_failed", DECLARED, CREATE, POS);
                t.addRows(page(1, i -> rec("id", i)));
                awaitLoads(t, batch);
                assertThat(builtTables()).singleElement().satisfies(b -> assertThat(b).endsWith(":" + PAGE));
                t.addRows(List.of(rec("id", "x")));
                batch.commit();
            }
        }).hasMessageStartingWith("Value 'x' in row " + (PAGE + 1) + " for table 'bb_failed' does not fit column 'id'"
                + " of type integer (SQL error on source 'stage': ").hasMessageContaining("Could not convert string 'x'");
        assertThat(texts("SELECT * FROM " + q("bb_failed"))).containsExactly("0");
        assertThat(builtTables()).isEmpty();
    }

    /** A refused value in a batch that moves before the commit: the op fails at that batch, naming its row. */
    @Test
    void aValueItsColumnRefusesInAMovedBatchIsNamedWithItsRow() {
        assertThatThrownBy(() -> {
            try (TableWriteBatch batch = batch()) {
                TableTarget t = batch.target(db, ns, "bb_failed_batch", DECLARED, CREATE, POS);
                t.addRows(page(1, i -> rec("id", i)));
                t.addRows(page(1 + PAGE, i -> rec("id", i == PAGE + 3 ? "3rd" : i)));
                awaitLoads(t, batch);
                batch.commit();
            }
        }).hasMessageStartingWith("Value '3rd' in row " + (PAGE + 3) + " for table 'bb_failed_batch' does not fit"
                + " column 'id' of type integer (SQL error on source 'stage': ");
        assertThat(builtTables()).isEmpty();
    }

    /**
     * A page that would overflow a batch is split: the batch moves with exactly {@link InPlaceLoads#BATCH_ROWS} rows
     * (whole DuckDB row groups, which the database's checkpoint then keeps as written) and the page's other rows
     * start the next batch, in order, so a key's last row still wins.
     */
    @Test
    void aPageThatOverflowsABatchFillsItExactlyAndStartsTheNextOne() {
        int first = PAGE - 10;
        int next = TableWriteBatch.FLUSH_ROWS; // loaded when added, as the op's pages are
        try (TableWriteBatch batch = batch()) {
            TableTarget t = batch.target(db, ns, "bb_split", null, WriteSpec.merge(List.of("id"),
                    MergeStrategy.UPSERT), POS);
            t.addRows(records(1, first, i -> rec("id", i, "v", "a" + i)));
            // 10 records fill the batch and the rest start the next, the last of them key 1 again with a new field
            List<Map<String, Object>> overflowing = new ArrayList<>(records(first + 1, next, i -> rec("id", i,
                    "v", "b" + i)));
            overflowing.set(next - 1, rec("id", 1, "v", "again", "late", true));
            t.addRows(overflowing);
            awaitLoads(t, batch);
            assertThat(builtTables()).singleElement().satisfies(b -> assertThat(b).endsWith("_bb_split:" + PAGE));
            batch.commit();
        }
        int keys = first + next - 1;
        assertThat(columnTypes("bb_split")).containsExactly("id|BIGINT", "v|VARCHAR", "late|BOOLEAN");
        assertThat(texts("SELECT count(*), count(DISTINCT id), max(id) FROM " + q("bb_split")))
                .containsExactly(keys + "|" + keys + "|" + keys);
        assertThat(texts("SELECT * FROM " + q("bb_split") + " WHERE id IN (1, 2, " + PAGE + ", " + (PAGE + 1)
                + ") ORDER BY id")).containsExactly("1|again|true", "2|a2|null", PAGE + "|b" + PAGE + "|null",
                (PAGE + 1) + "|b" + (PAGE + 1) + "|null");
        assertThat(builtTables()).isEmpty();
    }

    /**
     * The rows staged since the last batch move into the built table before the commit's transaction: a merge into a
     * missing table gets its PRIMARY KEY although a key came again after a batch moved (inside one transaction, DuckDB
     * checks the new key against the built rows the DELETE just removed).
     */
    @Test
    void theLastRowsMoveBeforeTheCommitSoAKeyMayComeAgainInAMergeIntoANewTable() {
        try (TableWriteBatch batch = batch()) {
            TableTarget t = batch.target(db, ns, "bb_last_rows", null, WriteSpec.merge(List.of("id"),
                    MergeStrategy.UPSERT), POS);
            t.addRows(page(1, i -> rec("id", i, "v", "a" + i)));
            awaitLoads(t, batch);
            assertThat(builtTables()).singleElement().satisfies(b -> assertThat(b).endsWith(":" + PAGE));
            List<Map<String, Object>> last = new ArrayList<>(records(PAGE + 1, 30, i -> rec("id", i, "v", "b" + i)));
            last.set(29, rec("id", 1, "v", "again"));
            t.addRows(last);
            batch.commit();
        }
        assertThat(texts("SELECT count(*), count(DISTINCT id), max(id) FROM " + q("bb_last_rows")))
                .containsExactly((PAGE + 29) + "|" + (PAGE + 29) + "|" + (PAGE + 29));
        assertThat(texts("SELECT v FROM " + q("bb_last_rows") + " WHERE id IN (1, 2, " + (PAGE + 1) + ") ORDER BY id"))
                .containsExactly("again", "a2", "b" + (PAGE + 1));
        assertThat(texts("SELECT constraint_type FROM duckdb_constraints() WHERE schema_name = '" + ns
                + "' AND table_name = 'bb_last_rows' AND constraint_type = 'PRIMARY KEY'"))
                .containsExactly("PRIMARY KEY");
        assertThat(builtTables()).isEmpty();
    }

    /**
     * Row numbers count on across a batch's end, in a page split there as it is loaded and in the rows the commit
     * loads (no page's load took them yet), which fill a batch as any load does: a value refused before the end fails
     * the batch's move, one after it the move of the last rows; either way the op leaves no table behind.
     */
    @ParameterizedTest
    @CsvSource({"-2, false", "3, false", "-2, true", "3, true"})
    void aValueRefusedOnEitherSideOfABatchsEndIsNamedWithItsRow(int fromBatchEnd, boolean loadedByTheCommit) {
        int refused = PAGE + fromBatchEnd;
        int next = loadedByTheCommit ? 30 : TableWriteBatch.FLUSH_ROWS;
        assertThatThrownBy(() -> {
            try (TableWriteBatch batch = batch()) {
                TableTarget t = batch.target(db, ns, "bb_refused_at_end", DECLARED, CREATE, POS);
                t.addRows(records(1, PAGE - 10, i -> rec("id", i)));
                t.addRows(records(PAGE - 9, next, i -> rec("id", i == refused ? "late" : i)));
                awaitLoads(t, batch);
                batch.commit();
            }
        }).hasMessageStartingWith("Value 'late' in row " + refused + " for table 'bb_refused_at_end' does not fit"
                + " column 'id' of type integer (SQL error on source 'stage': ");
        assertThat(builtTables()).isEmpty();
        assertThat(texts("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'bb_refused_at_end'"))
                .containsExactly("0");
    }

    /**
     * An op with for_each ({@link TableWriteBatch#buildTablesInBatches}): completed units' rows move with the batch that
     * holds them into the built tables of its targets, inferred and declared alike, and the commit finishes them (a
     * refusal at a batch's move: {@link #aValueRefusedAtABatchMoveOfUnitsKeepsNothing}).
     */
    @Test
    void theUnitsOfAForEachOpBuildTheirTablesBatchByBatch() {
        earlierRun("bb_units", "id integer, old varchar", "(0, 'earlier run')");
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.buildTablesInBatches();
            TableTarget t = batch.target(db, ns, "bb_units", null, CREATE, POS);
            TableTarget declared = batch.target(db, ns, "bb_units_declared", DECLARED, CREATE, POS);
            batch.beginUnit();
            t.addRows(records(1, PAGE - 10, i -> rec("id", i, "name", "first")));
            declared.addRows(page(1, i -> rec("id", i)));
            batch.completeUnit();
            t.addRows(records(PAGE - 9, TableWriteBatch.FLUSH_ROWS, i -> rec("id", i, "name", "second")));
            batch.completeUnit();
            assertThat(builtTables().stream().map(b -> b.substring(b.indexOf("_bb_units") + 1)).toList())
                    .containsExactlyInAnyOrder("bb_units:" + PAGE, "bb_units_declared:" + PAGE);
            assertThat(texts("SELECT * FROM " + q("bb_units"))).containsExactly("0|earlier run");
            t.addRows(List.of(rec("id", -1, "name", "third")));
            batch.completeUnit();
            batch.commit();
        }
        assertThat(texts("SELECT count(*), min(id), max(id), count(*) FILTER (WHERE name = 'second') FROM "
                + q("bb_units"))).containsExactly((PAGE + TableWriteBatch.FLUSH_ROWS - 9) + "|-1|"
                + (PAGE + TableWriteBatch.FLUSH_ROWS - 10) + "|" + TableWriteBatch.FLUSH_ROWS);
        assertThat(texts("SELECT count(*) FROM " + q("bb_units_declared"))).containsExactly(String.valueOf(PAGE));
        assertThat(builtTables()).isEmpty();
    }

    /**
     * When a for_each row fails, the commit of completed units finishes the built table of an append target (its
     * completed rows land) and drops that of a create target, which keeps the earlier run's rows; the failed unit's
     * rows never reach staging.
     */
    @Test
    void aFailedUnitKeepsTheCompletedRowsOfAnAppendAndLeavesACreateAsItWas() {
        earlierRun("bb_units_create", "id integer, old varchar", "(0, 'earlier run')");
        earlierRun("bb_units_append", "id bigint", "(0)");
        TableWriteBatch.PartialCommit partial;
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.buildTablesInBatches();
            TableTarget created = batch.target(db, ns, "bb_units_create", null, CREATE, POS);
            TableTarget appended = batch.target(db, ns, "bb_units_append", null, WriteSpec.of(WriteMode.APPEND), POS);
            batch.beginUnit();
            created.addRows(page(1, i -> rec("id", i)));
            appended.addRows(page(1, i -> rec("id", i)));
            batch.completeUnit();
            created.addRows(records(PAGE + 1, 10, i -> rec("id", i)));
            appended.addRows(records(PAGE + 1, 10, i -> rec("id", i)));
            batch.completeUnit();
            assertThat(builtTables()).hasSize(2).allSatisfy(b -> assertThat(b).endsWith(":" + PAGE));
            appended.addRows(records(-TableWriteBatch.FLUSH_ROWS, TableWriteBatch.FLUSH_ROWS, i -> rec("id", i)));
            partial = batch.commitCompletedAppends(); // the third unit failed before completing
        }
        assertThat(partial.lost()).isNull();
        assertThat(partial.kept()).containsExactly(new TableWriteBatch.KeptTable("bb_units_append", PAGE + 10,
                WriteMode.APPEND));
        assertThat(texts("SELECT count(*), min(id), max(id) FROM " + q("bb_units_append")))
                .containsExactly((PAGE + 11) + "|0|" + (PAGE + 10));
        assertThat(texts("SELECT * FROM " + q("bb_units_create"))).containsExactly("0|earlier run");
        assertThat(builtTables()).isEmpty();
    }

    /**
     * A batch's move that fails while a unit completes (a merge whose key the records lack) may follow another target's
     * load of the same rows, which went in on its own: the commit of completed units then keeps nothing and says why.
     */
    @Test
    void aUnitWhoseRowsReachedSomeBuiltTablesOnlyIsNotCommittedInPart() {
        earlierRun("bb_units_part", "id bigint", "(0)");
        TableWriteBatch.PartialCommit partial;
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.buildTablesInBatches();
            TableTarget appended = batch.target(db, ns, "bb_units_part", null, WriteSpec.of(WriteMode.APPEND), POS);
            TableTarget merged = batch.target(db, ns, "bb_units_keyless", null, WriteSpec.merge(List.of("id"),
                    MergeStrategy.UPSERT), POS);
            batch.beginUnit();
            appended.addRows(page(1, i -> rec("id", i)));
            merged.addRows(page(1, i -> rec("name", "n" + i)));
            assertThatThrownBy(batch::completeUnit).hasMessageStartingWith("primary_key column 'id' of table"
                    + " 'bb_units_keyless' is not a field of its records");
            partial = batch.commitCompletedAppends();
        }
        assertThat(partial.kept()).isEmpty();
        assertThat(partial.lost()).isEqualTo("the failed unit's rows may have reached some tables only");
        assertThat(texts("SELECT * FROM " + q("bb_units_part"))).containsExactly("0");
        assertThat(builtTables()).isEmpty();
    }

    /**
     * A declared column that refuses a value at a batch's move fails the unit being completed, though the value may
     * have come with an earlier unit's rows: the commit of completed units then keeps nothing and says why.
     */
    @Test
    void aValueRefusedAtABatchMoveOfUnitsKeepsNothing() {
        earlierRun("bb_units_refused", "id integer, name varchar, price decimal(10,2), ok boolean",
                "(0, 'old', 1, true)");
        TableWriteBatch.PartialCommit partial;
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.buildTablesInBatches();
            TableTarget t = batch.target(db, ns, "bb_units_refused", DECLARED, WriteSpec.of(WriteMode.APPEND), POS);
            batch.beginUnit();
            t.addRows(records(1, PAGE - 10, i -> rec("id", i == 7 ? "seven" : i)));
            batch.completeUnit(); // staged: the batch is not full
            t.addRows(records(PAGE - 9, TableWriteBatch.FLUSH_ROWS, i -> rec("id", i)));
            assertThatThrownBy(batch::completeUnit).hasMessageStartingWith("Value 'seven' in row 7 for table"
                    + " 'bb_units_refused' does not fit column 'id' of type integer (");
            partial = batch.commitCompletedAppends();
        }
        assertThat(partial.kept()).isEmpty();
        assertThat(partial.lost()).isEqualTo("a batch of them moving into table 'bb_units_refused' held a value its"
                + " column refuses");
        assertThat(texts("SELECT id, name FROM " + q("bb_units_refused"))).containsExactly("0|old");
        assertThat(builtTables()).isEmpty();
    }

    @Test
    void anOpThatEndsWithoutItsCommitDropsTheBuiltTable() {
        try (TableWriteBatch batch = batch()) {
            TableTarget t = batch.target(db, ns, "bb_undone", DECLARED, CREATE, POS);
            t.addRows(page(1, i -> rec("id", i)));
            awaitLoads(t, batch);
            assertThat(builtTables()).hasSize(1);
        }
        assertThat(builtTables()).isEmpty();
        assertThat(texts("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'bb_undone'")).containsExactly("0");
    }

    @Test
    void withoutTheSwitchTheRowsWaitInStagingUntilTheCommit() {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            TableTarget t = batch.target(db, ns, "bb_staged", DECLARED, CREATE, POS);
            t.addRows(page(1, i -> rec("id", i)));
            awaitLoads(t, batch);
            assertThat(builtTables()).isEmpty();
            batch.commit();
        }
        assertThat(texts("SELECT count(*) FROM " + q("bb_staged"))).containsExactly(String.valueOf(PAGE));
    }

    List<String> columnTypes(String table) {
        return texts("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '" + ns
                + "' AND table_name = '" + table + "' ORDER BY ordinal_position");
    }

    /**
     * Inferred columns: the built table is made with the types of the first batch, and a later batch's new field and
     * wider value alter it, converting the rows moved before (as an existing table's rows are when a column widens).
     */
    @Test
    void anInferredCreateAltersItsBuiltTableWhenALaterBatchBringsAFieldOrAWiderValue() {
        try (TableWriteBatch batch = batch()) {
            TableTarget t = batch.target(db, ns, "bb_inferred", null, CREATE, POS);
            t.addRows(page(1, i -> rec("id", i, "score", i)));
            awaitLoads(t, batch);
            assertThat(builtTables()).singleElement().satisfies(b -> assertThat(b).endsWith("_bb_inferred:" + PAGE));
            t.addRows(page(1 + PAGE, i -> rec("id", i, "score", i + 0.25, "note", "n" + i)));
            awaitLoads(t, batch);
            assertThat(builtTables()).singleElement().satisfies(b -> assertThat(b).endsWith(":" + (2 * PAGE)));
            t.addRows(List.of(rec("id", 0, "note", "last")));
            batch.commit();
        }
        assertThat(columnTypes("bb_inferred")).containsExactly("id|BIGINT", "score|DOUBLE", "note|VARCHAR");
        assertThat(texts("SELECT * FROM " + q("bb_inferred") + " WHERE id IN (0, 1, " + (PAGE + 1) + ") ORDER BY id"))
                .containsExactly("0|null|last", "1|1.0|null", (PAGE + 1) + "|" + (PAGE + 1.25) + "|n" + (PAGE + 1));
        assertThat(texts("SELECT count(*) FROM " + q("bb_inferred"))).containsExactly(String.valueOf(2 * PAGE + 1));
        assertThat(builtTables()).isEmpty();
    }

    @Test
    void anInferredAppendLeavesTheTargetAloneUntilTheCommitThenAddsItsRowsAndColumns() {
        earlierRun("bb_append", "id integer, name varchar", "(0, 'earlier run')");
        try (TableWriteBatch batch = batch()) {
            TableTarget t = batch.target(db, ns, "bb_append", null, WriteSpec.of(WriteMode.APPEND), POS);
            t.addRows(page(1, i -> rec("id", i, "name", "n" + i)));
            t.addRows(page(1 + PAGE, i -> rec("id", i, "name", "n" + i, "vip", i % 2 == 0)));
            awaitLoads(t, batch);
            assertThat(builtTables()).singleElement().satisfies(b -> assertThat(b).endsWith(":" + (2 * PAGE)));
            assertThat(texts("SELECT * FROM " + q("bb_append"))).containsExactly("0|earlier run");
            batch.commit();
        }
        assertThat(columnTypes("bb_append")).containsExactly("id|INTEGER", "name|VARCHAR", "vip|BOOLEAN");
        assertThat(texts("SELECT count(*), count(vip), min(id), max(id) FROM " + q("bb_append")))
                .containsExactly((2 * PAGE + 1) + "|" + PAGE + "|0|" + (2 * PAGE));
        assertThat(builtTables()).isEmpty();
    }

    /**
     * A parent and its child table, each more than a batch, build batch by batch: without a key ({@code _row}) the
     * numbers and links are given as the rows are taken, under create and under an append that numbers on from the
     * rows an earlier run left; a merging parent links its children by its key.
     */
    @ParameterizedTest
    @EnumSource(value = WriteMode.class, names = {"CREATE", "APPEND", "MERGE"})
    void aParentAndItsChildTableBuildBatchByBatch(WriteMode mode) {
        boolean merge = mode == WriteMode.MERGE;
        String link = merge ? "_parent_id" : RowNumber.PARENT_COLUMN;
        String table = "bb_family_" + mode.name().toLowerCase(java.util.Locale.ROOT);
        String children = table + "__lines";
        earlierRun(table, "id bigint, " + RowNumber.COLUMN + " bigint", "(0, 1), (0, 2)");
        earlierRun(children, link + " bigint, _index bigint, value varchar", "(" + (merge ? 0 : 2)
                + ", 0, 'old')");
        int parents = PAGE + 10;
        try (TableWriteBatch batch = batch()) {
            TableTarget orders = batch.target(db, ns, table, null,
                    merge ? WriteSpec.merge(List.of("id"), MergeStrategy.DELETE_INSERT) : WriteSpec.of(mode), POS);
            TableTarget lines = batch.child(orders, children);
            List<Map<String, Object>> parentRows = new ArrayList<>();
            List<Map<String, Object>> childRows = new ArrayList<>();
            for (long i = 1; i <= parents; i++) {
                RowNumber loadNumber = new RowNumber();
                RowNumber.Linked parent = new RowNumber.Linked().numberedBy(loadNumber);
                parent.put("id", i);
                Object parentLink = merge ? i : new RowNumber();
                if (!merge) {
                    parent.put(RowNumber.COLUMN, parentLink);
                }
                parentRows.add(parent);
                for (long k = 0; k < 2; k++) {
                    RowNumber.Linked child = new RowNumber.Linked().childOf(loadNumber);
                    child.put(link, parentLink);
                    child.put("_index", k);
                    child.put("value", "line " + i + "." + k);
                    childRows.add(child);
                }
            }
            orders.addRows(parentRows);
            lines.addRows(childRows);
            awaitLoads(lines, batch);
            // a batch of parents, two of children (4 * PAGE + 40 rows: 20 left for the commit to move)
            assertThat(builtTables().stream().map(b -> b.substring(b.indexOf(table))).toList())
                    .containsExactlyInAnyOrder(table + ":" + PAGE, children + ":" + (2 * PAGE));
            batch.commit();
        }
        long base = mode == WriteMode.APPEND ? 2 : 0;
        String links = merge ? "l._parent_id = o.id" : "l._parent_row = o._row";
        assertThat(texts("SELECT count(*), count(DISTINCT id), max(id) FROM " + q(table) + " WHERE id > 0"))
                .containsExactly(parents + "|" + parents + "|" + parents);
        if (!merge) {
            assertThat(texts("SELECT min(_row), max(_row), count(DISTINCT _row) FROM " + q(table)
                    + " WHERE id > 0")).containsExactly((base + 1) + "|" + (base + parents) + "|" + parents);
        }
        assertThat(texts("SELECT count(*) FROM " + q(children) + " l JOIN " + q(table) + " o ON "
                + links + " WHERE o.id > 0 AND l.value = 'line ' || o.id || '.' || l._index"))
                .containsExactly(String.valueOf(2 * parents));
        // create replaces the earlier run's child row; append keeps it (and its parent, _row 2); merge too (key 0)
        assertThat(texts("SELECT count(*) FROM " + q(children) + " WHERE value = 'old'"))
                .containsExactly(mode == WriteMode.CREATE ? "0" : "1");
        assertThat(builtTables()).isEmpty();
    }

    /**
     * A merging parent and its children built batch by batch: of the rows loaded with one key only the last lands, and
     * only its children (none when its array was empty), whether the earlier row came in an earlier batch or the same
     * one; a kept child table loses the children of every key loaded and keeps those of the others.
     */
    @Test
    void aMergingParentsChildrenAreThoseOfTheLastRowOfEachKey() {
        earlierRun("bb_last", "id bigint PRIMARY KEY, name varchar", "(1, 'old'), (-1, 'not loaded')");
        earlierRun("bb_last__lines", "_parent_id bigint, _index bigint, value varchar",
                "(1, 0, 'old'), (1, 1, 'old'), (-1, 0, 'kept')");
        try (TableWriteBatch batch = batch()) {
            TableTarget orders = batch.target(db, ns, "bb_last", null,
                    WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT), POS);
            TableTarget lines = batch.child(orders, "bb_last__lines");
            // a batch of keys 1..PAGE with two lines each; then keys 1..10 again with one line, 11..20 with none,
            // and 5 new keys without lines: in the batch of those, key 3 comes twice, its second row without lines
            loadFamily(orders, lines, 1, PAGE, "v1", 2);
            loadFamily(orders, lines, 1, 10, "v2", 1);
            loadFamily(orders, lines, 11, 10, "v2", 0);
            loadFamily(orders, lines, PAGE + 1, 5, "v2", 0);
            loadFamily(orders, lines, 3, 1, "v3", 0);
            awaitLoads(lines, batch);
            assertThat(builtTables().stream().map(b -> b.substring(b.indexOf("bb_last"))).toList())
                    .containsExactlyInAnyOrder("bb_last:" + PAGE, "bb_last__lines:" + (2 * PAGE));
            batch.commit();
        }
        assertThat(texts("SELECT count(*), min(id), max(id) FROM " + q("bb_last")))
                .containsExactly((PAGE + 6) + "|-1|" + (PAGE + 5));
        assertThat(texts("SELECT name FROM " + q("bb_last") + " WHERE id IN (-1, 1, 3, 11, 21) ORDER BY id"))
                .containsExactly("not loaded", "v2 1", "v3 3", "v2 11", "v1 21");
        assertThat(texts("SELECT _parent_id, value FROM " + q("bb_last__lines") + " WHERE _parent_id <= 4 OR"
                + " _parent_id BETWEEN 10 AND 11 ORDER BY _parent_id, _index")).containsExactly("-1|kept",
                "1|line v2 1.0", "2|line v2 2.0", "4|line v2 4.0", "10|line v2 10.0");
        assertThat(texts("SELECT count(*) FROM " + q("bb_last__lines"))).containsExactly(
                String.valueOf(1 + 9 + 2 * (PAGE - 20)));
        assertThat(columnTypes("bb_last__lines")).containsExactly("_parent_id|BIGINT", "_index|BIGINT",
                "value|VARCHAR");
        assertThat(builtTables()).isEmpty();
    }

    /** Parents {@code from..from+count-1} named {@code "<version> <id>"}, each with {@code lines} child rows. */
    private static void loadFamily(TableTarget orders, TableTarget lines, long from, int count, String version,
                                   int perParent) {
        List<Map<String, Object>> parentRows = new ArrayList<>();
        List<Map<String, Object>> childRows = new ArrayList<>();
        for (long i = from; i < from + count; i++) {
            RowNumber loadNumber = new RowNumber();
            RowNumber.Linked parent = new RowNumber.Linked().numberedBy(loadNumber);
            parent.put("id", i);
            parent.put("name", version + " " + i);
            parentRows.add(parent);
            for (long k = 0; k < perParent; k++) {
                RowNumber.Linked child = new RowNumber.Linked().childOf(loadNumber);
                child.put("_parent_id", i);
                child.put("_index", k);
                child.put("value", "line " + version + " " + i + "." + k);
                childRows.add(child);
            }
        }
        orders.addRows(parentRows);
        lines.addRows(childRows);
    }

    /**
     * A merge merges each batch into its built table, so the last row loaded with a key wins across batches and
     * within one; the commit merges the built table into the kept target.
     */
    @ParameterizedTest
    @EnumSource(MergeStrategy.class)
    void anInferredMergeKeepsTheLastRowOfEachKeyAcrossBatches(MergeStrategy strategy) {
        String table = "bb_merge_" + strategy.name().toLowerCase(java.util.Locale.ROOT);
        earlierRun(table, "id bigint PRIMARY KEY, v varchar", "(1, 'old'), (" + (10 * PAGE) + ", 'kept')");
        int half = PAGE / 2;
        try (TableWriteBatch batch = batch()) {
            TableTarget t = batch.target(db, ns, table, null, WriteSpec.merge(List.of("id"), strategy), POS);
            t.addRows(page(1, i -> rec("id", i, "v", "a" + i)));
            List<Map<String, Object>> second = new ArrayList<>(page(1 + half, i -> rec("id", i, "v", "b" + i)));
            second.set(PAGE - 1, rec("id", 2, "v", "c2")); // key 2 again, last of the batch
            t.addRows(second);
            awaitLoads(t, batch);
            // one row per key in the built table already (the second batch lost key PAGE + half to key 2)
            assertThat(builtTables()).singleElement().satisfies(b -> assertThat(b).endsWith(":" + (PAGE + half - 1)));
            assertThat(texts("SELECT * FROM " + q(table) + " ORDER BY id"))
                    .containsExactly("1|old", (10 * PAGE) + "|kept");
            batch.commit();
        }
        assertThat(texts("SELECT count(*), count(DISTINCT id) FROM " + q(table)))
                .containsExactly((PAGE + half) + "|" + (PAGE + half));
        assertThat(texts("SELECT * FROM " + q(table) + " WHERE id IN (1, 2, " + half + ", " + (half + 1) + ", "
                + (PAGE + half - 1) + ", " + (10 * PAGE) + ") ORDER BY id")).containsExactly("1|a1", "2|c2",
                half + "|a" + half, (half + 1) + "|b" + (half + 1), (PAGE + half - 1) + "|b" + (PAGE + half - 1),
                (10 * PAGE) + "|kept");
        assertThat(builtTables()).isEmpty();
    }

    /** Declared columns go the same way: the built table has them, and the commit merges or appends it in. */
    @Test
    void declaredColumnsMergeAndAppendThroughTheBuiltTableToo() {
        List<ColumnDef> declared = columnsAt(POS, "id", "bigint", "v", "text", "price", "decimal(10,2)");
        earlierRun("bb_declared", "id bigint PRIMARY KEY, v varchar, price decimal(10,2)", "(1, 'old', 0.5)");
        try (TableWriteBatch batch = batch()) {
            TableTarget t = batch.target(db, ns, "bb_declared", declared, WriteSpec.merge(List.of("id"),
                    MergeStrategy.UPSERT), POS);
            t.addRows(page(1, i -> rec("id", i % 1000, "v", "v" + i, "price", i + ".25")));
            awaitLoads(t, batch);
            assertThat(builtTables()).singleElement().satisfies(b -> assertThat(b).endsWith(":1000"));
            batch.commit();
        }
        // the last record of each key k: the largest i up to PAGE with i % 1000 == k
        IntFunction<String> last = k -> {
            int i = PAGE - (PAGE - k) % 1000;
            return k + "|v" + i + "|" + i + ".25";
        };
        assertThat(texts("SELECT * FROM " + q("bb_declared") + " WHERE id IN (0, 1, 999) ORDER BY id"))
                .containsExactly(last.apply(0), last.apply(1), last.apply(999));
        try (TableWriteBatch batch = batch()) {
            TableTarget t = batch.target(db, ns, "bb_declared", declared, WriteSpec.of(WriteMode.APPEND), POS);
            t.addRows(page(1000, i -> rec("id", i, "v", "appended", "price", "1")));
            awaitLoads(t, batch);
            assertThat(builtTables()).singleElement().satisfies(b -> assertThat(b).endsWith(":" + PAGE));
            batch.commit();
        }
        assertThat(texts("SELECT count(*), count(id), count(*) FILTER (WHERE v = 'appended') FROM " + q("bb_declared")))
                .containsExactly((1000 + PAGE) + "|" + (1000 + PAGE) + "|" + PAGE);
        assertThat(builtTables()).isEmpty();
    }

    @Test
    void aMergeIntoAMissingTableSwapsTheBuiltTableInWithItsKey() {
        try (TableWriteBatch batch = batch()) {
            TableTarget t = batch.target(db, ns, "bb_merge_new", null, WriteSpec.merge(List.of("id"),
                    MergeStrategy.UPSERT), POS);
            t.addRows(page(1, i -> rec("id", i, "v", "a" + i)));
            t.addRows(page(1, i -> rec("id", i, "v", "b" + i)));
            awaitLoads(t, batch);
            assertThat(builtTables()).singleElement().satisfies(b -> assertThat(b).endsWith(":" + PAGE));
            batch.commit();
        }
        assertThat(texts("SELECT count(*), count(*) FILTER (WHERE v = 'b' || id) FROM " + q("bb_merge_new")))
                .containsExactly(PAGE + "|" + PAGE);
        assertThat(texts("SELECT constraint_type FROM duckdb_constraints() WHERE schema_name = '" + ns
                + "' AND table_name = 'bb_merge_new' AND constraint_type = 'PRIMARY KEY'"))
                .containsExactly("PRIMARY KEY");
        try (TableWriteBatch batch = new TableWriteBatch()) { // the next run's merge finds its key
            batch.target(db, ns, "bb_merge_new", null, WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT), POS)
                    .addRows(List.of(rec("id", 1, "v", "next run")));
            batch.commit();
        }
        assertThat(texts("SELECT v FROM " + q("bb_merge_new") + " WHERE id = 1")).containsExactly("next run");
        assertThat(builtTables()).isEmpty();
    }

    /** Replace keeps the table (a view on it still works) and swaps its rows at the commit. */
    @Test
    void aReplaceEmptiesTheKeptTableAndMovesTheBuiltRowsInAtTheCommit() {
        earlierRun("bb_replace", "id bigint, name varchar", "(0, 'earlier run')");
        db.execute("CREATE VIEW " + q("bb_replace_view") + " AS SELECT id FROM " + q("bb_replace"));
        try (TableWriteBatch batch = batch()) {
            TableTarget t = batch.target(db, ns, "bb_replace", null, WriteSpec.of(WriteMode.REPLACE), POS);
            t.addRows(page(1, i -> rec("id", i, "name", "n" + i)));
            awaitLoads(t, batch);
            assertThat(builtTables()).singleElement().satisfies(b -> assertThat(b).endsWith(":" + PAGE));
            assertThat(texts("SELECT count(*) FROM " + q("bb_replace_view"))).containsExactly("1");
            batch.commit();
        }
        assertThat(texts("SELECT count(*), min(id) FROM " + q("bb_replace_view"))).containsExactly(PAGE + "|1");
        assertThat(builtTables()).isEmpty();
    }

    @Test
    void anInferredOpThatEndsWithoutItsCommitLeavesTheTargetAndDropsTheBuiltTable() {
        earlierRun("bb_undone_append", "id bigint", "(0)");
        try (TableWriteBatch batch = batch()) {
            TableTarget t = batch.target(db, ns, "bb_undone_append", null, WriteSpec.of(WriteMode.APPEND), POS);
            t.addRows(page(1, i -> rec("id", i, "extra", "x")));
            awaitLoads(t, batch);
            assertThat(builtTables()).hasSize(1);
        }
        assertThat(builtTables()).isEmpty();
        assertThat(columnTypes("bb_undone_append")).containsExactly("id|BIGINT");
        assertThat(texts("SELECT * FROM " + q("bb_undone_append"))).containsExactly("0");
    }
}
