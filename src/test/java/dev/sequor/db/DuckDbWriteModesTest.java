package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.testing.OpenedDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The write modes on a DuckDB file in a temporary project folder. */
class DuckDbWriteModesTest extends WriteModesBehaviourTest {

    @Override
    OpenedDatabase open() throws Exception {
        return OpenedDatabase.duckDb("sequor-duckdb-wm", POS);
    }

    @Override
    List<String> indexes(String table) {
        return db.query("SELECT index_name FROM duckdb_indexes() WHERE schema_name = '" + ns + "' AND table_name = '"
                + table + "'").stream().map(r -> String.valueOf(r.get(0))).toList();
    }

    /**
     * DuckDB refuses to update a row another open transaction has changed ("Conflict on update"), so a row held that
     * way shows whether the merge touches it: it must not when none of its values changed.
     */
    @Test
    void anUpsertUpdatesOnlyTheRowsWhoseValuesChanged() {
        db.execute("CREATE TABLE " + q("wm_unchanged") + " (id integer PRIMARY KEY, name varchar, amount decimal(12,2),"
                + " seen timestamptz, doc json)");
        List<ColumnDef> columns = cols("id", "integer", "name", "text", "amount", "numeric", "seen", "timestamptz",
                "doc", "json");
        write("wm_unchanged", columns, UPSERT, List.of(
                rec("id", 1, "name", "Ann", "amount", "1.50", "seen", "2024-05-01T10:00:00Z", "doc", "{\"a\":1}"),
                rec("id", 2, "name", "Bob", "amount", 2, "seen", null, "doc", null)));

        try (SqlSession holder = ((JdbcDatabase) db).openSession()) {
            holder.openTransaction();
            // another transaction changes row 1 and stays open (an update to the same value would not conflict)
            holder.execute("UPDATE " + q("wm_unchanged") + " SET name = 'held' WHERE id = 1");
            // row 1 comes back the same (1.5 is the stored 1.50, the same instant in another zone); row 2's amount
            // changes; row 3 is new
            write("wm_unchanged", columns, UPSERT, List.of(
                    rec("id", 1, "name", "Ann", "amount", 1.5, "seen", "2024-05-01T12:00:00+02:00", "doc", "{\"a\":1}"),
                    rec("id", 2, "name", "Bob", "amount", 3, "seen", null, "doc", null),
                    rec("id", 3, "name", "Cy", "amount", null, "seen", null, "doc", null)));
            // a change to row 1 does update it, and so conflicts
            assertThatThrownBy(() -> write("wm_unchanged", columns, UPSERT, List.of(rec("id", 1, "name", "Ann",
                    "amount", 1.5, "seen", "2024-05-01T10:00:00Z", "doc", "{\"a\":2}"))))
                    .isInstanceOf(SequorException.class).hasMessageContaining("Conflict on update");
            holder.rollBackOpenTransaction();
        }
        assertThat(db.query("SELECT id, name, CAST(amount AS VARCHAR) AS amount FROM " + q("wm_unchanged")
                + " ORDER BY id").stream().map(r -> r.get("id") + ":" + r.get("name") + ":" + r.get("amount")).toList())
                .containsExactly("1:Ann:1.50", "2:Bob:3.00", "3:Cy:null");
        assertThat(stagingLeft("wm_unchanged")).isZero();
    }

    /**
     * DuckDB updates a row with a list or struct column by deleting and inserting it, which gives it a new
     * {@code rowid}: a row whose nested values (compared as text) did not change keeps its own.
     */
    @Test
    void anUpsertLeavesARowWithUnchangedNestedValuesWhereItIs() {
        db.execute("CREATE TABLE " + q("wm_nested")
                + " (id integer PRIMARY KEY, tags varchar[], point STRUCT(x integer))");
        List<ColumnDef> columns = cols("id", "integer", "tags", "text[]", "point", "STRUCT(x integer)");
        List<Map<String, Object>> rows = List.of(rec("id", 1, "tags", List.of("x", "y"), "point", Map.of("x", 1)),
                rec("id", 2, "tags", List.of("z"), "point", Map.of("x", 2)));
        write("wm_nested", columns, UPSERT, rows);
        Map<Object, Object> before = rowids("wm_nested");
        write("wm_nested", columns, UPSERT, List.of(rows.get(0), rec("id", 2, "tags", List.of("z"), "point",
                Map.of("x", 3))));
        Map<Object, Object> after = rowids("wm_nested");
        assertThat(after.get(1)).as("an unchanged row is not rewritten").isEqualTo(before.get(1));
        assertThat(after.get(2)).as("a changed struct rewrites its row").isNotEqualTo(before.get(2));
        assertThat(db.query("SELECT CAST(point AS VARCHAR) AS p FROM " + q("wm_nested") + " ORDER BY id").stream()
                .map(r -> r.get("p")).toList()).containsExactly("{'x': 1}", "{'x': 3}");
    }

    private Map<Object, Object> rowids(String table) {
        Map<Object, Object> out = new java.util.TreeMap<>();
        db.query("SELECT id, rowid AS r FROM " + q(table)).forEach(r -> out.put(r.get("id"), r.get("r")));
        return out;
    }

    @Test
    void anUpsertStillRefusesAValueItsDecimalColumnCannotHold() {
        db.execute("CREATE TABLE " + q("wm_narrow") + " (id integer PRIMARY KEY, amount decimal(4,2))");
        db.execute("INSERT INTO " + q("wm_narrow") + " VALUES (1, 1.50)");
        assertThatThrownBy(() -> write("wm_narrow", cols("id", "integer", "amount", "numeric"), UPSERT,
                List.of(rec("id", 1, "amount", 12345))))
                .isInstanceOf(SequorException.class).hasMessageContaining("DECIMAL(4,2)");
        assertThat(db.query("SELECT CAST(amount AS VARCHAR) AS a FROM " + q("wm_narrow")).get(0).get("a"))
                .isEqualTo("1.50");
    }

    /** DuckDB's column names ignore case: declared columns that differ only so are refused before anything is made. */
    @Test
    void declaredColumnsThatDifferOnlyInCaseAreRefused() {
        assertThatThrownBy(() -> write("wm_declared_case", cols("id", "integer", "Name", "text", "name", "text"),
                WriteSpec.of(WriteMode.CREATE), List.of(rec("id", 1))))
                .isInstanceOf(SequorException.class)
                .hasMessage("Declared columns 'Name' and 'name' of table 'wm_declared_case' are one column on DuckDB,"
                        + " whose column names ignore case; rename one of them")
                .extracting(e -> ((SequorException) e).pos()).isEqualTo(POS);
        assertThat(db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'wm_declared_case'")).isEmpty();
    }
}
