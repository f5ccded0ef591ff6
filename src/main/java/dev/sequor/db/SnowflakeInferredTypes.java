package dev.sequor.db;

import java.util.List;
import java.util.Locale;

/**
 * How columns inferred from records meet Snowflake's types ({@link SnowflakeDialect} delegates here): the types they
 * are created with, how an existing table's columns read back from information_schema, and how evolve widens one.
 * <p>
 * Types: NUMBER(38,0) for every integer (Snowflake's BIGINT is NUMBER(38,0), which also holds the lattice's DECIMAL,
 * integers of up to 38 digits: fractions are DOUBLE); FLOAT; BOOLEAN; TIMESTAMP_TZ; DATE; VARIANT (objects and arrays
 * through PARSE_JSON); VARCHAR. information_schema reports NUMBER without its precision and scale and VARCHAR as TEXT,
 * so the query below puts the precision back, and NUMBER with scale 0 reads as bigint, with a scale as decimal.
 */
final class SnowflakeInferredTypes {

    /** What Snowflake's BIGINT (and an inferred DECIMAL) is. */
    static final String WHOLE = "NUMBER(" + InferredKind.DECIMAL_DIGITS + ",0)";

    /** The column a widening fills before it takes the old column's place. */
    private static final String WIDENED = "_sequor_widened";

    private SnowflakeInferredTypes() {
    }

    static String typeOf(InferredKind kind) {
        return switch (kind) {
            case BIGINT, DECIMAL -> WHOLE;
            case DOUBLE -> "FLOAT";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMPTZ -> "TIMESTAMP_TZ";
            case DATE -> "DATE";
            case JSON -> "VARIANT";
            case TEXT, NONE -> "VARCHAR";
        };
    }

    /** Name and type of each column; NUMBER with its precision and scale ({@code NUMBER(38,0)}). */
    static final String EXISTING_COLUMNS = "SELECT column_name, CASE WHEN data_type = 'NUMBER' THEN 'NUMBER(' ||"
            + " numeric_precision || ',' || numeric_scale || ')' ELSE data_type END AS type FROM"
            + " information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";

    /**
     * The kind of a column of the type {@link #EXISTING_COLUMNS} reports (or {@link #typeOf} makes). NUMBER(38,0) is
     * bigint: a fraction then widens it to FLOAT rather than being rounded away; an integer beyond 64 bits, which it
     * holds too, is refused under freeze (it "needs decimal"). TIMESTAMP_NTZ and _LTZ, OBJECT, ARRAY, TIME and BINARY
     * are outside the lattice: the value's text goes in and Snowflake converts it.
     */
    static InferredKind kindOf(String type) {
        String t = type.toUpperCase(Locale.ROOT).strip();
        int paren = t.indexOf('(');
        String base = paren < 0 ? t : t.substring(0, paren).strip();
        return switch (base) {
            case "NUMBER", "NUMERIC", "DECIMAL" -> t.matches("[A-Z]+\\(\\d+,\\s*0\\)") ? InferredKind.BIGINT
                    : InferredKind.DECIMAL;
            case "INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "BYTEINT" -> InferredKind.BIGINT;
            case "FLOAT", "FLOAT4", "FLOAT8", "DOUBLE", "DOUBLE PRECISION", "REAL" -> InferredKind.DOUBLE;
            case "BOOLEAN" -> InferredKind.BOOLEAN;
            case "TIMESTAMP_TZ" -> InferredKind.TIMESTAMPTZ;
            case "DATE" -> InferredKind.DATE;
            case "VARIANT" -> InferredKind.JSON;
            case "TEXT", "VARCHAR", "STRING", "CHAR", "CHARACTER" -> InferredKind.TEXT;
            default -> null;
        };
    }

    /**
     * Snowflake's ALTER COLUMN only lengthens a VARCHAR or raises a NUMBER's precision, so a column changes type by
     * filling a new column with the converted values, dropping the old one and giving the new one its name: the
     * column moves to the end of the table, and the four statements commit one by one (docs/databases/snowflake.md).
     * Bigint to decimal needs nothing: both are NUMBER(38,0). Text keeps a VARIANT's JSON text (TO_VARCHAR).
     */
    static List<String> widen(SnowflakeDialect d, String target, String column, String type) {
        if (type.equals(WHOLE)) {
            return List.of();
        }
        String old = d.quote(column);
        String widened = d.quote(WIDENED);
        String value = type.equals("VARCHAR") ? "TO_VARCHAR(" + old + ")" : "CAST(" + old + " AS " + type + ")";
        return List.of("ALTER TABLE " + target + " ADD COLUMN " + widened + " " + type,
                "UPDATE " + target + " SET " + widened + " = " + value,
                "ALTER TABLE " + target + " DROP COLUMN " + old,
                "ALTER TABLE " + target + " RENAME COLUMN " + widened + " TO " + old);
    }
}
