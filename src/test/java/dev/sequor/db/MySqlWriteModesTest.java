package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.testing.OpenedDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The write modes on the real MariaDB (or MySQL), in a database of its own. The shared tests whose SQL is
 * PostgreSQL's and DuckDB's ({@code (VALUES ...) v(a, b)}) are written here in MySQL's, and upserts go into tables
 * with a key, which MySQL's {@code ON DUPLICATE KEY UPDATE} needs.
 */
class MySqlWriteModesTest extends WriteModesBehaviourTest {

    @Override
    OpenedDatabase open() throws Exception {
        return OpenedDatabase.mySql("sequor-mysql-wm", POS);
    }

    @Override
    List<String> indexes(String table) {
        return db.query("SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema = '" + ns
                + "' AND table_name = '" + table + "'").stream().map(r -> String.valueOf(r.get(0))).toList();
    }

    /** Upsert needs a key on an existing table: without one it says so and changes nothing; delete_insert works. */
    @Override
    @ParameterizedTest
    @MethodSource("merges")
    void mergeIntoAnExistingTableWithoutAnyKeyWorks(WriteSpec merge) {
        String table = "wm_nokey_" + merge.strategy().key();
        db.execute("CREATE TABLE " + q(table) + " (id integer, name text, note text)");
        db.execute("INSERT INTO " + q(table) + " VALUES (1, 'a', 'kept?'), (2, 'b', 'untouched')");
        if (merge.strategy() == MergeStrategy.UPSERT) {
            assertThatThrownBy(() -> write(table, PEOPLE, merge, List.of(rec("id", 1, "name", "a2"))))
                    .isInstanceOf(SequorException.class)
                    .hasMessage("Table " + q(table) + " has no PRIMARY KEY or UNIQUE index on (`id`), which MySQL's"
                            + " upsert needs to find the rows to update; add one (ALTER TABLE " + q(table)
                            + " ADD PRIMARY KEY (`id`)) or use merge_strategy: delete_insert");
            db.execute("ALTER TABLE " + q(table) + " ADD UNIQUE INDEX by_id (id)");
        }
        write(table, PEOPLE, merge, List.of(rec("id", 1, "name", "a2"), rec("id", 3, "name", "c")));
        List<String> rows = db.query("SELECT id, name, note FROM " + q(table) + " ORDER BY id").stream()
                .map(r -> r.get("id") + ":" + r.get("name") + ":" + r.get("note")).toList();
        assertThat(rows).containsExactly(merge.strategy() == MergeStrategy.UPSERT ? "1:a2:kept?" : "1:a2:null",
                "2:b:untouched", "3:c:null");
        assertThat(primaryKey(table)).isEmpty();
    }

    @Override
    @ParameterizedTest
    @MethodSource("modesOnAnExistingTable")
    void aConstraintFailingAtCommitAfterAnotherTableWasWrittenRollsBackBoth(WriteSpec spec) {
        String first = "wm_commit_a_" + key(spec);
        String second = "wm_commit_b_" + key(spec);
        write(first, PEOPLE, WriteSpec.of(WriteMode.CREATE), List.of(rec("id", 1, "name", "old")));
        db.execute("ALTER TABLE " + q(first) + " ADD PRIMARY KEY (id)");
        db.execute("CREATE TABLE " + q(second) + " (id integer PRIMARY KEY, name text NOT NULL)");
        db.execute("INSERT INTO " + q(second) + " VALUES (1, 'old')");
        // new keys: the first table has a key here, which an append of id 1 would break first
        assertThatThrownBy(() -> writeBoth(spec, first,
                List.of(rec("id", 3, "name", "new"), rec("id", 4, "name", "new")),
                second, List.of(rec("id", 2, "name", null))))
                .isInstanceOf(SequorException.class).hasMessageStartingWith("SQL error on source 'stage': ")
                .hasMessageContaining("name");
        assertBothAsTheyWere(first, second);
    }

