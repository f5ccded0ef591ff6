package dev.sequor.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the child tables of {@code child_tables} need from the database beyond an ordinary inferred table write: the
 * largest {@link RowNumber#COLUMN} a parent table already holds (where append mode numbers on from), the child tables
 * that exist from earlier runs, and, when the parent merges on its key, the statement that removes the children of
 * every parent key loaded and the condition that inserts only the children of the parent rows that land, so the
 * children loaded with a key replace its old ones (a parent whose array became empty keeps none).
 */
final class ChildTableWrites {

    /** Prefix of a child table's columns that hold its parent's key values. */
    static final String PARENT_KEY_PREFIX = "_parent_";
    /** A child table's column that holds the position of its row's element in the parent's array. */
    static final String INDEX_COLUMN = "_index";
    private static final ColumnType BIGINT = ColumnType.parse("bigint");

    private ChildTableWrites() {
    }

    /**
     * The largest {@code _row} in {@code t}'s table when the op appends to it and it has that column, else 0: read
     * once, when the op numbers its first row for that table.
     */
    static long largestRowNumber(SqlSession session, Dialect dialect, TableTarget t) {
        if (t.mode() != WriteMode.APPEND) {
            return 0;
        }
        return session.call(c -> largestRowNumberOn(c, dialect, t));
    }

    /** The largest {@code _row} in {@code t}'s table, read on {@code c}; 0 when it has no such column or no table. */
    static long largestRowNumberOn(Connection c, Dialect dialect, TableTarget t) throws SQLException {
        // no table: no columns
        if (!SqlSession.columnTypesOn(c, dialect, t.namespace(), t.table()).containsKey(RowNumber.COLUMN)) {
            return 0;
        }
        return SqlSession.longOn(c, "SELECT coalesce(max(" + dialect.quote(RowNumber.COLUMN) + "), 0) FROM "
                + dialect.qualified(t.namespace(), t.table()));
    }

    /**
     * The statement that adds {@code shift} to the numbers (text) in {@code column} of the staging table given: read
     * as an inferred bigint is ({@link Dialect#fromText}), written back as the text column takes a number.
     */
    static String shiftNumbers(Dialect dialect, String staging, String column, long shift) {
        return "UPDATE " + staging + " SET " + dialect.quote(column) + " = "
                + dialect.fromText(new ColumnDef(column, BIGINT)) + " + " + shift;
    }

    /**
     * The child tables of {@code parent} that the database already holds: the tables of its namespace named
     * {@code <table>__...} that have {@code _index} and the link columns this parent's children get
     * ({@code _parent_row}, or {@code _parent_<key>} for each key column). A load whose records bring none of their
     * fields must still empty them (create, replace) or drop the children of the keys it merges.
     */
    static List<String> existingChildTables(SqlSession session, Dialect dialect, TableTarget parent) {
        String prefix = parent.table() + "__";
        // the prefix as the database compares names (DuckDB's Orders__items is a child of orders)
        String prefixKey = dialect.tableKey(prefix);
        List<String> links = parent.spec().primaryKey().isEmpty() ? List.of(RowNumber.PARENT_COLUMN)
                : parent.spec().primaryKey().stream().map(k -> PARENT_KEY_PREFIX + k).toList();
        List<String> out = new ArrayList<>();
        for (Row r : session.query("SELECT table_name FROM information_schema.columns WHERE table_schema = ? AND"
                + " column_name = ? ORDER BY table_name", dialect.stored(parent.namespace()),
                dialect.stored(INDEX_COLUMN))) {
            // as the flow names it (Snowflake lists ORDERS__ITEMS for orders__items)
            String table = dialect.label(String.valueOf(r.get(0)));
            String tableKey = dialect.tableKey(table);
            if (tableKey.startsWith(prefixKey) && tableKey.length() > prefixKey.length() && links.stream().allMatch(
                    InferredStaging.existingColumns(session, dialect, parent.namespace(), table, parent.pos())
                            ::containsKey)) { // by name as stored: PostgreSQL cuts a _parent_ name past 63 bytes
                out.add(table);
            }
        }
        return out;
    }

    /**
     * The condition over a child table's staging table that holds the children of the parent rows that land: of the
     * rows a merge loads with one key, the last one ({@link TableMove}), whose load number its children carry. A load
     * number names one parent row of the op, so only it is compared, as a number: {@code CAST("_sequor_row" AS
     * bigint) IN (SELECT max(CAST("_sequor_row" AS bigint)) FROM staging GROUP BY "id")} where staging is text. The
     * parent's keys are grouped as its table compares them ({@code parentKeys}). Comparing the keys as well made
     * MariaDB run the subquery once per child row (200,000 children of 20,000 parents ran past 30 s; this takes 0.3 s).
     */
    static String childrenOfLandingParents(Dialect dialect, TableTarget child, String parentStaging,
                                           KeyComparison parentKeys) {
        List<String> key = child.childOf().spec().primaryKey();
        String loadedKeys = key.stream().map(k -> parentKeys.compared(k, dialect.quote(k)))
                .collect(Collectors.joining(", "));
        // the load number as a number: where staging is text (DuckDB, Snowflake) max('9', '12') is '9'
        String row = dialect.fromStaging(StagedWrites.ROW_NUMBER);
        return row + " IN (SELECT max(" + row + ") FROM " + parentStaging + " GROUP BY " + loadedKeys + ")";
    }

    /**
     * The statements that delete from the child table of {@code child} (which exists) the rows of every parent key
     * staged for its merging parent: {@code DELETE FROM c WHERE "_parent_id" IN (SELECT CAST("id" AS bigint) FROM
     * staging)}. The key values are cast to the parent's key column types as the commit lands them, and compared as
     * the parent's table compares them ({@code parentKeys}).
     */
    static List<String> deleteChildrenOfLoadedKeys(Dialect dialect, TableTarget child, String parentStaging,
                                                   KeyComparison parentKeys) {
        List<ColumnDef> parentColumns = child.childOf().schema().columns(dialect);
        return deleteChildrenOfKeys(dialect, child, parentKeys, k -> {
            ColumnDef column = parentColumns.stream().filter(d -> d.name().equals(k)).findFirst().orElseThrow();
            // as the commit lands the parent's key (StagedWrites.move): the same value compares equal
            return parentKeys.compared(k, dialect.fromText(column));
        }, parentStaging);
    }

    /**
     * {@link #deleteChildrenOfLoadedKeys} where the merging parent's rows were built batch by batch: the keys come
     * from its built table, typed already, one row per key loaded.
     */
    static List<String> deleteChildrenOfBuiltKeys(Dialect dialect, TableTarget child, String parentBuilt) {
        return deleteChildrenOfKeys(dialect, child, KeyComparison.AS_IS, dialect::quote, parentBuilt);
    }

    private static List<String> deleteChildrenOfKeys(Dialect dialect, TableTarget child, KeyComparison parentKeys,
                                                     java.util.function.Function<String, String> keyExpression,
                                                     String parentRows) {
        return parentKeys.deleteRowsOfKeys(dialect, dialect.qualified(child.namespace(), child.table()),
                child.childOf().spec().primaryKey(), k -> dialect.quote(PARENT_KEY_PREFIX + k), keyExpression,
                parentRows);
    }

    /**
     * Where a merging parent and its children were built batch by batch, each built table keeping its rows' load
     * numbers (a child row its parent row's): the statement that deletes from a child's built table the children of
     * every parent row that does not land, the parent's built table holding the last row of each key only. A load
     * number names one parent row of the op, so no key is compared (their inferred types may differ).
     */
    static String deleteChildrenOfOtherRows(Dialect dialect, String childBuilt, String parentBuilt) {
        String row = dialect.quote(TableMove.ROW_COLUMN);
        return "DELETE FROM " + childBuilt + " WHERE " + row + " NOT IN (SELECT " + row + " FROM " + parentBuilt + ")";
    }

    /**
     * The statement that indexes the {@code _parent_} columns of the child table of {@code child} (which its merging
     * parent's commit has just created): {@code CREATE INDEX ON c ("_parent_shop", "_parent_id")}, the database naming
     * it ({@link Dialect#indexesChildLinks}).
     */
    static String indexParentKeys(Dialect dialect, TableTarget child) {
        return "CREATE INDEX ON " + dialect.qualified(child.namespace(), child.table()) + " (" + TableMove.quoted(
                dialect, child.childOf().spec().primaryKey().stream().map(k -> PARENT_KEY_PREFIX + k).toList()) + ")";
    }

    /** The statement that drops the load numbers from a family's built table once its children are settled. */
    static String dropLoadNumbers(Dialect dialect, String built) {
        return "ALTER TABLE " + built + " DROP COLUMN " + dialect.quote(TableMove.ROW_COLUMN);
    }
}
