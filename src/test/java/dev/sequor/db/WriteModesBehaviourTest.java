package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The write modes on a real database, run once per database by the subclasses: replace keeps what hangs on the table,
 * merge upserts or deletes and inserts with the last row per key winning, every mode is atomic per op, for response
 * table writes ({@link TableWriteBatch}) and for transforms ({@link Database#writeQueryResult}).
 */
abstract class WriteModesBehaviourTest extends OpenedDatabaseTest {

    static final SourcePos POS = new SourcePos("flows/load.yaml", 9, 7);
    static final WriteSpec UPSERT = WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT);
    static final WriteSpec DELETE_INSERT = WriteSpec.merge(List.of("id"), MergeStrategy.DELETE_INSERT);

    /** The names of the indexes on {@code table}. */
    abstract List<String> indexes(String table);

    static List<ColumnDef> cols(String... nameTypePairs) {
        return columnsAt(POS, nameTypePairs);
    }

    static final List<ColumnDef> PEOPLE = cols("id", "integer", "name", "text");

    /** One op writing {@code pages} (each a list of records) into one table. */
    @SafeVarargs
    final void write(String table, List<ColumnDef> columns, WriteSpec spec, List<Map<String, Object>>... pages) {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            for (List<Map<String, Object>> page : pages) {
                batch.target(db, ns, table, columns, spec, POS).addRows(page);
            }
            batch.commit();
        }
    }

    /** {@code id:name} of every row, by id. */
    List<String> people(String table) {
        return db.query("SELECT * FROM " + q(table) + " ORDER BY 1").stream()
                .map(r -> r.get("id") + ":" + r.get("name")).toList();
    }

    /**
     * Staging tables of {@code table} still visible anywhere: in the namespace, or as a temporary table of any session
     * (the op's connection went back to the pool, where a staging table it failed to drop would still be).
     */
    long stagingLeft(String table) {
        // left(...) rather than LIKE with an ESCAPE: MySQL reads a backslash in a literal as an escape itself
        return ((Number) db.query("SELECT count(*) AS n FROM information_schema.tables WHERE left(table_name, 14) ="
                + " '_sequor_stage_' AND right(table_name, " + (table.length() + 1) + ") = '_"
                + table.replace("'", "''") + "'").get(0).get("n")).longValue();
    }

    List<String> primaryKey(String table) {
        return db.query("SELECT kcu.column_name FROM information_schema.table_constraints tc"
                + " JOIN information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name"
                + " AND tc.table_schema = kcu.table_schema AND tc.table_name = kcu.table_name"
                + " WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = '" + ns + "' AND tc.table_name = '"
                + table.replace("'", "''") + "' ORDER BY kcu.ordinal_position").stream()
                .map(r -> String.valueOf(r.get(0))).toList();
    }

    // ---- replace

    @Test
    void replaceLoadsNewRowsAndKeepsTheViewsAndIndexesOnTheTable() {
        write("wm_repl", PEOPLE, WriteSpec.of(WriteMode.CREATE), List.of(rec("id", 1, "name", "old")));
        db.execute("CREATE VIEW " + q("wm_repl_names") + " AS SELECT name FROM " + q("wm_repl"));
        db.execute("CREATE INDEX wm_repl_name_idx ON " + q("wm_repl") + " (name)");

        write("wm_repl", PEOPLE, WriteSpec.of(WriteMode.REPLACE), List.of(rec("id", 2, "name", "new")),
                List.of(rec("id", 3, "name", "newer")));

        assertThat(people("wm_repl")).containsExactly("2:new", "3:newer");
        assertThat(db.query("SELECT name FROM " + q("wm_repl_names") + " ORDER BY name")).extracting(r -> r.get(0))
                .containsExactly("new", "newer");
        assertThat(indexes("wm_repl")).contains("wm_repl_name_idx");
        assertThat(stagingLeft("wm_repl")).isZero();
    }

    @Test
    void replaceCreatesAMissingTable() {
        write("wm_repl_new", PEOPLE, WriteSpec.of(WriteMode.REPLACE), List.of(rec("id", 1, "name", "a")));
        assertThat(people("wm_repl_new")).containsExactly("1:a");
    }

    // ---- merge

    @Test
    void mergeIntoAMissingTableCreatesItWithThePrimaryKeyAndTheLastRowPerKeyWins() {
        write("wm_fresh", PEOPLE, UPSERT,
                List.of(rec("id", 1, "name", "a"), rec("id", 2, "name", "b"), rec("id", 1, "name", "a2")),
                List.of(rec("id", 2, "name", "b2")));
        assertThat(people("wm_fresh")).containsExactly("1:a2", "2:b2");
        assertThat(primaryKey("wm_fresh")).containsExactly("id");
        // the key makes later upserts exact: a second row with the same id cannot slip in
        assertThatThrownBy(() -> db.execute("INSERT INTO " + q("wm_fresh") + " VALUES (1, 'dup')"))
                .isInstanceOf(SequorException.class);
    }

    static Stream<WriteSpec> merges() {
        return Stream.of(UPSERT, DELETE_INSERT);
    }

    @ParameterizedTest
    @MethodSource("merges")
    void mergeUpdatesLoadedKeysKeepsTheOthersAndAddsNewOnesAcrossPages(WriteSpec merge) {
        String table = "wm_merge_" + merge.strategy().key();
        write(table, PEOPLE, merge, List.of(rec("id", 1, "name", "a"), rec("id", 2, "name", "b"),
                rec("id", 3, "name", "c")));
        write(table, PEOPLE, merge, List.of(rec("id", 2, "name", "b2"), rec("id", 4, "name", "d")),
                List.of(rec("id", 4, "name", "d2"), rec("id", 2, "name", "b3")));
        assertThat(people(table)).containsExactly("1:a", "2:b3", "3:c", "4:d2");
        assertThat(stagingLeft(table)).isZero();
    }

    @ParameterizedTest
    @MethodSource("merges")
    void mergeIntoAnExistingTableWithoutAnyKeyWorks(WriteSpec merge) {
        String table = "wm_nokey_" + merge.strategy().key();
        db.execute("CREATE TABLE " + q(table) + " (id integer, name text, note text)");
        db.execute("INSERT INTO " + q(table) + " VALUES (1, 'a', 'kept?'), (2, 'b', 'untouched')");
        write(table, PEOPLE, merge, List.of(rec("id", 1, "name", "a2"), rec("id", 3, "name", "c")));
        List<String> rows = db.query("SELECT id, name, note FROM " + q(table) + " ORDER BY id").stream()
                .map(r -> r.get("id") + ":" + r.get("name") + ":" + r.get("note")).toList();
        // upsert updates the loaded columns in place; delete_insert replaces the whole row
        assertThat(rows).containsExactly(merge.strategy() == MergeStrategy.UPSERT ? "1:a2:kept?" : "1:a2:null",
                "2:b:untouched", "3:c:null");
        assertThat(primaryKey(table)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("merges")
    void oddIdentifiersInTableAndCompositeKeyNames(WriteSpec strategyOnly) {
        String table = "Odd \"Orders\" " + strategyOnly.strategy().key();
        List<ColumnDef> columns = cols("Order Id", "integer", "line\"no", "integer", "Qty", "numeric(10,2)");
        WriteSpec merge = WriteSpec.merge(List.of("Order Id", "line\"no"), strategyOnly.strategy());
        write(table, columns, merge, List.of(rec("Order Id", 1, "line\"no", 1, "Qty", "1.50"),
                rec("Order Id", 1, "line\"no", 2, "Qty", 2)));
        write(table, columns, merge, List.of(rec("Order Id", 1, "line\"no", 2, "Qty", "2.25"),
                rec("Order Id", 2, "line\"no", 1, "Qty", 7)));
        assertThat(db.query("SELECT * FROM " + q(table) + " ORDER BY 1, 2").stream()
                .map(r -> r.get("Order Id") + "/" + r.get("line\"no") + "=" + r.get("Qty")).toList())
                .containsExactly("1/1=1.50", "1/2=2.25", "2/1=7.00");
        assertThat(primaryKey(table)).containsExactly("Order Id", "line\"no");
        assertThat(stagingLeft(table)).isZero();
    }

    @Test
    void aPrimaryKeyColumnThatIsNotDeclaredFailsBeforeAnySql() {
        assertThatThrownBy(() -> write("wm_badkey", PEOPLE, WriteSpec.merge(List.of("ID"), MergeStrategy.UPSERT),
                List.of(rec("id", 1))))
                .isInstanceOf(SequorException.class)
                .hasMessage("primary_key column 'ID' of table 'wm_badkey' is not a declared column; declared: id, name")
                .extracting(e -> ((SequorException) e).pos()).isEqualTo(POS);
        assertThat(db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'wm_badkey'")).isEmpty();
    }

    /**
     * An upsert into a table that lacks a declared column names the table, as an append's INSERT does, not the alias
     * the upsert gives it ("column t.extra does not exist"), and changes nothing.
     */
    @Test
    void anUpsertIntoATableWithoutADeclaredColumnNamesTheTable() {
        db.execute("CREATE TABLE " + q("wm_lacking") + " (id integer PRIMARY KEY, name text)");
        db.execute("INSERT INTO " + q("wm_lacking") + " VALUES (1, 'a')");
        assertThatThrownBy(() -> write("wm_lacking", cols("id", "integer", "name", "text", "extra", "text"), UPSERT,
                List.of(rec("id", 1, "name", "b", "extra", "x"))))
                .isInstanceOf(SequorException.class)
                .hasMessage("Table " + q("wm_lacking") + " has no column 'extra' for write_mode merge; add it to the"
                        + " table, or leave it out of the declared columns")
                .extracting(e -> ((SequorException) e).pos()).isEqualTo(POS);
        assertThat(db.query("SELECT name FROM " + q("wm_lacking")).get(0).get("name")).isEqualTo("a");
        assertThat(stagingLeft("wm_lacking")).isZero();
    }

    @Test
    void aMergeRefusesColumnsNamedLikeItsOwnBookkeeping() {
        assertThatThrownBy(() -> write("wm_reserved", cols("id", "integer", "_sequor_row", "integer"), UPSERT,
                List.of(rec("id", 1))))
                .isInstanceOf(SequorException.class)
                .hasMessage("Column '_sequor_row' of table 'wm_reserved' has a name that write_mode merge uses for"
                        + " itself; rename it");
        assertThatThrownBy(() -> db.writeQueryResult(ns, "wm_reserved", "SELECT 1 AS id, 2 AS _sequor_last", UPSERT))
                .isInstanceOf(SequorException.class)
                .hasMessage("Column '_sequor_last' of the query's result has a name that write_mode merge uses for"
                        + " itself; rename it");
        // other modes have no bookkeeping columns
        db.writeQueryResult(ns, "wm_reserved", "SELECT 1 AS id, 2 AS _sequor_row", WriteSpec.of(WriteMode.APPEND));
        assertThat(db.query("SELECT _sequor_row FROM " + q("wm_reserved"))).extracting(r -> r.get(0))
                .containsExactly(2);
    }

    // ---- atomicity

    /** {@code mode} or {@code mode_strategy}, to name a test's tables after its spec. */
    static String key(WriteSpec spec) {
        return spec.mode().key() + (spec.strategy() == null ? "" : "_" + spec.strategy().key());
    }

    /** One op writing {@code firstRows} into {@code first}, then {@code secondPages} into {@code second}. */
    @SafeVarargs
    final void writeBoth(WriteSpec spec, String first, List<Map<String, Object>> firstRows, String second,
            List<Map<String, Object>>... secondPages) {
        try (TableWriteBatch batch = new TableWriteBatch()) {
            batch.target(db, ns, first, PEOPLE, spec, POS).addRows(firstRows);
            for (List<Map<String, Object>> page : secondPages) {
                batch.target(db, ns, second, PEOPLE, spec, POS).addRows(page);
            }
            batch.commit();
        }
    }

    /** Both tables still hold only {@code 1:old}, and no staging table of theirs is left. */
    void assertBothAsTheyWere(String first, String second) {
        assertThat(people(first)).containsExactly("1:old");
        assertThat(people(second)).containsExactly("1:old");
        assertThat(stagingLeft(first)).isZero();
        assertThat(stagingLeft(second)).isZero();
    }

    static Stream<WriteSpec> everyMode() {
        return Stream.of(WriteSpec.of(WriteMode.CREATE), WriteSpec.of(WriteMode.APPEND),
                WriteSpec.of(WriteMode.REPLACE), UPSERT, DELETE_INSERT);
    }

    @ParameterizedTest
    @MethodSource("everyMode")
    void aValueThatDoesNotFitLeavesEveryTableOfTheOpAsItWas(WriteSpec spec) {
        String first = "wm_atomic_a_" + key(spec);
        String second = "wm_atomic_b_" + key(spec);
        write(first, PEOPLE, WriteSpec.of(WriteMode.CREATE), List.of(rec("id", 1, "name", "old")));
        write(second, PEOPLE, WriteSpec.of(WriteMode.CREATE), List.of(rec("id", 1, "name", "old")));

        // the first table's rows are fine; the second table's second page has an id that is not an integer
        assertThatThrownBy(() -> writeBoth(spec, first,
                List.of(rec("id", 1, "name", "new"), rec("id", 2, "name", "new")),
                second, List.of(rec("id", 1, "name", "new")), List.of(rec("id", "x1", "name", "bad"))))
                .isInstanceOf(SequorException.class)
                .hasMessageStartingWith("Value 'x1' in row 2 for table '" + second + "' does not fit column 'id' of"
                        + " type integer (SQL error on source 'stage': ");

        assertBothAsTheyWere(first, second);
    }

    static Stream<WriteSpec> modesOnAnExistingTable() {
        return Stream.of(WriteSpec.of(WriteMode.APPEND), WriteSpec.of(WriteMode.REPLACE), UPSERT, DELETE_INSERT);
    }

    @ParameterizedTest
    @MethodSource("modesOnAnExistingTable")
    void aConstraintFailingAtCommitAfterAnotherTableWasWrittenRollsBackBoth(WriteSpec spec) {
        String first = "wm_commit_a_" + key(spec);
        String second = "wm_commit_b_" + key(spec);
        write(first, PEOPLE, WriteSpec.of(WriteMode.CREATE), List.of(rec("id", 1, "name", "old")));
        db.execute("CREATE TABLE " + q(second) + " (id integer, name text NOT NULL)");
        db.execute("INSERT INTO " + q(second) + " VALUES (1, 'old')");

        // staging takes the NULL; the second table refuses it, after the first was moved in the same transaction
        assertThatThrownBy(() -> writeBoth(spec, first,
                List.of(rec("id", 1, "name", "new"), rec("id", 2, "name", "new")),
                second, List.of(rec("id", 1, "name", null))))
                .isInstanceOf(SequorException.class).hasMessageStartingWith("SQL error on source 'stage': ")
                .hasMessageContaining("name");
        assertBothAsTheyWere(first, second);
    }

    // ---- transform

    @Test
    void transformAppendsReplacesAndMergesAQueryResult() {
        db.execute("CREATE TABLE " + q("wm_src") + " (id integer, name text)");
        db.execute("INSERT INTO " + q("wm_src") + " VALUES (1, 'a'), (2, 'b')");
        String all = "SELECT id, name FROM " + q("wm_src");

        assertThat(db.writeQueryResult(ns, "wm_t_append", all, WriteSpec.of(WriteMode.APPEND))).isEqualTo(2);
        db.writeQueryResult(ns, "wm_t_append", all + " WHERE id = 2;", WriteSpec.of(WriteMode.APPEND));
        assertThat(people("wm_t_append")).containsExactly("1:a", "2:b", "2:b");

        db.writeQueryResult(ns, "wm_t_replace", all, WriteSpec.of(WriteMode.REPLACE));
        db.execute("CREATE VIEW " + q("wm_t_replace_v") + " AS SELECT * FROM " + q("wm_t_replace"));
        db.writeQueryResult(ns, "wm_t_replace", all + " WHERE id = 1", WriteSpec.of(WriteMode.REPLACE));
        assertThat(people("wm_t_replace_v")).containsExactly("1:a");

        for (WriteSpec merge : List.of(UPSERT, DELETE_INSERT)) {
            String table = "wm_t_merge_" + merge.strategy().key();
            db.writeQueryResult(ns, table, all, merge);
            assertThat(primaryKey(table)).containsExactly("id");
            db.writeQueryResult(ns, table, mergedQuery(), merge);
            assertThat(db.query("SELECT id, name FROM " + q(table) + " ORDER BY id").stream()
                    .map(r -> r.get("id") + ":" + r.get("name")).toList()).containsExactly("1:a", "2:b3", "3:c");
        }
    }

    /**
     * The rows a transform merges into {@code 1:a, 2:b}, leaving {@code 1:a, 2:b3, 3:c}: here key 2 twice, where the
     * query's order decides which row of a key lands: the last one.
     */
    String mergedQuery() {
        return "SELECT id, name FROM (VALUES (2, 'b2', 1), (3, 'c', 2), (2, 'b3', 3)) v(id, name, n) ORDER BY n";
    }

    @Test
    void aFailingTransformLeavesTheTargetAsItWas() {
        db.execute("CREATE TABLE " + q("wm_t_fail") + " (id integer, name text NOT NULL)");
        db.execute("INSERT INTO " + q("wm_t_fail") + " VALUES (1, 'old')");
        for (WriteSpec spec : List.of(WriteSpec.of(WriteMode.APPEND), WriteSpec.of(WriteMode.REPLACE), UPSERT,
                DELETE_INSERT)) {
            // the query runs, the table is emptied (replace) or its key deleted (delete_insert), then a NULL name
            // breaks the table's constraint: the whole transform rolls back
            assertThatThrownBy(() -> db.writeQueryResult(ns, "wm_t_fail", "SELECT * FROM (VALUES (1, 'new'),"
                    + " (2, NULL)) v(id, name)", spec))
                    .isInstanceOf(SequorException.class).hasMessageStartingWith("SQL error on source 'stage': ")
                    .hasMessageContaining("name");
            assertThat(people("wm_t_fail")).containsExactly("1:old");
        }
        // a query that fails part-way through its rows
        assertThatThrownBy(() -> db.writeQueryResult(ns, "wm_t_fail", "SELECT id, CAST(name AS integer) AS name FROM"
                + " (VALUES (1, '1'), (2, 'not a number')) v(id, name)", WriteSpec.of(WriteMode.REPLACE)))
                .isInstanceOf(SequorException.class).hasMessageContaining("not a number");
        assertThat(people("wm_t_fail")).containsExactly("1:old");
        assertThatThrownBy(() -> db.writeQueryResult(ns, "wm_t_fail", "SELECT 2 AS id", WriteSpec.merge(
                List.of("key"), MergeStrategy.UPSERT)))
                .isInstanceOf(SequorException.class)
                .hasMessage("primary_key column 'key' is not a column of the query's result; its columns: id");
        assertThat(people("wm_t_fail")).containsExactly("1:old");
        assertThat(stagingLeft("wm_t_fail")).isZero();
    }
}
