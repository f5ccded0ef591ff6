package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.testing.OpenedDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The write modes on the real PostgreSQL, in a fresh schema, plus what only PostgreSQL has: grants. */
class PostgresWriteModesTest extends WriteModesBehaviourTest {

    /** A role of the server (roles are not per database); made once, never dropped, granted only in fresh schemas. */
    static final String READER = "sequor_wm_reader";

    @Override
    OpenedDatabase open() throws Exception {
        return OpenedDatabase.postgres("sequor-pg-wm", POS);
    }

    @Override
    List<String> indexes(String table) {
        return db.query("SELECT indexname FROM pg_indexes WHERE schemaname = '" + ns + "' AND tablename = '" + table
                + "'").stream().map(r -> String.valueOf(r.get(0))).toList();
    }

    /** id -> the transaction that wrote the row's current version (xmin): it changes when an UPDATE rewrites the row. */
    java.util.Map<Object, Object> versions(String table) {
        java.util.Map<Object, Object> out = new java.util.TreeMap<>();
        db.query("SELECT id, xmin::text AS v FROM " + q(table)).forEach(r -> out.put(r.get("id"), r.get("v")));
        return out;
    }

    @Test
    void anUpsertRewritesOnlyTheRowsWhoseValuesChanged() {
        // columns of every comparison path: = on integer/varchar/numeric/timestamptz/jsonb, text for json and arrays
        db.execute("CREATE TABLE " + q("wm_unchanged") + " (id integer PRIMARY KEY, name varchar(20), amount"
                + " numeric(12,2), at timestamptz, doc jsonb, raw json, tags text[])");
        List<ColumnDef> columns = cols("id", "integer", "name", "text", "amount", "numeric", "at", "timestamptz",
                "doc", "jsonb", "raw", "json", "tags", "text[]");
        WriteSpec upsert = WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT);
        List<java.util.Map<String, Object>> first = List.of(
                rec("id", 1, "name", "Ann", "amount", "1.50", "at", "2024-05-01T10:00:00Z", "doc", "{\"a\": 1}",
                        "raw", "{\"a\": 1}", "tags", "{x,y}"),
                rec("id", 2, "name", "Bob", "amount", 2, "at", "2024-05-01T10:00:00+02:00", "doc", "[1, 2]",
                        "raw", "[1,2]", "tags", "{z}"),
                rec("id", 3, "name", "Cy", "amount", null, "at", null, "doc", null, "raw", null, "tags", null));
        write("wm_unchanged", columns, upsert, first);
        java.util.Map<Object, Object> before = versions("wm_unchanged");

        // row 1 comes back identical (1.5 is the stored 1.50, the same instant written in another zone); row 2's raw
        // json changes only in its text; row 3 gets a value where it had null; row 4 is new
        write("wm_unchanged", columns, upsert, List.of(
                rec("id", 1, "name", "Ann", "amount", 1.5, "at", "2024-05-01T12:00:00+02:00", "doc", "{\"a\":1}",
                        "raw", "{\"a\": 1}", "tags", "{x,y}"),
                rec("id", 2, "name", "Bob", "amount", 2, "at", "2024-05-01T08:00:00Z", "doc", "[1,2]",
                        "raw", "[1, 2]", "tags", "{z}"),
                rec("id", 3, "name", "Cy", "amount", null, "at", null, "doc", null, "raw", null, "tags", "{}"),
                rec("id", 4, "name", "Dee", "amount", 4, "at", null, "doc", null, "raw", null, "tags", null)));

        java.util.Map<Object, Object> after = versions("wm_unchanged");
        assertThat(after.get(1)).as("an unchanged row is not rewritten").isEqualTo(before.get(1));
        assertThat(after.get(2)).as("json compares as text: a different spelling is a change").isNotEqualTo(before.get(2));
        assertThat(after.get(3)).as("null to a value is a change").isNotEqualTo(before.get(3));
        assertThat(db.query("SELECT id, raw::text AS raw, tags::text AS tags FROM " + q("wm_unchanged") + " ORDER BY id")
                .stream().map(r -> r.get("id") + ":" + r.get("raw") + ":" + r.get("tags")).toList())
                .containsExactly("1:{\"a\": 1}:{x,y}", "2:[1, 2]:{z}", "3:null:{}", "4:null:null");
        assertThat(stagingLeft("wm_unchanged")).isZero();
    }

    @Test
    void anUpsertStillRefusesAValueTooLongForItsColumnWhenTheShortenedValueIsUnchanged() {
        db.execute("CREATE TABLE " + q("wm_short") + " (id integer PRIMARY KEY, code varchar(3))");
        db.execute("INSERT INTO " + q("wm_short") + " VALUES (1, 'abc')");
        // compared uncut ('abcd' differs from 'abc'), so the update runs and the column refuses the value, as before
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write("wm_short", cols("id", "integer", "code", "text"),
                WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT), List.of(rec("id", 1, "code", "abcd"))))
                .hasMessageContaining("value too long for type character varying(3)");
        assertThat(db.query("SELECT code FROM " + q("wm_short")).get(0).get("code")).isEqualTo("abc");
    }

    @Test
    void replaceKeepsGrantsAndDependentViewsWhereCreateCannotDropTheTable() {
        db.execute("DO $$ BEGIN CREATE ROLE " + READER + " NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        write("wm_granted", PEOPLE, WriteSpec.of(WriteMode.CREATE), List.of(rec("id", 1, "name", "old")));
        db.execute("GRANT USAGE ON SCHEMA " + db.dialect().quote(ns) + " TO " + READER);
        db.execute("GRANT SELECT ON " + q("wm_granted") + " TO " + READER);
        db.execute("CREATE VIEW " + q("wm_granted_v") + " AS SELECT * FROM " + q("wm_granted"));

        write("wm_granted", PEOPLE, WriteSpec.of(WriteMode.REPLACE), List.of(rec("id", 2, "name", "new")));

        assertThat(people("wm_granted")).containsExactly("2:new");
        assertThat(people("wm_granted_v")).containsExactly("2:new");
        assertThat(db.query("SELECT has_table_privilege('" + READER + "', '" + q("wm_granted").replace("'", "''")
                + "', 'SELECT') AS p").get(0).get("p")).isEqualTo(true);
        // create mode drops the table, which the view depends on: PostgreSQL refuses, the table stays as it was
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> write("wm_granted", PEOPLE,
                WriteSpec.of(WriteMode.CREATE), List.of(rec("id", 3, "name", "x"))))
                .hasMessageContaining("other objects depend on it (view " + ns + ".wm_granted_v depends on table "
                        + ns + ".wm_granted)");
        assertThat(people("wm_granted")).containsExactly("2:new");
        db.execute("REVOKE ALL ON " + q("wm_granted") + " FROM " + READER);
        db.execute("REVOKE ALL ON SCHEMA " + db.dialect().quote(ns) + " FROM " + READER);
    }
}
