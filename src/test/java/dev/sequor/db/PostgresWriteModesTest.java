package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.testing.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The write modes on the real PostgreSQL, in a fresh schema, plus what only PostgreSQL has: grants. */
class PostgresWriteModesTest extends WriteModesBehaviourTest {

    /** A role of the server (roles are not per database); made once, never dropped, granted only in fresh schemas. */
    static final String READER = "sequor_wm_reader";

    PostgresTestDatabase pg;

    @Override
    void open() throws Exception {
        pg = PostgresTestDatabase.createSchema();
        Path tmp = Files.createTempDirectory("sequor-pg-wm");
        databases = new Databases(tmp, tmp.resolve(".cache"));
        db = databases.open("stage", PostgresTestDatabase.sourceConfig(), POS);
        ns = pg.schema();
    }

    @Override
    void cleanUp() {
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    List<String> indexes(String table) {
        return db.query("SELECT indexname FROM pg_indexes WHERE schemaname = '" + ns + "' AND tablename = '" + table
                + "'").stream().map(r -> String.valueOf(r.get(0))).toList();
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
                .hasMessageContaining("other objects depend on it");
        assertThat(people("wm_granted")).containsExactly("2:new");
        db.execute("REVOKE ALL ON " + q("wm_granted") + " FROM " + READER);
        db.execute("REVOKE ALL ON SCHEMA " + db.dialect().quote(ns) + " FROM " + READER);
    }
}