    /** MySQL indexes no LONGTEXT whole: a text key of a table a merge creates is VARCHAR(255). */
    @Test
    void aTextKeyBecomesAVarcharPrimaryKey() {
        List<ColumnDef> columns = cols("code", "text", "qty", "integer");
        write("wm_text_key", columns, UPSERT_CODE, List.of(rec("code", "cus_1", "qty", 1), rec("code", "cus_2", "qty", 2)));
        write("wm_text_key", columns, UPSERT_CODE, List.of(rec("code", "cus_2", "qty", 5)));
        assertThat(primaryKey("wm_text_key")).containsExactly("code");
        assertThat(db.query("SELECT column_type FROM information_schema.columns WHERE table_schema = '" + ns
                + "' AND table_name = 'wm_text_key' AND column_name = 'code'").get(0).get(0)).isEqualTo("varchar(255)");
        assertThat(db.query("SELECT code, qty FROM " + q("wm_text_key") + " ORDER BY code").stream()
                .map(r -> r.get("code") + "=" + r.get("qty")).toList()).containsExactly("cus_1=1", "cus_2=5");
    }

    static final WriteSpec UPSERT_CODE = WriteSpec.merge(List.of("code"), MergeStrategy.UPSERT);

    /**
     * MySQL refuses names past 64 characters: a table and a key named longer are cut to 64, and the upsert's check for
     * the key's index finds the table and its key under those names (it looked the whole name up and said no key).
     */
    @Test
    void aTableAndKeyNamedPast64CharactersUpsertUnderTheirFirst64() {
        String table = "wm_" + "t".repeat(70);
        String key = "k".repeat(70);
        List<ColumnDef> columns = cols(key, "integer", "qty", "integer");
        WriteSpec upsert = WriteSpec.merge(List.of(key), MergeStrategy.UPSERT);
        write(table, columns, upsert, List.of(rec(key, 1, "qty", 1), rec(key, 2, "qty", 2)));
        write(table, columns, upsert, List.of(rec(key, 2, "qty", 5)));
        String stored = table.substring(0, 64);
        assertThat(primaryKey(stored)).containsExactly(key.substring(0, 64));
        assertThat(db.query("SELECT * FROM " + q(stored) + " ORDER BY 1").stream()
                .map(r -> r.get(0) + "=" + r.get("qty")).toList()).containsExactly("1=1", "2=5");
    }

    /**
     * The server's default collation ignores case, accents and trailing spaces: keys that differ only so were one row,
     * and the others' rows were lost. Text keys of tables a merge creates compare byte for byte, as on PostgreSQL and
     * DuckDB, in one load and across loads, with either strategy; the key column says so in its collation.
     */
    @ParameterizedTest
    @MethodSource("merges")
    void textKeysThatDifferOnlyInCaseAccentsOrTrailingSpacesAreDifferentRowsOfACreatedTable(WriteSpec byId) {
        WriteSpec merge = byCode(byId);
        List<ColumnDef> columns = cols("code", "text", "qty", "integer");
        String table = "wm_exact_key_" + merge.strategy().key();
        write(table, columns, merge, List.of(rec("code", "a", "qty", 1), rec("code", "e", "qty", 2),
                rec("code", "b", "qty", 3), rec("code", "A", "qty", 4), rec("code", "a", "qty", 0)));
        write(table, columns, merge, List.of(rec("code", "é", "qty", 5), rec("code", "b ", "qty", 6),
                rec("code", "a", "qty", 7)));
        assertThat(codes(table)).containsExactly("[e]=2", "[b]=3", "[A]=4", "[é]=5", "[b ]=6", "[a]=7");
        assertThat(keyCollation(table)).isEqualTo("utf8mb4_nopad_bin");
    }

    /**
     * A key column of a table made otherwise keeps its collation, and the merge compares as it does: under a {@code _ci}
     * key, {@code a} and {@code A} are one key, whose last loaded row lands (in one load and across loads), with
     * either strategy and no error.
     */
    @ParameterizedTest
    @MethodSource("merges")
    void anExistingCaseInsensitiveKeyTakesTheLastRowOfKeysItHoldsForOne(WriteSpec byId) {
        WriteSpec merge = byCode(byId);
        String table = "wm_ci_key_" + merge.strategy().key();
        db.execute("CREATE TABLE " + q(table) + " (code VARCHAR(20) COLLATE utf8mb4_general_ci PRIMARY KEY,"
                + " qty integer)");
        db.execute("INSERT INTO " + q(table) + " VALUES ('x', 0)");
        List<ColumnDef> columns = cols("code", "text", "qty", "integer");
        write(table, columns, merge, List.of(rec("code", "a", "qty", 1), rec("code", "A", "qty", 2),
                rec("code", "X", "qty", 3)));
        assertThat(codes(table).stream().map(r -> r.toLowerCase(java.util.Locale.ROOT)).toList())
                .containsExactly("[a]=2", "[x]=3");
        write(table, columns, merge, List.of(rec("code", "A", "qty", 4), rec("code", "a", "qty", 5)));
        assertThat(codes(table).stream().map(r -> r.toLowerCase(java.util.Locale.ROOT)).toList())
                .containsExactly("[x]=3", "[a]=5");
        assertThat(keyCollation(table)).isEqualTo("utf8mb4_general_ci");
    }

