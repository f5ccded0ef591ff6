package dev.sequor.db;

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
}
