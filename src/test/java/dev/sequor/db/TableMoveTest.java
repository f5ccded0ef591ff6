package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.error.SourcePos;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact SQL of each write mode, as SQLMesh's dialect tests do: what a database runs is written down here, so a
 * change to it is a visible decision. The statements themselves run against PostgreSQL and DuckDB in
 * {@code WriteModesBehaviourTest}'s subclasses.
 */
class TableMoveTest {

    private static final SourcePos POS = new SourcePos("flows/x.yaml", 1, 1);
    private static final List<ColumnDef> COLUMNS = List.of(ColumnDef.of("id", "integer", "t", POS),
            ColumnDef.of("Full Name", "text", "t", POS));
    private static final String TARGET = "\"s\".\"t\"";
    private static final String STAGING = "\"pg_temp\".\"_sequor_stage_1_t\"";

    private static TableMove move(Dialect d) {
        return new TableMove(d, TARGET, STAGING, List.of("id", "Full Name"),
                COLUMNS.stream().map(d::fromStaging).toList(), d.fromStaging(new ColumnDef("_sequor_row",
                ColumnType.parse("bigint"))), TableMove.declared(d, COLUMNS));
    }

    private static final String LAST_PER_ID = "SELECT \"id\", \"Full Name\" FROM (SELECT \"id\", \"Full Name\","
            + " \"_sequor_row\", max(\"_sequor_row\") OVER (PARTITION BY \"id\") AS \"_sequor_last\" FROM (SELECT"
            + " \"id\" AS \"id\", \"Full Name\" AS \"Full Name\", \"_sequor_row\" AS \"_sequor_row\" FROM " + STAGING
            + ") AS typed) AS numbered WHERE \"_sequor_row\" = \"_sequor_last\"";

    @Test
    void createDropsAndCreatesTheTableThenInserts() {
        TableMove m = move(PostgresDialect.INSTANCE);
        WriteSpec create = WriteSpec.of(WriteMode.CREATE);
        assertThat(m.prepare(create, false)).isEmpty();
        assertThat(m.move(create, true)).containsExactly(
                "DROP TABLE IF EXISTS \"s\".\"t\"",
                "CREATE TABLE \"s\".\"t\" (\"id\" integer, \"Full Name\" text)",
                "INSERT INTO \"s\".\"t\" (\"id\", \"Full Name\") SELECT \"id\", \"Full Name\" FROM " + STAGING);
    }

    /**
     * A table built batch by batch for a merging parent of child tables, or for one of its children, keeps its rows'
     * load numbers: the append moves them, and the merge the number of the row of each key that wins.
     */
    @Test
    void keepingRowOrderMovesTheLoadNumbersToo() {
        String built = "\"s\".\"_sequor_stage_2_t\"";
        TableMove m = new TableMove(DuckDbDialect.INSTANCE, built, STAGING, List.of("id", "Full Name"),
                List.of("\"id\"", "\"Full Name\""), "\"_sequor_row\"", TableMove.declared(DuckDbDialect.INSTANCE,
                COLUMNS)).keepingRowOrder();
        assertThat(m.insertAll()).isEqualTo("INSERT INTO " + built + " (\"id\", \"Full Name\", \"_sequor_row\")"
                + " SELECT \"id\", \"Full Name\", \"_sequor_row\" FROM " + STAGING);
        assertThat(m.move(WriteSpec.merge(List.of("id"), MergeStrategy.DELETE_INSERT), true)).containsExactly(
                "DELETE FROM " + built + " WHERE \"id\" IN (SELECT \"id\" FROM " + STAGING + ")",
                "INSERT INTO " + built + " (\"id\", \"Full Name\", \"_sequor_row\") " + LAST_PER_ID.replaceFirst(
                        "SELECT \"id\", \"Full Name\" FROM", "SELECT \"id\", \"Full Name\", \"_sequor_row\" FROM"));
    }

    @Test
    void appendAndReplaceCreateAMissingTableFirst() {
        TableMove m = move(PostgresDialect.INSTANCE);
        String insert = "INSERT INTO \"s\".\"t\" (\"id\", \"Full Name\") SELECT \"id\", \"Full Name\" FROM " + STAGING;
        String create = "CREATE TABLE \"s\".\"t\" (\"id\" integer, \"Full Name\" text)";
        assertThat(m.prepare(WriteSpec.of(WriteMode.APPEND), false)).containsExactly(create);
        assertThat(m.prepare(WriteSpec.of(WriteMode.APPEND), true)).isEmpty();
        assertThat(m.move(WriteSpec.of(WriteMode.APPEND), true)).containsExactly(insert);
        assertThat(m.prepare(WriteSpec.of(WriteMode.REPLACE), false)).containsExactly(create);
        assertThat(m.move(WriteSpec.of(WriteMode.REPLACE), true)).containsExactly("TRUNCATE TABLE \"s\".\"t\"", insert);
        assertThat(m.move(WriteSpec.of(WriteMode.REPLACE), false)).containsExactly(insert);
    }