    /**
     * A key column with a binary collation of the user's own (PAD SPACE: {@code b} and {@code b } are one key there)
     * tells {@code a} and {@code A} apart; a {@code delete_insert} failed on it with "Illegal mix of collations"
     * while staging compared under another.
     */
    @ParameterizedTest
    @MethodSource("merges")
    void anExistingBinaryKeyTellsCaseApartWithEitherStrategy(WriteSpec byId) {
        WriteSpec merge = byCode(byId);
        String table = "wm_bin_key_" + merge.strategy().key();
        db.execute("CREATE TABLE " + q(table) + " (code VARCHAR(20) COLLATE utf8mb4_bin PRIMARY KEY, qty integer)");
        db.execute("INSERT INTO " + q(table) + " VALUES ('a', 0), ('A', 0), ('b', 0)");
        write(table, cols("code", "text", "qty", "integer"), merge, List.of(rec("code", "A", "qty", 1),
                rec("code", "b ", "qty", 2), rec("code", "c", "qty", 3), rec("code", "C", "qty", 4)));
        assertThat(codes(table).stream().map(r -> r.replace(" ]", "]")).toList())
                .containsExactly("[a]=0", "[A]=1", "[b]=2", "[c]=3", "[C]=4");
    }

    /** A transform's merge into a key column of its own collation compares as it does (here binary). */
    @Test
    void aTransformMergeComparesAsTheExistingKeyColumn() {
        db.execute("CREATE TABLE " + q("wm_t_bin_key") + " (code VARCHAR(20) COLLATE utf8mb4_bin PRIMARY KEY,"
                + " qty integer)");
        db.execute("INSERT INTO " + q("wm_t_bin_key") + " VALUES ('a', 0), ('A', 0)");
        String rows = "SELECT 'A' AS code, 1 AS qty UNION ALL SELECT 'c', 2 UNION ALL SELECT 'C', 3";
        db.writeQueryResult(ns, "wm_t_bin_key", rows, WriteSpec.merge(List.of("code"), MergeStrategy.DELETE_INSERT));
        assertThat(codes("wm_t_bin_key")).containsExactly("[a]=0", "[A]=1", "[c]=2", "[C]=3");
    }

    /**
     * A query over landed text gives LONGTEXT columns, which no PRIMARY KEY takes ("BLOB/TEXT column 'code' used in
     * key specification without a key length"): the table a transform's merge creates has its key as a created key
     * is, and the other columns as the result has them, in its order.
     */
    @Test
    void aTransformMergeCreatesItsTableWithAKeyOnLandedText() {
        write("wm_t_src", cols("code", "text", "qty", "integer", "price", "numeric(12,2)"), WriteSpec.of(WriteMode.CREATE),
                List.of(rec("code", "a", "qty", 1, "price", "1.50"), rec("code", "A", "qty", 2, "price", "2.25")));
        WriteSpec merge = WriteSpec.merge(List.of("code"), MergeStrategy.UPSERT);
        String query = "SELECT qty, code, price FROM " + q("wm_t_src");
        db.writeQueryResult(ns, "wm_t_text_key", query, merge);
        db.writeQueryResult(ns, "wm_t_text_key", query + " WHERE code = 'a'", merge);
        assertThat(codes("wm_t_text_key")).containsExactly("[a]=1", "[A]=2");
        assertThat(db.query("SELECT column_name, column_type FROM information_schema.columns WHERE table_schema = '"
                + ns + "' AND table_name = 'wm_t_text_key' ORDER BY ordinal_position").stream()
                .map(r -> r.get("column_name") + " " + r.get("column_type")).toList())
                .containsExactly("qty int(11)", "code varchar(255)", "price decimal(12,2)");
        assertThat(keyCollation("wm_t_text_key")).isEqualTo("utf8mb4_nopad_bin");
        assertThat(primaryKey("wm_t_text_key")).containsExactly("code");
    }

