package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.testing.OpenedDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Rows that go straight into PostgreSQL tables inside the op's transaction ({@link TableWriteBatch#loadStraightIntoTables},
 * {@link InPlaceLoads}): every inferred-schema behaviour of the parent class holds unchanged with the switch on, and
 * what the switch itself changes is checked here. An append's rows reach its table (not staging) before the commit
 * and stay invisible to others until it, columns are altered in page by page, and an op that does not commit leaves
 * the table, columns included, as it was; a create with declared columns builds its table unseen and swaps it in.
 */
class PostgresInPlaceLoadsTest extends PostgresInferredSchemaTest {

    /** More rows than a load waits for ({@link TableWriteBatch#FLUSH_ROWS}): each such page loads on its own. */
    static final int PAGE = TableWriteBatch.FLUSH_ROWS;

    @Override
    OpenedDatabase open() throws Exception {
        return OpenedDatabase.postgres("sequor-pg-in-place", POS);
    }

    @Override
    TableWriteBatch batch() {
        TableWriteBatch batch = new TableWriteBatch();
        batch.loadStraightIntoTables();
        return batch;
    }

    static List<Map<String, Object>> page(int from, IntFunction<Map<String, Object>> record) {
        return records(from, PAGE, record);
    }

    /** The op's own lock on {@code table}, seen from another session: its rows are going into the table itself. */
    boolean lockedByAnotherSession(String table) {
        return !db.query("SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = '" + ns + "' AND c.relname = '" + table + "'"
                + " AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()").isEmpty();
    }

    /** Staging tables of {@code table} that any session made (temporary ones included: pg_class lists them all). */
    long stagingTables(String table) {
        return ((Number) db.query("SELECT count(*) AS n FROM pg_class WHERE left(relname, 14) = '_sequor_stage_'"
                + " AND right(relname, " + (table.length() + 1) + ") = '_" + table + "'").get(0).get("n")).longValue();
    }

    /**
     * Returns once the batch's load under way (on the loader thread) is done: asking for another table's target of
     * the same database waits for it. That target gets no rows, so the commit leaves its table alone.
     */
    void awaitLoads(TableTarget loading, TableWriteBatch batch) {
        batch.target(db, ns, loading.table() + "_untouched", null, CREATE, POS);
    }

    void awaitLock(String table) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!lockedByAnotherSession(table) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void rowsGoIntoTheTableUnseenUntilTheCommit() throws Exception {
        write("ip_seen", CREATE, List.of(rec("id", 0, "name", "earlier")));
        try (TableWriteBatch batch = batch()) {
            batch.target(db, ns, "ip_seen", null, APPEND, POS).addRows(page(1, i -> rec("id", i, "name", "n" + i)));
            awaitLock("ip_seen");
            assertThat(lockedByAnotherSession("ip_seen")).isTrue();
            assertThat(stagingTables("ip_seen")).isZero();
            assertThat(texts("SELECT count(*) FROM " + q("ip_seen"))).containsExactly("1");
            batch.commit();
        }
        assertThat(texts("SELECT count(*), max(id) FROM " + q("ip_seen"))).containsExactly((PAGE + 1) + "|" + PAGE);
        assertThat(lockedByAnotherSession("ip_seen")).isFalse();
    }

    @Test
    void columnsAreAlteredInAsPagesBringThemAndLandAsStagingWould() {
        // page 1 adds a bigint column, page 2 widens it (and an existing one) and adds another: three loads, two ALTERs
        List<List<Map<String, Object>>> pages = List.of(
                page(1, i -> rec("id", i, "code", i)),
                page(1 + PAGE, i -> rec("id", i, "code", i, "extra", i)),
                page(1 + 2 * PAGE, i -> rec("id", i, "code", "X-" + i, "extra", i + 0.5, "note", "n")));
        for (String table : List.of("ip_evolve", "ip_evolve_staged")) {
            write(table, CREATE, List.of(rec("id", 0, "code", 0)));
        }
        write("ip_evolve", APPEND, pages.toArray(List[]::new));
        try (TableWriteBatch staged = new TableWriteBatch()) {
            for (List<Map<String, Object>> p : pages) {
                staged.target(db, ns, "ip_evolve_staged", null, APPEND, POS).addRows(p);
            }
            staged.commit();
        }
        List<String> t = typeNames();
        assertThat(columns("ip_evolve")).containsExactly("id " + t.get(0), "code " + t.get(7), "extra " + t.get(2),
                "note " + t.get(7));
        assertThat(columns("ip_evolve")).isEqualTo(columns("ip_evolve_staged"));
        String rows = "SELECT id, code, extra, note FROM %s ORDER BY id";
        assertThat(texts(rows.formatted(q("ip_evolve")))).isEqualTo(texts(rows.formatted(q("ip_evolve_staged"))))
                .hasSize(3 * PAGE + 1).contains("1|1|null|null", (PAGE + 1) + "|" + (PAGE + 1) + "|" + (PAGE + 1)
                        + ".0|null", (2 * PAGE + 1) + "|X-" + (2 * PAGE + 1) + "|" + (2 * PAGE + 1) + ".5|n");
    }

