package dev.sequor.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB: schema {@code main}, the Appender for bulk loads. The Appender rejects any Java type that does not match
 * the column type exactly (a String for an INTEGER column fails), so rows are staged as VARCHAR and cast on the
 * final insert. Measured on 100k rows of 4 columns: text staging + cast 95-157 ms, exact typed appends 31-92 ms,
 * JDBC batch inserts about 25 s; text staging keeps any declared type working for a small constant cost.
 */
public final class DuckDbDialect implements Dialect {

    public static final DuckDbDialect INSTANCE = new DuckDbDialect();

    private final BulkLoader loader = new DuckDbAppenderLoader();

    private DuckDbDialect() {
    }

    /** DuckDB's table names ignore case as its column names do. */
    @Override
    public String tableKey(String table) {
        return columnKey(table);
    }

    /** ASCII letters folded, as {@link #columnKey} folds them ({@code lower()} would fold {@code É} too). */
    @Override
    public String tableNameIs(String column) {
        return "translate(" + column + ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') = ?";
    }

    /**
     * DuckDB takes {@code "Name"} and {@code "name"} for one column, quoted or not; it folds ASCII letters only
     * ({@code "É"} and {@code "é"} are two columns).
     */
    @Override
    public String columnKey(String column) {
        char[] folded = null;
        for (int i = 0; i < column.length(); i++) {
            char ch = column.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                if (folded == null) {
                    folded = column.toCharArray();
                }
                folded[i] = (char) (ch + ('a' - 'A'));
            }
        }
        return folded == null ? column : new String(folded);
    }

    @Override
    public String displayName() {
        return "DuckDB";
    }

    @Override
    public String defaultNamespace() {
        return "main";
    }

    @Override
    public BulkLoader bulkLoader() {
        return loader;
    }

    /**
     * {@code jsonb}, PostgreSQL's JSON type, is DuckDB's {@code JSON}: flows written for a PostgreSQL target run on
     * DuckDB unchanged (DuckDB knows {@code json} but not {@code jsonb}), lists of it too ({@code jsonb[]} is
     * {@code JSON[]}). Other names go as written.
     */
    @Override
    public String typeSql(ColumnType type) {
        Matcher jsonb = JSONB.matcher(type.sql().strip());
        return jsonb.matches() ? "JSON" + jsonb.group(1) : type.sql();
    }

    /** {@code jsonb} and lists of it, any case: the {@code []} suffixes in group 1. */
    private static final Pattern JSONB = Pattern.compile("(?i)jsonb((?:\\[\\])*)");

    @Override
    public boolean stagesAsText() {
        return true;
    }

    /**
     * Staged text becomes a nested type through JSON: the values of a STRUCT, MAP or UNION column arrive as JSON text
     * (that is how records' objects are written), and DuckDB's own text form for them ({@code {k=2}},
     * {@code {'a': 1}}) is not JSON. Plain lists keep the plain cast, which reads JSON arrays already.
     */
    @Override
    public String fromStaging(ColumnDef column) {
        return converted(column, "CAST");
    }

    /** The staged text of {@code column} converted to its type with {@code cast} ({@code CAST} or {@code TRY_CAST}). */
    private String converted(ColumnDef column, String cast) {
        String text = quote(column.name());
        String value = column.type().isNested() ? "CAST(" + text + " AS JSON)"
                : isTimestamp(column.type()) ? withinZoneRange(text, cast, withSeconds(withZone(text, column.type())))
                : text;
        return cast + "(" + value + " AS " + typeSql(column.type()) + ")";
    }

    /**
     * For a timestamp with time zone, {@code text} with {@code +00} added to an ISO date or date-time that has no UTC
     * offset: DuckDB reads such text in its TimeZone setting, the machine's zone, so the same record would be another
     * instant on another machine; PostgreSQL's loads read it as UTC too ({@link PostgresDialect#landingSessionSetup}).
     */
    private static String withZone(String text, ColumnType type) {
        if (InferredKind.ofSqlType(type.sql()) != InferredKind.TIMESTAMPTZ) {
            return text;
        }
        return "CASE WHEN regexp_matches(" + text + ", '" + UtcOffsetPatterns.DATE_ONLY + "') THEN " + text
                + " || ' 00:00:00+00' WHEN regexp_matches(" + text + ", '" + UtcOffsetPatterns.DATE_TIME_WITHOUT_ZONE
                + "') THEN " + text + " || '+00' ELSE " + text + " END";
    }

    /**
     * {@code value}, unless {@code text} is an ISO date-time whose UTC offset is beyond 15:59 or has 60 minutes or more
     * ({@code +16:00}, {@code +99:99}, {@code +02:60}): DuckDB's cast reads those as that many hours and minutes and
     * shifts the time by days, where PostgreSQL refuses them ("time zone displacement out of range"). Such text fails
     * the {@code CAST} with an error saying so, and gives NULL to {@code TRY_CAST}, so the query for a refused value
     * finds it.
     */
    private static String withinZoneRange(String text, String cast, String value) {
        String refused = cast.equals("TRY_CAST") ? "NULL"
                : "error('UTC offset out of range (at most 15:59): ' || " + text + ")";
        return "CASE WHEN regexp_matches(" + text + ", '" + UtcOffsetPatterns.DATE_TIME + UtcOffsetPatterns.OUT_OF_RANGE
                + "$') THEN " + refused + " ELSE " + value + " END";
    }

    /** DuckDB's BLOB and its other names. */
    private static final Set<String> BINARY_TYPES = Set.of("blob", "bytea", "binary", "varbinary");

    @Override
    public Set<String> binaryTypeNames() {
        return BINARY_TYPES;
    }

    /**
     * Bytes as one {@code \xHH} escape each, which the cast of the staged text to BLOB reads as that byte; text goes
     * as it is, converted by the same cast as before (ASCII as it is, its own {@code \xHH} escapes read).
     */
    @Override
    public String stagedBytes(byte[] bytes) {
        char[] text = new char[bytes.length * 4];
        for (int i = 0; i < bytes.length; i++) {
            text[i * 4] = '\\';
            text[i * 4 + 1] = 'x';
            text[i * 4 + 2] = HEX_DIGITS[(bytes[i] >> 4) & 0xF];
            text[i * 4 + 3] = HEX_DIGITS[bytes[i] & 0xF];
        }
        return new String(text);
    }

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    /** Staging's rowid, which is load order. */
    @Override
    public String stagedRowNumber() {
        return "rowid + 1";
    }

    /** Each column's value tried with TRY_CAST, the first staged row (by rowid, which is load order) that fails. */
    @Override
    public String firstMisfitQuery(String staging, List<ColumnDef> columns) {
        MisfitQuery query = new MisfitQuery(this, staging, stagedRowNumber());
        for (ColumnDef c : columns) {
            query.tryColumn(c, converted(c, "TRY_CAST") + " IS NULL");
        }
        return query.sql();
    }

    private static boolean isTimestamp(ColumnType type) {
        String sql = type.sql().strip().toUpperCase(Locale.ROOT);
        return sql.startsWith("TIMESTAMP") || sql.equals("DATETIME");
    }

    /**
     * {@code text} with {@code :00} seconds added to an ISO date-time that has none ({@code 2024-05-01 10:00Z},
     * {@code 2024-05-01T10:00+05:30}): ISO 8601, PostgreSQL and MySQL accept those, inference reads them as
     * timestamps, and DuckDB's cast refuses them ("invalid timestamp field format"). Anything else is left as it is.
     */
    static String withSeconds(String text) {
        return "CASE WHEN length(" + text + ") >= 16 AND substr(" + text + ", 11, 1) IN ('T', ' ')"
                + " AND substr(" + text + ", 14, 1) = ':'"
                + " AND (length(" + text + ") = 16 OR substr(" + text + ", 17, 1) IN ('Z', 'z', '+', '-'))"
                + " THEN substr(" + text + ", 1, 16) || ':00' || substr(" + text + ", 17) ELSE " + text + " END";
    }

    /**
     * A merge updates a matched row only when a value differs, as on PostgreSQL (docs/decisions.md, "Merges leave
     * unchanged rows alone"). DuckDB keeps every row an open transaction updates in memory, where the rows it inserts
     * or deletes can go to disk: updating each matched row made a 1M-row merge need more than a
     * {@code memory_limit} of 192 MB, where updating only the changed tenth runs under 128 MB (docs/decisions.md).
     * The staged value is cast to the column's type as the catalog spells it, precision included, so the comparison
     * sees what the update would store and a value the column refuses fails as the update would; nested, enum and
     * extension types compare as text ({@link Dialect#valuesDiffer}).
     */
    @Override
    public String upsert(String target, String source, List<String> columns, List<String> key,
                         Map<String, String> targetTypes) {
        return Dialect.merge(this, target, source, columns, key, valuesDiffer(columns, key, targetTypes));
    }

    private String valuesDiffer(List<String> columns, List<String> key, Map<String, String> targetTypes) {
        return Dialect.valuesDiffer(this, columns, key, targetTypes,
                type -> COMPARED_AS_THEMSELVES.contains(type) || type.matches("DECIMAL\\(\\d+,\\d+\\)") ? type : null,
                "VARCHAR");
    }

    /**
     * One MERGE per {@link #ROWS_PER_MERGE} rows, each over the keys whose hash falls in its part, the target's rows
     * filtered by the same hash in the join condition: DuckDB's MERGE builds its hash table over the target's side,
     * with every compared column. Measured with a JDBC probe (1.05M typed rows of 12 fields, 10% changed, merged into
     * 1M): the process grew by 286 MB for one statement, 213 MB in two parts, 164 MB in four, 151 MB in eight, for
     * 1.4, 1.4, 1.6 and 2.3 s (docs/decisions.md, "DuckDB builds a table batch by batch").
     */
    @Override
    public List<String> upsertInParts(String target, String source, List<String> columns, List<String> key,
                                      Map<String, String> targetTypes, long rows) {
        int parts = (int) Math.min(64, Math.max(1, (rows + ROWS_PER_MERGE - 1) / ROWS_PER_MERGE));
        if (parts == 1) {
            return List.of(upsert(target, source, columns, key, targetTypes));
        }
        String changed = valuesDiffer(columns, key, targetTypes);
        List<String> out = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            out.add(Dialect.merge(this, target, "SELECT * FROM (" + source + ") AS p WHERE " + keyPart("p", key, parts,
                    part), columns, key, changed, keyPart("t", key, parts, part)));
        }
        return out;
    }

    /** Rows of a merge's source per statement ({@link #upsertInParts}). */
    static final long ROWS_PER_MERGE = 262_144;

    /** {@code hash(alias.k1, alias.k2) % parts = part}: DuckDB's hash is an unsigned 64-bit number. */
    private String keyPart(String alias, List<String> key, int parts, int part) {
        return "hash(" + String.join(", ", key.stream().map(k -> alias + "." + quote(k)).toList()) + ") % " + parts
                + " = " + part;
    }

    @Override
    public boolean upsertSkipsUnchanged() {
        return true;
    }

    /** DuckDB's scalar types as information_schema spells them: compared by value. */
    private static final Set<String> COMPARED_AS_THEMSELVES = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT",
            "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE", "BOOLEAN",
            "VARCHAR", "JSON", "DATE", "TIME", "TIME WITH TIME ZONE", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE",
            "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS", "INTERVAL", "UUID", "BLOB");

    /**
     * DuckDB's {@code temp} catalog: CREATE TEMPORARY TABLE lands in {@code temp.main}, which only the connection
     * that created it sees and which is dropped when that connection closes (nothing reaches the database file).
     */
    @Override
    public String stagingNamespace() {
        return TEMP_CATALOG;
    }

    static final String TEMP_CATALOG = "temp";

    /**
     * An open DuckDB transaction keeps the rows it wrote to a temporary table in memory until it ends, and frees a
     * temporary table's memory only when the table is dropped: staging a whole op's rows held 142 MB for 1M rows of
     * nine short fields (peak RSS 362 MB against 213 MB at 100k), moving each batch of 5,000 into the built table and
     * making staging afresh 5 MB (228 MB against 189 MB); one transaction around the batches held it all again (430
     * MB). A DuckDB file is locked by the process that opened it for writing, so no other session sees the built
     * table before the commit swaps it in or moves its rows (docs/decisions.md, "DuckDB builds a table batch by
     * batch").
     */
    @Override
    public boolean buildsTablesInBatches() {
        return true;
    }

    /**
     * With streamed results DuckDB wraps the real error: "Invalid Input Error: Attempting to execute an unsuccessful
     * or closed pending query result\nError: Catalog Error: ..."; the line after "Error: " is the one that matters.
     */
    @Override
    public String errorText(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String text = Dialect.firstLine(message);
        for (String line : message.split("\n")) {
            if (line.startsWith("Error: ")) {
                text = line.substring("Error: ".length()).strip();
                break;
            }
        }
        if (text.contains("disabled by configuration")) {
            return text + " (" + EXTERNAL_ACCESS_HINT + ")";
        }
        if (text.contains("the configuration has been locked")) {
            return text + " (give DuckDB settings in the source's conn_str instead, e.g. duckdb:///x.db?threads=2)";
        }
        return text;
    }

    /** Says why host files are out of reach, since DuckDB's own text does not say how to change it. */
    static final String EXTERNAL_ACCESS_HINT = "DuckDB sources cannot read or write host files unless the source file"
            + " sets 'allow_external_access: true'";
}
