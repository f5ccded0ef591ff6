package dev.sequor.golden;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type in the small vocabulary golden cases are written in, so one {@code columns:} line serves DuckDB and
 * PostgreSQL although their type names differ ({@code BIGINT} / {@code int8}, {@code VARCHAR} / {@code text},
 * {@code DOUBLE} / {@code float8}):
 * {@code integer} (every whole-number type), {@code decimal(p,s)} (or {@code decimal} for PostgreSQL's unconstrained
 * numeric), {@code float} (8-byte), {@code real} (4-byte), {@code text} (any character type; lengths are not
 * compared, DuckDB drops them), {@code boolean}, {@code date}, {@code time}, {@code timetz}, {@code timestamp},
 * {@code timestamptz}, {@code interval}, {@code uuid}, {@code json} (json and jsonb), {@code binary}; any of them
 * followed by {@code []} for a list or array. A database type outside this list maps to {@code unknown(NAME)},
 * which no case can expect, so a new type is noticed and added here rather than compared loosely.
 *
 * @param base   the vocabulary word
 * @param args   {@code (p,s)} for a decimal with declared precision, else empty
 * @param arrays how many {@code []} follow
 */
record CommonType(String base, String args, int arrays) {

    static final Set<String> VOCABULARY = Set.of("integer", "decimal", "float", "real", "text", "boolean", "date",
            "time", "timetz", "timestamp", "timestamptz", "interval", "uuid", "json", "binary");

    private static final Pattern WRITTEN = Pattern.compile("([a-z]+)(\\(\\d+,\\d+\\))?((?:\\[\\])*)");

    /** DuckDB's canonical names, as information_schema.columns.data_type spells them (upper case). */
    private static final Map<String, String> DUCKDB = Map.ofEntries(
            Map.entry("TINYINT", "integer"), Map.entry("SMALLINT", "integer"), Map.entry("INTEGER", "integer"),
            Map.entry("BIGINT", "integer"), Map.entry("HUGEINT", "integer"), Map.entry("UTINYINT", "integer"),
            Map.entry("USMALLINT", "integer"), Map.entry("UINTEGER", "integer"), Map.entry("UBIGINT", "integer"),
            Map.entry("UHUGEINT", "integer"), Map.entry("DOUBLE", "float"), Map.entry("FLOAT", "real"),
            Map.entry("VARCHAR", "text"), Map.entry("BOOLEAN", "boolean"), Map.entry("DATE", "date"),
            Map.entry("TIME", "time"), Map.entry("TIME WITH TIME ZONE", "timetz"), Map.entry("TIMESTAMP", "timestamp"),
            Map.entry("TIMESTAMP WITH TIME ZONE", "timestamptz"), Map.entry("INTERVAL", "interval"),
            Map.entry("UUID", "uuid"), Map.entry("JSON", "json"), Map.entry("BLOB", "binary"));

    /** PostgreSQL's internal names, as information_schema.columns.udt_name spells them (arrays start with _). */
    private static final Map<String, String> POSTGRES = Map.ofEntries(
            Map.entry("int2", "integer"), Map.entry("int4", "integer"), Map.entry("int8", "integer"),
            Map.entry("numeric", "decimal"), Map.entry("float8", "float"), Map.entry("float4", "real"),
            Map.entry("text", "text"), Map.entry("varchar", "text"), Map.entry("bpchar", "text"),
            Map.entry("name", "text"), Map.entry("bool", "boolean"), Map.entry("date", "date"),
            Map.entry("time", "time"), Map.entry("timetz", "timetz"), Map.entry("timestamp", "timestamp"),
            Map.entry("timestamptz", "timestamptz"), Map.entry("interval", "interval"), Map.entry("uuid", "uuid"),
            Map.entry("json", "json"), Map.entry("jsonb", "json"), Map.entry("bytea", "binary"));