    @Test
    void anOpThatDoesNotCommitLeavesTheTableAndItsColumnsAsTheyWere() throws Exception {
        write("ip_undone", CREATE, List.of(rec("id", 0, "name", "earlier")));
        try (TableWriteBatch batch = batch()) {
            batch.target(db, ns, "ip_undone", null, APPEND, POS)
                    .addRows(page(1, i -> rec("id", i, "name", "n" + i, "added", true)));
            awaitLock("ip_undone");
            assertThat(lockedByAnotherSession("ip_undone")).isTrue();
        } // closed without a commit, as when the op fails
        assertThat(texts("SELECT * FROM " + q("ip_undone"))).containsExactly("0|earlier");
        assertThat(columns("ip_undone")).containsExactly("id " + typeNames().get(0), "name " + typeNames().get(7));
        assertThat(lockedByAnotherSession("ip_undone")).isFalse();
    }

    @Test
    void aValueTheTableRefusesFailsTheOpAndLeavesTheTable() {
        db.execute("CREATE TABLE " + q("ip_refused") + " (id bigint, ref uuid)");
        db.execute("INSERT INTO " + q("ip_refused") + " VALUES (0, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')");
        assertThatThrownBy(() -> write("ip_refused", APPEND,
                page(1, i -> rec("id", i, "ref", i == 7 ? "not-a-uuid" : "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))))
                .hasMessageContaining("invalid input syntax for type uuid: \"not-a-uuid\"");
        assertThat(texts("SELECT id FROM " + q("ip_refused"))).containsExactly("0");
    }

    @Test
    void rowsThatWentStraightInAreUndoneWithAnotherTableThatFailsTheCommit() {
        // few rows: they load when the commit starts, in the transaction the other table's insert then fails
        write("ip_first", CREATE, List.of(rec("id", 0)));
        db.execute("CREATE TABLE " + q("ip_checked") + " (id bigint CHECK (id > 0))");
        assertThatThrownBy(() -> {
            try (TableWriteBatch batch = batch()) {
                batch.target(db, ns, "ip_first", null, APPEND, POS).addRows(List.of(rec("id", 1), rec("id", 2)));
                batch.target(db, ns, "ip_checked", columnsAt(POS, "id", "bigint"), APPEND, POS)
                        .addRows(List.of(rec("id", -1)));
                batch.commit();
            }
        }).hasMessageContaining("violates check constraint");
        assertThat(texts("SELECT id FROM " + q("ip_first"))).containsExactly("0");
        assertThat(texts("SELECT count(*) FROM " + q("ip_checked"))).containsExactly("0");
    }

    /** Tables whose name starts as a built or staging table's does, in any session's view of the catalog. */
    long builtTables() {
        return ((Number) db.query("SELECT count(*) AS n FROM pg_class WHERE relname LIKE '\\_sequor\\_stage\\_%'")
                .get(0).get("n")).longValue();
    }

    /**
     * Whether another session holds a lock on a table this session cannot see: one that session created in a
     * transaction not yet committed (the table a create builds; committed staging tables are visible in pg_class).
     */
    boolean lockOnAnUnseenTable() {
        return !db.query("SELECT 1 FROM pg_locks l WHERE l.locktype = 'relation' AND l.pid <> pg_backend_pid()"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = l.relation)").isEmpty();
    }

    static final List<ColumnDef> DECLARED = columnsAt(POS, "id", "integer", "name", "text", "ok", "boolean");

    @Test
    void aCreateWithDeclaredColumnsBuildsItsTableUnseenAndSwapsItIn() throws Exception {
        db.execute("CREATE TABLE " + q("ip_create") + " (id integer, old text)");
        db.execute("INSERT INTO " + q("ip_create") + " VALUES (0, 'earlier run')");
        try (TableWriteBatch batch = batch()) {
            batch.target(db, ns, "ip_create", DECLARED, CREATE, POS)
                    .addRows(page(1, i -> rec("id", i, "name", "n" + i, "ok", i % 2 == 0, "ignored", 1)));
            batch.target(db, ns, "ip_create", DECLARED, CREATE, POS)
                    .addRows(page(1 + PAGE, i -> rec("id", i, "name", "n" + i)));
            // the pages went into a table of the op's transaction: the old table is untouched and unlocked meanwhile
            assertThat(lockOnAnUnseenTable()).isTrue();
            assertThat(lockedByAnotherSession("ip_create")).isFalse();
            assertThat(texts("SELECT * FROM " + q("ip_create"))).containsExactly("0|earlier run");
            batch.commit();
        }
        assertThat(columns("ip_create")).containsExactly("id integer", "name text", "ok boolean");
        assertThat(texts("SELECT count(*) AS n, min(id) AS lo, max(id) AS hi, count(ok) AS oks FROM " + q("ip_create")))
                .containsExactly((2 * PAGE) + "|1|" + (2 * PAGE) + "|" + PAGE);
        assertThat(texts("SELECT * FROM " + q("ip_create") + " WHERE id IN (1, 2) ORDER BY id"))
                .containsExactly("1|n1|false", "2|n2|true");
        assertThat(builtTables()).isZero();
    }

    @Test
    void aCreateThatDoesNotCommitLeavesTheOldTableAndNoBuiltOne() {
        db.execute("CREATE TABLE " + q("ip_create_undone") + " (id integer)");
        db.execute("INSERT INTO " + q("ip_create_undone") + " VALUES (0)");
        assertThatThrownBy(() -> {
            try (TableWriteBatch batch = batch()) {
                TableTarget t = batch.target(db, ns, "ip_create_undone", DECLARED, CREATE, POS);
                t.addRows(page(1, i -> rec("id", i)));
                t.addRows(List.of(rec("id", "x")));
                batch.commit();
            }
        }).hasMessageContaining("invalid input syntax for type integer: \"x\"");
        assertThat(texts("SELECT * FROM " + q("ip_create_undone"))).containsExactly("0");
        assertThat(columns("ip_create_undone")).containsExactly("id integer");
        assertThat(builtTables()).isZero();
    }

    @Test
    void anAppendStagesWhereCopyWouldNotDoWhatInsertDoes() {
        // a rule (COPY ignores rules), a statement-level INSERT trigger (COPY fires it per page), a view (COPY refuses)
        db.execute("CREATE TABLE " + q("ip_ruled") + " (id bigint)");
        db.execute("CREATE TABLE " + q("ip_ruled_log") + " (id bigint)");
        db.execute("CREATE RULE ip_ruled_also AS ON INSERT TO " + q("ip_ruled") + " DO ALSO INSERT INTO "
                + q("ip_ruled_log") + " VALUES (NEW.id)");
        db.execute("CREATE TABLE " + q("ip_stmt") + " (id bigint)");
        db.execute("CREATE TABLE " + q("ip_stmt_log") + " (at timestamptz)");
        db.execute("CREATE FUNCTION " + q("ip_stmt_logged") + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " INSERT INTO " + q("ip_stmt_log") + " VALUES (now()); RETURN NULL; END $$");
        db.execute("CREATE TRIGGER ip_stmt_each AFTER INSERT ON " + q("ip_stmt") + " FOR EACH STATEMENT EXECUTE FUNCTION "
                + q("ip_stmt_logged") + "()");
        db.execute("CREATE TABLE " + q("ip_base") + " (id bigint)");
        db.execute("CREATE VIEW " + q("ip_view") + " AS SELECT id FROM " + q("ip_base"));
        for (String table : List.of("ip_ruled", "ip_stmt", "ip_view")) {
            db.execute("INSERT INTO " + q(table) + " VALUES (0)");
            write(table, APPEND, page(1, i -> rec("id", i)), page(1 + PAGE, i -> rec("id", i)));
        }
        String all = String.valueOf(2 * PAGE + 1);
        assertThat(texts("SELECT count(*) FROM " + q("ip_ruled"))).containsExactly(all);
        assertThat(texts("SELECT count(*) FROM " + q("ip_ruled_log"))).containsExactly(all);
        assertThat(texts("SELECT count(*) FROM " + q("ip_stmt_log"))).containsExactly("2"); // the seed's, the commit's
        assertThat(texts("SELECT count(*) FROM " + q("ip_base"))).containsExactly(all);
    }

    @Test
    void aNewTableAndEveryOtherModeStillStage() throws Exception {
        for (WriteSpec spec : List.of(CREATE, WriteSpec.of(WriteMode.REPLACE), WriteSpec.merge(List.of("id"),
                MergeStrategy.UPSERT))) {
            String table = "ip_" + spec.mode().key();
            write(table, CREATE, List.of(rec("id", 0)));
            try (TableWriteBatch batch = batch()) {
                TableTarget target = batch.target(db, ns, table, null, spec, POS);
                target.addRows(page(1, i -> rec("id", i)));
                awaitLoads(target, batch);
                assertThat(stagingTables(table)).as(table).isEqualTo(1);
                assertThat(lockedByAnotherSession(table)).as(table).isFalse();
                batch.commit();
            }
            long expected = spec.mode() == WriteMode.MERGE ? PAGE + 1 : PAGE; // the merge keeps id 0
            assertThat(texts("SELECT count(*) FROM " + q(table))).as(table).containsExactly(String.valueOf(expected));
        }
    }
}