    @Test
    void replaceEmptiesWithDeleteWhereTruncateIsNotTheDialectsChoice() {
        TableMove m = move(DuckDbDialect.INSTANCE);
        assertThat(m.move(WriteSpec.of(WriteMode.REPLACE), true)).first().isEqualTo("DELETE FROM \"s\".\"t\"");
    }

    @Test
    void mergeIntoAMissingTableCreatesItWithItsKeyAndInsertsTheLastRowPerKey() {
        TableMove m = move(PostgresDialect.INSTANCE);
        WriteSpec merge = WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT);
        assertThat(m.prepare(merge, false)).containsExactly(
                "CREATE TABLE \"s\".\"t\" (\"id\" integer, \"Full Name\" text, PRIMARY KEY (\"id\"))");
        assertThat(m.move(merge, false)).containsExactly(
                "INSERT INTO \"s\".\"t\" (\"id\", \"Full Name\") " + LAST_PER_ID);
    }

    @Test
    void upsertIsOneMergeStatement() {
        TableMove m = move(PostgresDialect.INSTANCE);
        assertThat(m.move(WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT), true)).containsExactly(
                "MERGE INTO \"s\".\"t\" AS t USING (" + LAST_PER_ID + ") AS s ON t.\"id\" = s.\"id\""
                        + " WHEN MATCHED THEN UPDATE SET \"Full Name\" = s.\"Full Name\""
                        + " WHEN NOT MATCHED THEN INSERT (\"id\", \"Full Name\") VALUES (s.\"id\", s.\"Full Name\")");
    }

    @Test
    void aPostgresUpsertThatKnowsTheColumnTypesUpdatesOnlyRowsWhoseValuesDiffer() {
        TableMove m = new TableMove(PostgresDialect.INSTANCE, TARGET, STAGING, List.of("id", "name", "doc", "tags"),
                List.of("\"id\"", "\"name\"", "\"doc\"", "\"tags\""), "\"_sequor_row\"", (t, k) -> List.of());
        Map<String, String> types = Map.of("id", "integer", "name", "character varying", "doc", "json", "tags", "ARRAY");
        String upsert = m.move(WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT), true, types).get(0);
        // = where the type has it, with the staged value cast as the update would store it; text for json, arrays
        assertThat(upsert).contains(" ON t.\"id\" = s.\"id\" WHEN MATCHED AND (t.\"name\" IS DISTINCT FROM"
                + " CAST(s.\"name\" AS character varying) OR CAST(t.\"doc\" AS text) IS DISTINCT FROM CAST(s.\"doc\" AS"
                + " text) OR CAST(t.\"tags\" AS text) IS DISTINCT FROM CAST(s.\"tags\" AS text)) THEN UPDATE SET"
                + " \"name\" = s.\"name\", \"doc\" = s.\"doc\", \"tags\" = s.\"tags\" WHEN NOT MATCHED THEN INSERT");
        // a column the catalog does not list compares as text (the statement then fails with the server's error)
        assertThat(m.move(WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT), true, Map.of("id", "integer")).get(0))
                .contains(" WHEN MATCHED AND (CAST(t.\"name\" AS text) IS DISTINCT FROM CAST(s.\"name\" AS text) OR");
        // DuckDB: the catalog's type names, precision included; nested types compare as VARCHAR
        TableMove duck = new TableMove(DuckDbDialect.INSTANCE, TARGET, STAGING, List.of("id", "name", "amount", "doc",
                "point"), List.of("\"id\"", "\"name\"", "\"amount\"", "\"doc\"", "\"point\""), "\"_sequor_row\"",
                (t, k) -> List.of());
        assertThat(duck.move(WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT), true, Map.of("id", "INTEGER",
                "name", "VARCHAR", "amount", "DECIMAL(12,2)", "doc", "JSON", "point", "STRUCT(x INTEGER)")).get(0))
                .contains(" WHEN MATCHED AND (t.\"name\" IS DISTINCT FROM CAST(s.\"name\" AS VARCHAR) OR t.\"amount\""
                        + " IS DISTINCT FROM CAST(s.\"amount\" AS DECIMAL(12,2)) OR t.\"doc\" IS DISTINCT FROM"
                        + " CAST(s.\"doc\" AS JSON) OR CAST(t.\"point\" AS VARCHAR) IS DISTINCT FROM CAST(s.\"point\" AS"
                        + " VARCHAR)) THEN UPDATE SET");
    }

    @Test
    void anUpsertWhoseColumnsAreAllKeyOnlyInserts() {
        assertThat(PostgresDialect.INSTANCE.upsert(TARGET, "SELECT 1 AS \"a\", 2 AS \"b\"", List.of("a", "b"),
                List.of("a", "b"))).isEqualTo("MERGE INTO \"s\".\"t\" AS t USING (SELECT 1 AS \"a\", 2 AS \"b\") AS s"
                + " ON t.\"a\" = s.\"a\" AND t.\"b\" = s.\"b\" WHEN NOT MATCHED THEN INSERT (\"a\", \"b\")"
                + " VALUES (s.\"a\", s.\"b\")");
    }

    @Test
    void deleteInsertDeletesTheLoadedKeysThenInsertsTheLastRowPerKey() {
        TableMove m = move(PostgresDialect.INSTANCE);
        assertThat(m.move(WriteSpec.merge(List.of("id"), MergeStrategy.DELETE_INSERT), true)).containsExactly(
                "DELETE FROM \"s\".\"t\" WHERE \"id\" IN (SELECT \"id\" FROM " + STAGING + ")",
                "INSERT INTO \"s\".\"t\" (\"id\", \"Full Name\") " + LAST_PER_ID);
        assertThat(m.move(WriteSpec.merge(List.of("Full Name", "id"), MergeStrategy.DELETE_INSERT), true).get(0))
                .isEqualTo("DELETE FROM \"s\".\"t\" WHERE (\"Full Name\", \"id\") IN (SELECT \"Full Name\", \"id\" FROM "
                        + STAGING + ")");
    }

    @Test
    void duckDbCastsStagedTextEverywhereItReadsStaging() {
        TableMove m = move(DuckDbDialect.INSTANCE);
        List<String> sql = m.move(WriteSpec.merge(List.of("id"), MergeStrategy.DELETE_INSERT), true);
        assertThat(sql.get(0)).isEqualTo("DELETE FROM \"s\".\"t\" WHERE \"id\" IN (SELECT CAST(\"id\" AS integer) FROM "
                + STAGING + ")");
        assertThat(sql.get(1)).contains("SELECT CAST(\"id\" AS integer) AS \"id\", CAST(\"Full Name\" AS text) AS"
                + " \"Full Name\", CAST(\"_sequor_row\" AS bigint) AS \"_sequor_row\" FROM " + STAGING);
    }

    @Test
    void aQueryResultsTableIsShapedLikeItsStagingTable() {
        Dialect d = PostgresDialect.INSTANCE;
        assertThat(TableMove.likeStaging(d, STAGING, List.of("id", "n")).apply(TARGET, List.of("id"))).containsExactly(
                "CREATE TABLE \"s\".\"t\" AS SELECT \"id\", \"n\" FROM " + STAGING + " WHERE 1 = 0",
                "ALTER TABLE \"s\".\"t\" ADD PRIMARY KEY (\"id\")");
    }

    /**
     * Rows of a table DuckDB built batch by batch move without casts or a per-key window; an upsert of more than
     * {@link DuckDbDialect#ROWS_PER_MERGE} rows goes in parts over the keys' hash, each filtering the target's side
     * too.
     */
    @Test
    void aDuckDbUpsertFromABuiltTableGoesInPartsByTheHashOfItsKey() {
        Dialect d = DuckDbDialect.INSTANCE;
        String built = "\"s\".\"_sequor_stage_1_t\"";
        Map<String, String> types = Map.of("id", "INTEGER", "Full Name", "VARCHAR");
        WriteSpec upsert = WriteSpec.merge(List.of("id"), MergeStrategy.UPSERT);
        String changed = "t.\"Full Name\" IS DISTINCT FROM CAST(s.\"Full Name\" AS VARCHAR)";
        String rows = "SELECT \"id\", \"Full Name\" FROM " + built;
        assertThat(TableMove.fromBuilt(d, TARGET, built, COLUMNS, DuckDbDialect.ROWS_PER_MERGE)
                .move(upsert, true, types)).containsExactly("MERGE INTO " + TARGET + " AS t USING (" + rows + ") AS s"
                        + " ON t.\"id\" = s.\"id\""
                        + " WHEN MATCHED AND (" + changed + ") THEN UPDATE SET \"Full Name\" = s.\"Full Name\""
                        + " WHEN NOT MATCHED THEN INSERT (\"id\", \"Full Name\") VALUES (s.\"id\", s.\"Full Name\")");
        List<String> parts = TableMove.fromBuilt(d, TARGET, built, COLUMNS, 2 * DuckDbDialect.ROWS_PER_MERGE + 1)
                .move(upsert, true, types);
        assertThat(parts).hasSize(3);
        assertThat(parts.get(1)).isEqualTo("MERGE INTO " + TARGET + " AS t USING (SELECT * FROM (" + rows + ") AS p"
                + " WHERE hash(p.\"id\") % 3 = 1) AS s ON t.\"id\" = s.\"id\" AND hash(t.\"id\") % 3 = 1"
                + " WHEN MATCHED AND (" + changed + ") THEN UPDATE SET \"Full Name\" = s.\"Full Name\""
                + " WHEN NOT MATCHED THEN INSERT (\"id\", \"Full Name\") VALUES (s.\"id\", s.\"Full Name\")");
        assertThat(TableMove.fromBuilt(d, TARGET, built, COLUMNS, 10).move(WriteSpec.of(WriteMode.APPEND), true))
                .containsExactly("INSERT INTO " + TARGET + " (\"id\", \"Full Name\") " + rows);
    }
}