    /**
     * MySQL's and MariaDB's {@code information_schema.columns.data_type}; {@code tinyint(1)} is their boolean and a
     * MariaDB JSON column is a {@code longtext} that checks {@code json_valid} (see {@link #ofMySql}).
     */
    private static final Map<String, String> MYSQL = Map.ofEntries(
            Map.entry("tinyint", "integer"), Map.entry("smallint", "integer"), Map.entry("mediumint", "integer"),
            Map.entry("int", "integer"), Map.entry("bigint", "integer"), Map.entry("decimal", "decimal"),
            Map.entry("double", "float"), Map.entry("float", "real"), Map.entry("char", "text"),
            Map.entry("varchar", "text"), Map.entry("tinytext", "text"), Map.entry("text", "text"),
            Map.entry("mediumtext", "text"), Map.entry("longtext", "text"), Map.entry("json", "json"),
            Map.entry("date", "date"), Map.entry("time", "time"), Map.entry("datetime", "timestamp"),
            Map.entry("timestamp", "timestamptz"), Map.entry("blob", "binary"), Map.entry("longblob", "binary"),
            Map.entry("varbinary", "binary"), Map.entry("binary", "binary"));

    private static final Pattern DUCKDB_DECIMAL = Pattern.compile("DECIMAL\\((\\d+),(\\d+)\\)");

    /** The type a case wrote, or an {@link IllegalArgumentException} naming the vocabulary. */
    static CommonType parse(String written) {
        Matcher m = WRITTEN.matcher(written.strip());
        if (!m.matches() || !VOCABULARY.contains(m.group(1)) || (m.group(2) != null && !m.group(1).equals("decimal"))) {
            throw new IllegalArgumentException("'" + written + "' is not a golden column type; expected one of "
                    + VOCABULARY.stream().sorted().toList() + ", decimal(p,s), with [] for an array");
        }
        return new CommonType(m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3).length() / 2);
    }

    /** From DuckDB's {@code information_schema.columns.data_type}, e.g. {@code DECIMAL(10,2)} or {@code VARCHAR[]}. */
    static CommonType ofDuckDb(String dataType) {
        String t = dataType.strip();
        int arrays = 0;
        while (t.endsWith("[]")) {
            t = t.substring(0, t.length() - 2);
            arrays++;
        }
        Matcher decimal = DUCKDB_DECIMAL.matcher(t);
        if (decimal.matches()) {
            return new CommonType("decimal", "(" + decimal.group(1) + "," + decimal.group(2) + ")", arrays);
        }
        String base = DUCKDB.get(t);
        return new CommonType(base == null ? "unknown(" + dataType + ")" : base, "", base == null ? 0 : arrays);
    }

    /**
     * From PostgreSQL's {@code information_schema.columns}: {@code udt_name} ({@code int4}, {@code _text} for
     * text[]) and, for numeric, the declared precision and scale (both null when unconstrained).
     */
    static CommonType ofPostgres(String udtName, Integer precision, Integer scale) {
        boolean array = udtName.startsWith("_");
        String base = POSTGRES.get(array ? udtName.substring(1) : udtName);
        if (base == null) {
            return new CommonType("unknown(" + udtName + ")", "", 0);
        }
        String args = base.equals("decimal") && precision != null && !array ? "(" + precision + "," + scale + ")" : "";
        return new CommonType(base, args, array ? 1 : 0);
    }

    /**
     * From MySQL's {@code information_schema.columns}: {@code data_type}, {@code column_type} (which tells
     * {@code tinyint(1)}, the boolean, from other tinyints) and, for decimals, precision and scale; {@code json} is
     * whether MariaDB keeps a {@code json_valid} check on the column (its JSON type is longtext with that check).
     */
    static CommonType ofMySql(String dataType, String columnType, Integer precision, Integer scale, boolean json) {
        if (columnType.equalsIgnoreCase("tinyint(1)")) {
            return new CommonType("boolean", "", 0);
        }
        String base = json ? "json" : MYSQL.get(dataType.toLowerCase(java.util.Locale.ROOT));
        if (base == null) {
            return new CommonType("unknown(" + columnType + ")", "", 0);
        }
        return new CommonType(base, base.equals("decimal") ? "(" + precision + "," + scale + ")" : "", 0);
    }

    /** The type of one element of an array type. */
    CommonType element() {
        return new CommonType(base, args, arrays - 1);
    }

    boolean known() {
        return VOCABULARY.contains(base);
    }

    @Override
    public String toString() {
        return base + args + "[]".repeat(arrays);
    }
}
