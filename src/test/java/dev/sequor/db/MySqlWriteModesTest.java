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
