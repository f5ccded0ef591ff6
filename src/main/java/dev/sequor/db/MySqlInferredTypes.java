package dev.sequor.db;

import java.util.Locale;

/**
 * How columns inferred from records meet MySQL's and MariaDB's types ({@link MySqlDialect} delegates here): the
 * types they are created with, how an existing table's columns read back from information_schema, and the expressions
 * that convert the staged text into them.
 * <p>
 * Types: BIGINT; DECIMAL(38,0) for integers beyond 64 bits (the lattice's DECIMAL holds integers of up to 38 digits,
 * fractions are DOUBLE, so a scale would only print trailing zeros; DuckDB's is the same); DOUBLE; BOOLEAN (MySQL's
 * TINYINT(1)); DATETIME(6) holding UTC, as declared timestamp columns do here; DATE; JSON (MariaDB's is LONGTEXT with
 * a {@code json_valid} CHECK); LONGTEXT (TEXT holds only 64 KB).
 */
final class MySqlInferredTypes {

    private MySqlInferredTypes() {
    }

    static String typeOf(InferredKind kind) {
        return switch (kind) {
            case BIGINT -> "BIGINT";
            case DECIMAL -> "DECIMAL(" + InferredKind.DECIMAL_DIGITS + ",0)";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMPTZ -> "DATETIME(6)";
            case DATE -> "DATE";
            case JSON -> "JSON";
            case TEXT, NONE -> "LONGTEXT";
        };
    }

    /**
     * An existing table's columns and their types, spelled so that {@link #kindOf} and a CAST can read them:
     * information_schema's {@code column_type} (it keeps {@code decimal(12,2)}, {@code datetime(6)} and the
     * {@code tinyint(1)} that is MySQL's BOOLEAN, where {@code data_type} says only {@code decimal}), without the
     * display widths of integers ({@code bigint(20)} is MariaDB's bigint) and the values of an ENUM; a MariaDB JSON
     * column (LONGTEXT with a CHECK named after it) reads as {@code json}. MySQL's CHECK_CONSTRAINTS has no table
     * name, so a LONGTEXT column named like a JSON column of another table of the database reads as json too: a text
     * value then widens it to LONGTEXT, which it already is (under freeze, it is refused).
     */
    static final String EXISTING_COLUMNS = "SELECT c.column_name, CASE"
            + " WHEN c.column_type LIKE 'tinyint(1)%' THEN 'tinyint(1)'"
            + " WHEN c.data_type IN ('tinyint', 'smallint', 'mediumint', 'int', 'bigint')"
            + " THEN CONCAT(c.data_type, IF(c.column_type LIKE '%unsigned%', ' unsigned', ''))"
            + " WHEN c.data_type = 'decimal' THEN CONCAT('decimal(', c.numeric_precision, ',', c.numeric_scale, ')')"
            + " WHEN c.data_type IN ('float', 'double', 'enum', 'set') THEN c.data_type"
            + " WHEN c.data_type = 'longtext' AND EXISTS (SELECT 1 FROM information_schema.check_constraints k"
            + " WHERE k.constraint_schema = c.table_schema AND k.constraint_name = c.column_name"
            + " AND k.check_clause = CONCAT('json_valid(`', c.column_name, '`)')) THEN 'json'"
            + " ELSE c.column_type END AS type"
            + " FROM information_schema.columns c WHERE c.table_schema = ? AND c.table_name = ?"
            + " ORDER BY c.ordinal_position";

    /**
     * The kind of a column of the type {@link #EXISTING_COLUMNS} reports (or {@link #typeOf} makes): DATETIME is
     * timestamptz, since Sequor stores UTC there; MySQL's own TIMESTAMP (converted with the session's time zone),
     * TIME, ENUM, BLOB and the like are outside the lattice, so the value's text goes in and MySQL converts it.
     */
    static InferredKind kindOf(String type) {
        String t = type.toLowerCase(Locale.ROOT).strip();
        if (t.equals("tinyint(1)") || t.equals("boolean") || t.equals("bool")) {
            return InferredKind.BOOLEAN;
        }
        int paren = t.indexOf('(');
        String base = (paren < 0 ? t : t.substring(0, paren)).replace(" unsigned", "").strip();
        return switch (base) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint" -> InferredKind.BIGINT;
            case "decimal", "numeric" -> InferredKind.DECIMAL;
            case "double", "double precision", "float", "real" -> InferredKind.DOUBLE;
            case "datetime" -> InferredKind.TIMESTAMPTZ;
            case "date" -> InferredKind.DATE;
            case "json" -> InferredKind.JSON;
            case "longtext", "mediumtext", "text", "tinytext", "varchar", "char" -> InferredKind.TEXT;
            default -> null;
        };
    }

    /**
     * The staged text of {@code column} as its type. Integers are {@code CAST(x AS SIGNED)} and decimals a CAST too,
     * so that a merge compares keys as numbers (text against a number compares as doubles, which tells no integers
     * beyond 2^53 apart); booleans and timestamps convert as declared columns do; everything else goes in as text and
     * the column converts it, which in strict mode refuses what does not fit ({@code Incorrect double value: 'NaN'}),
     * except in an existing binary column, whose values are staged as hex ({@link MySqlDialect#binaryText}).
     * <p>
     * MariaDB 10.11 turns text that is no number into 0 without a word in {@code INSERT INTO t (cols) SELECT
     * CAST(x AS DECIMAL(...))} (and AS DOUBLE), where {@code CAST(x AS SIGNED)} fails as it should; so a decimal
     * adds 0 times a SIGNED cast of the text when it is no number literal (failing with {@code Truncated incorrect
     * INTEGER value: 'NaN'}), which also makes a value beyond the precision fail instead of being clipped.
     */
    static String fromText(MySqlDialect dialect, ColumnDef column) {
        String name = dialect.quote(column.name());
        String type = dialect.typeSql(column.type());
        InferredKind kind = kindOf(type);
        if (kind == null) {
            return dialect.isBinary(type) ? MySqlDialect.binaryFromText(name) : name;
        }
        return switch (kind) {
            case BOOLEAN -> MySqlDialect.booleanFromText(name);
            case TIMESTAMPTZ -> MySqlDialect.datetimeFromText(name, type);
            case BIGINT -> "CAST(" + name + " AS SIGNED)";
            case DECIMAL -> "CAST(" + name + " AS " + type.replaceAll("(?i)\\s*unsigned", "") + ") + 0 * CAST(IF("
                    + name + " REGEXP '" + NUMBER + "', '0', " + name + ") AS SIGNED)";
            case DOUBLE, DATE, JSON, TEXT, NONE -> name;
        };
    }

    /** A number as {@link ValueText} writes one: {@code -12}, {@code 0.5}, {@code 1e-05}, {@code 1.5e+300}. */
    private static final String NUMBER = "^[-+]?[0-9]+([.][0-9]+)?([eE][-+]?[0-9]+)?$";
}