    /** A text key longer than the 255 characters a created key takes is named with its row, and nothing lands. */
    @Test
    void aTextKeyLongerThanTheKeyColumnTakesIsNamed() {
        List<ColumnDef> columns = cols("code", "text", "qty", "integer");
        write("wm_long_key", columns, UPSERT_CODE, List.of(rec("code", "a", "qty", 1)));
        String longKey = "x".repeat(256);
        assertThatThrownBy(() -> write("wm_long_key", columns, UPSERT_CODE, List.of(rec("code", "b", "qty", 2),
                rec("code", "x".repeat(255), "qty", 3), rec("code", longKey, "qty", 4))))
                .isInstanceOf(SequorException.class)
                .hasMessageStartingWith("Value '" + "x".repeat(77) + "...' in row 3 for table 'wm_long_key' does not fit"
                        + " column 'code' of type text (SQL error on source 'stage': Data too long for column 'code'");
        assertThat(codes("wm_long_key")).containsExactly("[a]=1");
    }

    /** A delete_insert into a table of the user's own whose key no index takes whole deletes as before. */
    @Test
    void aDeleteInsertOnKeysNoIndexTakesWholeWorks() {
        // 4,000 bytes in utf8mb4, more than a temporary table's PRIMARY KEY takes
        db.execute("CREATE TABLE " + q("wm_wide_key") + " (code VARCHAR(1000), qty integer)");
        db.execute("INSERT INTO " + q("wm_wide_key") + " VALUES ('a', 0), ('b', 0)");
        write("wm_wide_key", cols("code", "text", "qty", "integer"), byCode(WriteSpec.merge(List.of("id"),
                MergeStrategy.DELETE_INSERT)), List.of(rec("code", "a", "qty", 1), rec("code", "c", "qty", 2)));
        assertThat(codes("wm_wide_key")).containsExactly("[b]=0", "[a]=1", "[c]=2");
    }

    /** {@code merge}'s strategy on the key {@code code}. */
    private static WriteSpec byCode(WriteSpec merge) {
        return WriteSpec.merge(List.of("code"), merge.strategy());
    }

    /** {@code [code]=qty} of every row, by qty, then code as bytes. */
    private List<String> codes(String table) {
        return db.query("SELECT code, qty FROM " + q(table) + " ORDER BY qty, CAST(code AS BINARY)").stream()
                .map(r -> "[" + r.get("code") + "]=" + r.get("qty")).toList();
    }

    private String keyCollation(String table) {
        return String.valueOf(db.query("SELECT collation_name FROM information_schema.columns WHERE table_schema = '"
                + ns + "' AND table_name = '" + table + "' AND column_name = 'code'").get(0).get(0));
    }

    /** One row per key: MySQL has no {@code (VALUES ...) v(a, b)}. */
    @Override
    String mergedQuery() {
        return "SELECT 2 AS id, 'b3' AS name UNION ALL SELECT 3, 'c'";
    }

    /** As the shared test, in MySQL's SQL; MySQL's CAST of text to a number warns instead of failing, so no such case. */
    @Override
    @Test
    void aFailingTransformLeavesTheTargetAsItWas() {
        db.execute("CREATE TABLE " + q("wm_t_fail") + " (id integer PRIMARY KEY, name text NOT NULL)");
        db.execute("INSERT INTO " + q("wm_t_fail") + " VALUES (1, 'old')");
        for (WriteSpec spec : List.of(WriteSpec.of(WriteMode.APPEND), WriteSpec.of(WriteMode.REPLACE), UPSERT,
                DELETE_INSERT)) {
            // a new key first: an append of id 1 would break the table's key before the NULL its NOT NULL
            assertThatThrownBy(() -> db.writeQueryResult(ns, "wm_t_fail", "SELECT 3 AS id, 'new' AS name"
                    + " UNION ALL SELECT 2, NULL", spec))
                    .isInstanceOf(SequorException.class).hasMessageStartingWith("SQL error on source 'stage': ")
                    .hasMessageContaining("name");
            assertThat(people("wm_t_fail")).containsExactly("1:old");
        }
        assertThatThrownBy(() -> db.writeQueryResult(ns, "wm_t_fail", "SELECT 2 AS id", WriteSpec.merge(
                List.of("key"), MergeStrategy.UPSERT)))
                .isInstanceOf(SequorException.class)
                .hasMessage("primary_key column 'key' is not a column of the query's result; its columns: id");
        assertThat(people("wm_t_fail")).containsExactly("1:old");
        assertThat(stagingLeft("wm_t_fail")).isZero();
    }
}
