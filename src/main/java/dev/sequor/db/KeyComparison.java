package dev.sequor.db;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a merge compares the key values it loads, with each other (which rows are one key, and so which one lands) and
 * with the target's (which rows it replaces): as the target's key columns compare them. Where the database compares
 * every value of a type one way (PostgreSQL, DuckDB, Snowflake) the staged values compare as they are; where each text
 * column has its own collation (MySQL), staged text is compared under the key column's, so that a merge never takes
 * two values for one key that the target's key column tells apart, nor the other way round.
 */
@FunctionalInterface
interface KeyComparison {

    /** Values compared as they are. */
    KeyComparison AS_IS = (column, expression) -> expression;

    /** {@code expression} (a value of key column {@code column}) made to compare as that column of the target does. */
    String compared(String column, String expression);

    /**
     * The statements that delete from {@code table} (qualified) the rows whose key is among the keys loaded into
     * {@code from} (qualified): {@code tableColumn} gives the column of {@code table} that holds each key column's
     * values (quoted), {@code loaded} the expression over {@code from} that gives them, compared already.
     * {@code DELETE FROM t WHERE ("a", "b") IN (SELECT ... FROM staging)}, unless the database runs that badly.
     */
    default List<String> deleteRowsOfKeys(Dialect dialect, String table, List<String> key,
                                          Function<String, String> tableColumn, Function<String, String> loaded,
                                          String from) {
        String columns = key.stream().map(tableColumn).collect(Collectors.joining(", "));
        return List.of("DELETE FROM " + table + " WHERE " + (key.size() == 1 ? columns : "(" + columns + ")")
                + " IN (SELECT " + key.stream().map(loaded).collect(Collectors.joining(", ")) + " FROM " + from + ")");
    }
}
