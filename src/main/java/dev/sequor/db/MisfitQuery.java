package dev.sequor.db;

import java.util.ArrayList;
import java.util.List;

/**
 * The query a dialect's {@link Dialect#firstMisfitQuery} gives: for each column that may refuse a staged value, the
 * staged rows whose value its move would refuse, and of them all the first by load number, as {@code r} (the row),
 * {@code c} (the column's name) and {@code v} (the staged value); in a row with several, the first tried column.
 * One scan of staging with a CASE per output, not a UNION of one SELECT per column: MySQL refuses to read a
 * TEMPORARY table twice in one query ("Can't reopen table"), and one scan is cheaper everywhere.
 */
final class MisfitQuery {

    private final Dialect dialect;
    private final String staging;
    private final String row;
    private final StringBuilder column = new StringBuilder();
    private final StringBuilder value = new StringBuilder();

    /** Over {@code staging} (qualified), each row numbered from 1 in load order by the expression {@code row}. */
    MisfitQuery(Dialect dialect, String staging, String row) {
        this.dialect = dialect;
        this.staging = staging;
        this.row = row;
    }

    /** Rows whose value of {@code column} is not null and makes {@code refused} (a condition over staging) true. */
    MisfitQuery tryColumn(ColumnDef tried, String refused) {
        String text = dialect.quote(tried.name());
        String when = " WHEN " + text + " IS NOT NULL AND " + refused + " THEN ";
        column.append(when).append(dialect.stringLiteral(tried.name()));
        value.append(when).append(text);
        return this;
    }

    /** The query, or null when no column was tried. */
    String sql() {
        return column.isEmpty() ? null : "SELECT r, c, v FROM (SELECT " + row + " AS r, CASE" + column + " END AS c,"
                + " CASE" + value + " END AS v FROM " + staging + ") AS m WHERE c IS NOT NULL ORDER BY r LIMIT 1";
    }
}
