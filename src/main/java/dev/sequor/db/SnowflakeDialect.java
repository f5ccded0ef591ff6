package dev.sequor.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Snowflake: names folded to upper case as Snowflake folds unquoted ones, every value staged as text and converted on
 * the way into the target (JSON through {@code PARSE_JSON} into VARIANT), PUT + COPY INTO for large loads
 * ({@link SnowflakeStageLoader}), SQL's MERGE for upserts, and no transactional DDL: every CREATE, DROP and ALTER
 * commits the open transaction, so a replaced table is built under a staging name and swapped in with
 * {@code ALTER TABLE ... SWAP WITH} ({@link RenameSwap}).
 * <p>
 * Names: Snowflake stores an unquoted name in upper case ({@code users} is {@code USERS}) and a quoted one exactly.
 * Sequor quotes every name, so that a flow's {@code users} meant what a Snowflake user means by it (and reads in SQL
 * written without quotes), it writes names that Snowflake would take unquoted in upper case ({@link #stored}); other
 * names ({@code "Full Name"}, {@code "a-b"}) keep their exact case.
 */
public final class SnowflakeDialect implements Dialect {

    public static final SnowflakeDialect INSTANCE = new SnowflakeDialect();

    /** What Snowflake accepts unquoted, and so folds to upper case. */
    private static final Pattern UNQUOTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    /**
     * Declared types that Snowflake spells otherwise: JSON is VARIANT (objects and arrays stay queryable with
     * {@code col:field}); timestamps with a zone keep it (TIMESTAMP_TZ), those without are TIMESTAMP_NTZ (Snowflake's
     * plain TIMESTAMP follows a session parameter); UUIDs are text; PostgreSQL's bytea is BINARY.
     */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("json", "VARIANT"), Map.entry("jsonb", "VARIANT"),
            Map.entry("timestamp", "TIMESTAMP_NTZ"), Map.entry("timestamp without time zone", "TIMESTAMP_NTZ"),
            Map.entry("timestamptz", "TIMESTAMP_TZ"), Map.entry("timestamp with time zone", "TIMESTAMP_TZ"),
            Map.entry("uuid", "VARCHAR(36)"), Map.entry("bytea", "BINARY"));

    /** {@code timestamp(3) with time zone} and friends keep their precision. */
    private static final Pattern TIMESTAMP_PRECISION = Pattern.compile(
            "(?i)timestamp\\((\\d)\\)( with(out)? time zone)?|timestamptz\\((\\d)\\)");

    /** The types TRY_CAST converts text to (Snowflake's "TRY_CAST" reference), by their type name. */
    private static final Pattern TRIED = Pattern.compile("(?i)(NUMBER|NUMERIC|DECIMAL|DEC|INT|INTEGER|BIGINT|SMALLINT"
            + "|TINYINT|BYTEINT|FLOAT|FLOAT4|FLOAT8|DOUBLE|DOUBLE PRECISION|REAL|BOOLEAN|DATE|TIME|DATETIME"
            + "|TIMESTAMP|TIMESTAMP_LTZ|TIMESTAMP_NTZ|TIMESTAMP_TZ|VARCHAR|CHAR|CHARACTER|STRING|TEXT)\\b");

    /** Text types without a length: every staged value fits them. */
    private static final Pattern ANY_TEXT = Pattern.compile("(?i)\\s*(TEXT|STRING|VARCHAR)\\s*");

    /**
     * Whole-number types without a scale of their own. Snowflake's CAST rounds text with a fraction into them ('1.5' is
     * 2), where PostgreSQL refuses it for an integer type and keeps it for a plain numeric; a fraction is refused here
     * too, rather than rounded away. {@code NUMBER(12,0)} rounds, as PostgreSQL's {@code numeric(12,0)} does.
     */
    private static final Pattern WHOLE_ONLY = Pattern.compile(
            "(?i)\\s*(INT|INTEGER|BIGINT|SMALLINT|TINYINT|BYTEINT|NUMBER|NUMERIC|DECIMAL|DEC)\\s*");

    /** Types whose text is JSON: PARSE_JSON makes an object or array of it, where CAST would keep a string. */
    private static final List<String> JSON_TYPES = List.of("VARIANT", "OBJECT", "ARRAY");

    private final BulkLoader loader = new SnowflakeStageLoader(this, new MultiRowInsertLoader(this));

    private SnowflakeDialect() {
    }

    @Override
    public String displayName() {
        return "Snowflake";
    }

    /** Only a fallback: the namespace is the session's schema ({@code schema:} of the source), see below. */
    @Override
    public String defaultNamespace() {
        return "PUBLIC";
    }

    /** The schema the session uses (the source's {@code schema}, or the user's default). */
    @Override
    public String currentNamespace(Connection c) throws SQLException {
        return c.getSchema();
    }

    @Override
    public BulkLoader bulkLoader() {
        return loader;
    }

    /**
     * Text in, converted on the way out: COPY reads CSV text anyway, and a VARIANT must be parsed from its JSON text.
     * A value that does not fit its column fails the commit, naming the column, instead of the load.
     */
    @Override
    public boolean stagesAsText() {
        return true;
    }

    /** Temporary tables live in the session's current schema, seen by this session only. */
    @Override
    public String stagingNamespace() {
        return null;
    }

    /** Every CREATE, DROP and ALTER commits the open transaction first, temporary tables' too. */
    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /**
     * Inferred columns: Snowflake's type names, catalog and widening are {@link SnowflakeInferredTypes}'; an inferred
     * field {@code id} is the column {@code ID} ({@link #quote}), and a column the catalog lists as {@code ID} is
     * matched to the field {@code id} through {@link #label}.
     */
    @Override
    public boolean infersColumns() {
        return true;
    }

    @Override
    public String inferredType(InferredKind kind) {
        return SnowflakeInferredTypes.typeOf(kind);
    }

    @Override
    public String existingColumnsQuery() {
        return SnowflakeInferredTypes.EXISTING_COLUMNS;
    }

    @Override
    public InferredKind inferredKind(String type) {
        return SnowflakeInferredTypes.kindOf(type);
    }

    @Override
    public List<String> widenColumn(String target, String column, String type) {
        return SnowflakeInferredTypes.widen(this, target, column, type);
    }

    /** Snowflake's own limit on identifiers (in characters). */
    @Override
    public int maxIdentifierLength() {
        return 255;
    }

    /** The name as Snowflake stores it: upper case when it could be written unquoted, exact otherwise. */
    @Override
    public String stored(String identifier) {
        return UNQUOTED.matcher(identifier).matches() ? identifier.toUpperCase(Locale.ROOT) : identifier;
    }

    /**
     * The inverse of {@link #stored} for result columns: Snowflake reports an unquoted {@code id} as {@code ID}, so an
     * upper-case label that could have been written unquoted reads as lower case ({@code row['id']}, as on the other
     * databases); a label with any lower-case letter was quoted and stays exact.
     */
    @Override
    public String label(String columnLabel) {
        return UNQUOTED.matcher(columnLabel).matches() && columnLabel.equals(columnLabel.toUpperCase(Locale.ROOT))
                ? columnLabel.toLowerCase(Locale.ROOT) : columnLabel;
    }

    @Override
    public String quote(String identifier) {
        return '"' + stored(identifier).replace("\"", "\"\"") + '"';
    }

    @Override
    public String typeSql(ColumnType type) {
        String sql = type.sql();
        String mapped = TYPES.get(sql.toLowerCase(Locale.ROOT));
        if (mapped != null) {
            return mapped;
        }
        var m = TIMESTAMP_PRECISION.matcher(sql);
        if (m.matches()) {
            String precision = m.group(1) != null ? m.group(1) : m.group(4);
            boolean zoned = m.group(4) != null || m.group(2) != null && m.group(3) == null;
            return (zoned ? "TIMESTAMP_TZ(" : "TIMESTAMP_NTZ(") + precision + ")";
        }
        return sql;
    }

    /** JSON text becomes a VARIANT with PARSE_JSON; everything else is a CAST, which refuses what does not fit. */
    @Override
    public String fromStaging(ColumnDef column) {
        String type = typeSql(column.type());
        return JSON_TYPES.contains(type.toUpperCase(Locale.ROOT)) ? "PARSE_JSON(" + quote(column.name()) + ")"
                : "CAST(" + castable(quote(column.name()), type) + " AS " + type + ")";
    }

    /**
     * The staged text as the CAST to {@code type} gets it: into a {@link #WHOLE_ONLY} type, text that is not a whole
     * number becomes text no number is read from, so that the CAST fails (and TRY_CAST gives null) instead of
     * rounding it. Sequor's own row numbers are whole numbers.
     */
    private String castable(String text, String type) {
        if (!WHOLE_ONLY.matcher(type).matches() || text.equals(quote(TableMove.ROW_COLUMN))) {
            return text;
        }
        return "IFF(REGEXP_LIKE(" + text + ", ' *[-+]?[0-9]+ *'), " + text + ", 'not a whole number: ' || " + text + ")";
    }

    /**
     * Landing sessions read offset-less timestamps as UTC, as on PostgreSQL and DuckDB (the account's TIMEZONE,
     * America/Los_Angeles unless changed, would make the same record another instant), ISO text by Snowflake's
     * own rules whatever input formats the account set, and text cast to BINARY as hex (Snowflake's default), in which
     * bytes are staged ({@link #binaryText}) whatever BINARY_INPUT_FORMAT the account set.
     */
    @Override
    public List<String> landingSessionSetup() {
        return List.of("ALTER SESSION SET TIMEZONE = 'UTC' TIMESTAMP_INPUT_FORMAT = 'AUTO' DATE_INPUT_FORMAT = 'AUTO'"
                + " BINARY_INPUT_FORMAT = 'HEX'");
    }

    /** Back to the user's and account's settings, for whoever borrows the session next. */
    @Override
    public List<String> landingSessionTeardown() {
        return List.of("ALTER SESSION UNSET TIMEZONE, TIMESTAMP_INPUT_FORMAT, DATE_INPUT_FORMAT, BINARY_INPUT_FORMAT");
    }

    @Override
    public Set<String> binaryTypeNames() {
        return BINARY_TYPES;
    }

    private static final Set<String> BINARY_TYPES = Set.of("binary", "varbinary");

    /**
     * Bytes as hex, which the CAST of the staged text to BINARY reads as those bytes (BINARY_INPUT_FORMAT is HEX in a
     * landing session, {@link #landingSessionSetup}); text goes as it is, cast as before.
     */
    @Override
    public String stagedBytes(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /**
     * ROW_NUMBER without an ORDER BY is refused ("Window function type [ROW_NUMBER] requires ORDER BY in window
     * specification"); SEQ8 gives distinct rising numbers, with gaps, which is all a merge's last-row-per-key needs.
     */
    @Override
    public String resultRowNumber() {
        return "SEQ8()";
    }

    /** Staging keeps no row order here, so every staged row carries its load number, by which a refusal is found. */
    @Override
    public boolean numbersStagedRows() {
        return true;
    }

    /**
     * Each column's staged text tried with TRY_CAST (TRY_PARSE_JSON for JSON types), the first row by load number
     * that fails. Columns of types TRY_CAST does not take (GEOGRAPHY, say), and text without a length, which takes
     * any text, are not tried.
     */
    @Override
    public String firstMisfitQuery(String staging, List<ColumnDef> columns) {
        MisfitQuery query = new MisfitQuery(this, staging, "CAST(" + quote(TableMove.ROW_COLUMN) + " AS NUMBER)");
        for (ColumnDef c : columns) {
            String type = typeSql(c.type());
            String text = quote(c.name());
            if (JSON_TYPES.contains(type.toUpperCase(Locale.ROOT))) {
                query.tryColumn(c, "TRY_PARSE_JSON(" + text + ") IS NULL");
            } else if (TRIED.matcher(type).lookingAt() && !ANY_TEXT.matcher(type).matches()) {
                query.tryColumn(c, "TRY_CAST(" + castable(text, type) + " AS " + type + ") IS NULL");
            }
        }
        return query.sql();
    }

    /** Quotes doubled, and backslashes too: Snowflake reads escape sequences in single-quoted strings. */
    @Override
    public String stringLiteral(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * TRUNCATE, not DROP: a DROP would commit the transaction that moves the staged rows half-way (TRUNCATE is DML in
     * Snowflake). The emptied temporary table goes with the session, when the run closes its connections.
     */
    @Override
    public String dropStaging(String qualifiedName) {
        return "TRUNCATE TABLE IF EXISTS " + qualifiedName;
    }

    /**
     * One statement swaps a table built under a staging name with the target, atomically, and the old content then
     * under the staging name is dropped; a target that does not exist yet is the built table renamed.
     */
    @Override
    public List<String> swapIn(String built, String target, boolean targetExists) {
        return targetExists ? List.of("ALTER TABLE " + built + " SWAP WITH " + target, "DROP TABLE IF EXISTS " + built)
                : List.of("ALTER TABLE " + built + " RENAME TO " + target);
    }

    /**
     * Snowflake's ALTER TABLE takes one kind of change: one statement adds every new column ({@code ADD COLUMN a
     * INT, b TEXT}), another drops the old ones.
     */
    @Override
    public List<String> alterColumns(String target, List<ColumnDef> add, List<String> drop) {
        List<String> out = new java.util.ArrayList<>();
        if (!add.isEmpty()) {
            out.add("ALTER TABLE " + target + " ADD COLUMN " + add.stream().map(c -> quote(c.name()) + " "
                    + typeSql(c.type())).collect(java.util.stream.Collectors.joining(", ")));
        }
        if (!drop.isEmpty()) {
            out.add("ALTER TABLE " + target + " DROP COLUMN " + drop.stream().map(this::quote)
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        return out;
    }

    /** Without the driver's "SQL compilation error:" line, whose detail is on the next line. */
    @Override
    public String errorText(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        String first = Dialect.firstLine(message);
        if (first.endsWith(":") && message.indexOf('\n') > 0) {
            return first + " " + Dialect.firstLine(message.substring(message.indexOf('\n') + 1));
        }
        return first;
    }
}
