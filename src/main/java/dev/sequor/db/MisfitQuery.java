package dev.sequor.db;

import java.util.ArrayList;
import java.util.List;

/**
 * The query a dialect's {@link Dialect#firstMisfitQuery} gives: for each column that may refuse a staged value, the
 * staged rows whose value its move would refuse, and of them all the first by load number, as {@code r} (the row),
 * {@code c} (the column's name) and {@code v} (the staged value).
 */
final class MisfitQuery {

    private final Dialect dialect;
    private final String staging;
    private final String row;
    private final List<String> tries = new ArrayList<>();

    /** Over {@code staging} (qualified), each row numbered from 1 in load order by the expression {@code row}. */
    MisfitQuery(Dialect dialect, String staging, String row) {
        this.dialect = dialect;
        this.staging = staging;
        this.row = row;
    }

    /** Rows whose value of {@code column} is not null and makes {@code refused} (a condition over staging) true. */
    MisfitQuery tryColumn(ColumnDef column, String refused) {
        String value = dialect.quote(column.name());
        tries.add("SELECT " + row + " AS r, " + dialect.stringLiteral(column.name()) + " AS c, " + value + " AS v FROM "
                + staging + " WHERE " + value + " IS NOT NULL AND " + refused);
        return this;
    }

    /** The query, or null when no column was tried. */
    String sql() {
        return tries.isEmpty() ? null : "SELECT r, c, v FROM (" + String.join(" UNION ALL ", tries)
                + ") AS m ORDER BY r LIMIT 1";
    }
}
