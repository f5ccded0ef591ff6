package dev.sequor.db;

import dev.sequor.error.SequorException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * MySQL and MariaDB: backtick quoting, the connection's database as the namespace, multi-row INSERTs for bulk loads
 * into temporary staging tables, and no transactional DDL (CREATE, DROP and RENAME commit on their own), so tables
 * are replaced by building them under a staging name and swapping them in with one {@code RENAME TABLE}
 * ({@link RenameSwap}).
 * <p>
 * Names: table names are case-sensitive where the server stores them as written ({@code lower_case_table_names=0},
 * the Linux default) and folded to lower case elsewhere; column names never are. Sequor quotes every name as
 * written, so it means what the flow wrote on either setting.
 */
public final class MySqlDialect implements Dialect {

    /**
     * The dialect when the server is not known ({@code type: jdbc} with {@code dialect: mysql}, validation): the key
     * columns it creates compare with {@code utf8mb4_bin}, which every MySQL and MariaDB has, but which still ignores
     * trailing spaces (a PAD SPACE collation).
     */
    public static final MySqlDialect INSTANCE = new MySqlDialect("utf8mb4_bin");
    /** MariaDB 10.2 and later: a binary collation that keeps trailing spaces significant. */
    static final MySqlDialect MARIADB = new MySqlDialect("utf8mb4_nopad_bin");
    /** MySQL 8.0.17 and later: the same in MySQL's spelling. */
    static final MySqlDialect MYSQL_8 = new MySqlDialect("utf8mb4_0900_bin");

    /** Server versions that name MariaDB, and MySQL's major.minor.patch. */
    private static final Pattern MARIADB_VERSION = Pattern.compile("(?i).*mariadb.*");
    private static final Pattern MYSQL_VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+).*");

    /** The longest table or column name MySQL and MariaDB accept. */
    static final int MAX_IDENTIFIER = 64;

    /**
     * Declared types that MySQL spells otherwise or lacks: {@code text} and length-less {@code varchar} become
     * LONGTEXT (TEXT holds only 64 KB), JSON types JSON, timestamps DATETIME(6) (microseconds, as PostgreSQL keeps;
     * MySQL's own TIMESTAMP stops in 2038 and converts with the session time zone), UUIDs CHAR(36).
     */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("text", "LONGTEXT"), Map.entry("varchar", "LONGTEXT"), Map.entry("character varying", "LONGTEXT"),
            Map.entry("string", "LONGTEXT"), Map.entry("json", "JSON"), Map.entry("jsonb", "JSON"),
            Map.entry("timestamp", "DATETIME(6)"), Map.entry("timestamp without time zone", "DATETIME(6)"),
            Map.entry("timestamptz", "DATETIME(6)"), Map.entry("timestamp with time zone", "DATETIME(6)"),
            Map.entry("double precision", "DOUBLE"), Map.entry("bytea", "LONGBLOB"), Map.entry("uuid", "CHAR(36)"),
            Map.entry("bool", "BOOLEAN"), Map.entry("boolean", "BOOLEAN"));

    /** {@code timestamp(3) with time zone} and friends keep their precision. */
    private static final Pattern TIMESTAMP_PRECISION = Pattern.compile(
            "(?i)timestamp\\((\\d)\\)( with(out)? time zone)?|timestamptz\\((\\d)\\)");

    /** The driver's "(conn=12) " before the server's message. */
    private static final Pattern CONNECTION_ID = Pattern.compile("^\\(conn=\\d+\\) ");

    private static final Pattern SYNTAX = Pattern.compile(
            "You have an error in your SQL syntax; check the manual that corresponds to your \\S+ server version for"
                    + " the right syntax to use (near .*)");

    private final BulkLoader loader = new MultiRowInsertLoader(this);
    /**
     * The collation of the text key columns of the tables a merge creates. The servers' default collations ignore
     * case, accents and trailing spaces, so {@code a}, {@code A} and {@code á} would be one key, and all but one of
     * their rows lost; keys Sequor creates compare as PostgreSQL and DuckDB compare them, byte for byte. Keys of
     * tables made otherwise keep their collation, and a merge compares as they do ({@link #keyComparison}).
     */
    private final String keyCollation;

    private MySqlDialect(String keyCollation) {
        this.keyCollation = keyCollation;
    }

    /** The dialect for the server whose version the driver reports ({@code 10.11.6-MariaDB}, {@code 8.0.36}). */
    static MySqlDialect forServer(String version) {
        if (version == null) {
            return INSTANCE;
        }
        if (MARIADB_VERSION.matcher(version).matches()) {
            return MARIADB;
        }
        Matcher m = MYSQL_VERSION.matcher(version);
        if (m.matches()) {
            int major = Integer.parseInt(m.group(1));
            int minor = Integer.parseInt(m.group(2));
            int patch = Integer.parseInt(m.group(3));
            if (major > 8 || major == 8 && (minor > 0 || patch >= 17)) {
                return MYSQL_8;
            }
        }
        return INSTANCE;
    }

    /** The collation of the text key columns this dialect creates. */
    String keyCollation() {
        return keyCollation;
    }

    /** MySQL's column names are case-insensitive (its table names are not, on Linux). */
    @Override
    public String columnKey(String column) {
        return columnKeyOf(column);
    }

    /** {@link #columnKey}, for the helpers of this dialect that read the catalog. */
    static String columnKeyOf(String column) {
        return storedName(column).toLowerCase(Locale.ROOT);
    }

    @Override
    public String displayName() {
        return "MySQL";
    }

    /** Only a fallback: the namespace is the connection's database, see {@link #currentNamespace}. */
    @Override
    public String defaultNamespace() {
        return null;
    }

    /** The database named in the conn_str (a MySQL "schema" is a database). */
    @Override
    public String currentNamespace(Connection c) throws SQLException {
        return c.getCatalog();
    }

    /** Strict mode's refusal: {@code ... for column `db`.`t`.`id` at row 2} or {@code ... column 'id' at row 2}. */
    private static final Pattern REFUSED = Pattern.compile(
            "(?:'(.*)' )?for column (?:(?:`[^`]*`\\.)*`([^`]+)`|'([^']+)') at row (\\d+)", Pattern.DOTALL);

    /**
     * A value strict mode refused in a multi-row INSERT ({@link MultiRowInsertLoader}): the column and the row within
     * the statement are in the message, the value only for some errors ("Out of range value" gives none).
     */
    @Override
    public Misfit misfitIn(SQLException e) {
        Matcher m = e.getMessage() == null ? null : REFUSED.matcher(e.getMessage());
        if (m == null || !m.find()) {
            return null;
        }
        int before = e instanceof MultiRowInsertLoader.RowsBefore r ? r.rows : 0;
        String column = m.group(2) != null ? m.group(2) : m.group(3);
        return new Misfit(before + Long.parseLong(m.group(4)), column, m.group(1));
    }

    @Override
    public BulkLoader bulkLoader() {
        return loader;
    }

    /** Staging tables carry the declared types, so a value MySQL refuses fails the load that brought it. */
    @Override
    public boolean stagesAsText() {
        return false;
    }

    /** Temporary tables live beside the real ones in the connection's database, seen by this session only. */
    @Override
    public String stagingNamespace() {
        return null;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /** Inferred columns: MySQL's own type names, catalog and casts are {@link MySqlInferredTypes}'. */
    @Override
    public boolean infersColumns() {
        return true;
    }

    @Override
    public String inferredType(InferredKind kind) {
        return MySqlInferredTypes.typeOf(kind);
    }

    @Override
    public String existingColumnsQuery() {
        return MySqlInferredTypes.EXISTING_COLUMNS;
    }

    @Override
    public InferredKind inferredKind(String type) {
        return MySqlInferredTypes.kindOf(type);
    }

    @Override
    public String fromText(ColumnDef column) {
        return MySqlInferredTypes.fromText(this, column);
    }

    /** {@code MODIFY COLUMN}: MySQL converts the values it holds, copying the table (see docs/databases/mysql.md). */
    @Override
    public List<String> widenColumn(String target, String column, String type) {
        return List.of("ALTER TABLE " + target + " MODIFY COLUMN " + quote(column) + " " + type);
    }

    @Override
    public int maxIdentifierLength() {
        return MAX_IDENTIFIER;
    }

    /** information_schema has one catalog, {@code def}; the schema is the database. */
    @Override
    public String ownDatabaseTables() {
        return "table_catalog = 'def'";
    }

    /**
     * A name cut to MySQL's 64 characters, as PostgreSQL cuts its own past 63 bytes, and without trailing spaces: MySQL
     * refuses a longer name and one that ends in a space, which a flattened column or a child table past 64 characters,
     * or a field {@code "name "}, would otherwise always be ("Identifier name ... is too long", "Incorrect column name
     * 'name '"). The table then holds the name so made, which is the name SQL must use on MySQL
     * (docs/databases/mysql.md).
     */
    @Override
    public String stored(String identifier) {
        return storedName(identifier);
    }

    /**
     * MySQL and MariaDB keep names in a 3-byte UTF-8 (utf8mb3) whatever the tables' character set, so a character
     * beyond U+FFFF (an emoji) fails a CREATE or ALTER with "Invalid utf8mb4 character string", naming neither the
     * table nor the column.
     */
    @Override
    public String unheldName(String identifier) {
        int beyond = identifier.codePoints().filter(c -> c > 0xFFFF).findFirst().orElse(-1);
        return beyond < 0 ? null : "MySQL and MariaDB names cannot hold characters beyond U+FFFF, such as '"
                + Character.toString(beyond) + "'";
    }

    /** {@link #stored}, for the helpers of this dialect that read the catalog. */
    static String storedName(String identifier) {
        if (identifier == null) {
            return null;
        }
        String cut = identifier.length() <= MAX_IDENTIFIER
                || identifier.codePointCount(0, identifier.length()) <= MAX_IDENTIFIER ? identifier
                : identifier.substring(0, identifier.offsetByCodePoints(0, MAX_IDENTIFIER));
        int end = cut.length();
        while (end > 0 && cut.charAt(end - 1) == ' ') {
            end--;
        }
        return end == cut.length() ? cut : cut.substring(0, end);
    }

    @Override
    public String quote(String identifier) {
        return '`' + stored(identifier).replace("`", "``") + '`';
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
            return "DATETIME(" + (m.group(1) != null ? m.group(1) : m.group(4)) + ")";
        }
        return sql;
    }

    /**
     * A merge's key is a PRIMARY KEY, and MySQL indexes no TEXT or BLOB column without a prefix length: text keys are
     * VARCHAR(255) (1,020 bytes in utf8mb4, within InnoDB's 3,072-byte key limit), compared byte for byte
     * ({@link #keyCollation}).
     */
    @Override
    public String keyTypeSql(ColumnType type) {
        return keyType(typeSql(type));
    }

    /** {@link #keyTypeSql} of a type as MySQL spells it ({@code longtext}, {@code varchar(20)}, {@code bigint}). */
    private String keyType(String sql) {
        String bare = sql.strip().toLowerCase(Locale.ROOT);
        if (bare.equals("json") || bare.endsWith("blob")) {
            return "VARBINARY(255)";
        }
        String text = bare.endsWith("text") ? "VARCHAR(255)" : sql;
        return CHARACTER_TYPE.matcher(text.strip()).matches()
                ? text + " CHARACTER SET utf8mb4 COLLATE " + keyCollation : text;
    }

    /**
     * A transform's merge creates its table with the query result's columns and types, in its order, and the key
     * columns typed as {@link #keyTypeSql} makes them (a query's columns read from landed text are LONGTEXT, which no
     * PRIMARY KEY takes): {@code CREATE TABLE t (`code` VARCHAR(255) ... COLLATE utf8mb4_nopad_bin, `n` bigint(21),
     * PRIMARY KEY (`code`))}, the types as {@code SHOW COLUMNS} gives them for the staged result.
     */
    @Override
    public BiFunction<String, List<String>, List<String>> createLikeStaging(Connection c, String staging,
                                                                           List<String> columns) throws SQLException {
        Map<String, String> types = new java.util.HashMap<>();
        try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW COLUMNS FROM "
                + staging)) {
            while (rs.next()) {
                types.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        return (target, key) -> {
            if (key.isEmpty()) {
                return TableMove.likeStaging(this, staging, columns).apply(target, key);
            }
            String definitions = columns.stream().map(name -> {
                String type = types.get(name.toLowerCase(Locale.ROOT));
                return quote(name) + " " + (key.contains(name) ? keyType(type) : type);
            }).collect(Collectors.joining(", "));
            return List.of("CREATE TABLE " + target + " (" + definitions + ", PRIMARY KEY (" + key.stream()
                    .map(this::quote).collect(Collectors.joining(", ")) + "))");
        };
    }

    /** Character types spelled so that they may take a collation: TEXT and its sizes, CHAR, VARCHAR. */
    private static final Pattern CHARACTER_TYPE = Pattern.compile("(?i)(tiny|medium|long)?text|(var)?char(\\s*\\("
            + "\\s*\\d+\\s*\\))?|character( varying)?(\\s*\\(\\s*\\d+\\s*\\))?");

    /**
     * Staged text is compared under the collation of the target's key column (staging has the database's default),
     * and rows are deleted by key through a table of the loaded keys ({@link MySqlKeyColumns}).
     */
    @Override
    public KeyComparison keyComparison(Connection c, String namespace, String table, List<String> key)
            throws SQLException {
        return MySqlKeyColumns.read(c, stored(namespace == null ? currentNamespace(c) : namespace), stored(table), key);
    }

    /**
     * {@code INSERT ... SELECT ... ON DUPLICATE KEY UPDATE}: MySQL has no MERGE. It finds existing rows through a
     * PRIMARY KEY or UNIQUE index on the key, which a table Sequor creates for a merge has and {@link #checkUpsertKey}
     * requires of any other. {@code VALUES(c)} (the row that was to be inserted) is what MariaDB understands; MySQL 8
     * still runs it, with a deprecation note.
     */
    @Override
    public String upsert(String target, String source, List<String> columns, List<String> key) {
        String names = columns.stream().map(this::quote).collect(Collectors.joining(", "));
        List<String> updated = columns.stream().filter(c -> !key.contains(c)).toList();
        // with only key columns there is nothing to update; a key set to the value it already has keeps the row as it
        // is (a bare `id` on the right would be ambiguous: the SELECT's rows have an `id` too)
        String set = updated.isEmpty() ? quote(key.get(0)) + " = VALUES(" + quote(key.get(0)) + ")"
                : updated.stream().map(c -> quote(c) + " = VALUES(" + quote(c) + ")").collect(Collectors.joining(", "));
        return "INSERT INTO " + target + " (" + names + ") SELECT " + names + " FROM (" + source + ") AS s"
                + " ON DUPLICATE KEY UPDATE " + set;
    }

    /**
     * The column keys of each unique index, from information_schema.statistics rows (index name, column name) in
     * order. An index with a functional key part (MySQL 8.0.13+: {@code UNIQUE ((lower(email)))}, whose column name is
     * NULL) finds rows by an expression rather than by the key's values, so it is left out.
     */
    static Collection<Set<String>> uniqueIndexColumns(List<String[]> rows) {
        Map<String, Set<String>> unique = new java.util.HashMap<>();
        Set<String> onExpressions = new java.util.HashSet<>();
        for (String[] row : rows) {
            if (row[1] == null) {
                onExpressions.add(row[0]);
            } else {
                unique.computeIfAbsent(row[0], i -> new java.util.HashSet<>()).add(columnKeyOf(row[1]));
            }
        }
        onExpressions.forEach(unique::remove);
        return unique.values();
    }

    /** Fails unless a PRIMARY KEY or UNIQUE index of the table covers exactly the key columns. */
    @Override
    public void checkUpsertKey(Connection c, String namespace, String table, List<String> key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT index_name, column_name FROM information_schema.statistics"
                + " WHERE table_schema = ? AND table_name = ? AND non_unique = 0 ORDER BY index_name, seq_in_index")) {
            ps.setString(1, stored(namespace));
            ps.setString(2, stored(table));
            List<String[]> rows = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            Collection<Set<String>> unique = uniqueIndexColumns(rows);
            Set<String> wanted = key.stream().map(this::columnKey).collect(Collectors.toSet());
            if (!unique.contains(wanted)) {
                String keys = key.stream().map(this::quote).collect(Collectors.joining(", "));
                throw SequorException.failed(null, "Table " + qualified(namespace,
                        table) + " has no PRIMARY KEY or UNIQUE index on (" + keys + "), which MySQL's upsert needs to"
                        + " find the rows to update; add one (ALTER TABLE " + qualified(namespace, table)
                        + " ADD PRIMARY KEY (" + keys + ")) or use merge_strategy: delete_insert");
            }
        }
    }

    /**
     * Booleans, timestamps and JSON are staged as text: records say {@code true}/{@code false}, which a BOOLEAN
     * (TINYINT) column refuses, ISO-8601 timestamps end in {@code Z} or an offset, which a DATETIME column refuses, and
     * JSON is checked when it moves, where {@link #firstMisfitQuery} can name the row (MariaDB's CHECK on a JSON column
     * names no value or row).
     */
    @Override
    public String stagingType(ColumnDef column) {
        return isBoolean(column) || isDatetime(column) || isJson(column) || isBinary(typeSql(column.type()))
                ? "LONGTEXT" : typeSql(column.type());
    }

    /** MySQL's binary string types. */
    private static final Set<String> BINARY_TYPES = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob",
            "longblob");

    @Override
    public Set<String> binaryTypeNames() {
        return BINARY_TYPES;
    }

    /**
     * Every value of a binary column is staged as the hex of its bytes, which the move turns back into them
     * ({@link #fromStaging}): no text MySQL converts could carry any bytes (it converts text from the connection's
     * utf8mb4). Bytes are themselves; any other value is the UTF-8 of its text, the bytes its text became in a binary
     * column before.
     */
    @Override
    public String binaryText(Object value) {
        byte[] bytes = PythonBytes.of(value);
        if (bytes == null) {
            String text = ValueText.of(value);
            if (text == null) {
                return null;
            }
            bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /**
     * Staged rows carry their load number: a value that fails the move from staging (a boolean, timestamp or JSON
     * value, staged as text) is named with its row by {@link #firstMisfitQuery}, and any value of inferred columns
     * (all staged as text) by {@link MisfitBisection}. Values of other declared types fail the staging INSERT itself,
     * whose error says the row ({@link #misfitIn}).
     */
    @Override
    public boolean numbersStagedRows() {
        return true;
    }

    /**
     * Strict mode refuses a value only in a write: in a SELECT, a conversion that fails gives NULL or a value cut short,
     * with a warning.
     */
    @Override
    public boolean refusesInQueries() {
        return false;
    }

    /**
     * The first staged row whose boolean, timestamp or JSON text the move refuses, tried as the move converts it:
     * in a SELECT, MySQL's CAST of text that is no time gives NULL (with a warning) where an INSERT fails; a boolean
     * is {@code true}/{@code false} or a number that rounds into TINYINT; JSON is what {@code JSON_VALID} accepts.
     */
    @Override
    public String firstMisfitQuery(String staging, List<ColumnDef> columns) {
        MisfitQuery query = new MisfitQuery(this, staging, quote(TableMove.ROW_COLUMN));
        for (ColumnDef c : columns) {
            String text = quote(c.name());
            if (isDatetime(c)) {
                query.tryColumn(c, "CAST(" + fromStaging(c) + " AS " + typeSql(c.type()) + ") IS NULL");
            } else if (isBoolean(c)) {
                query.tryColumn(c, "LOWER(" + text + ") NOT IN ('true', 'false') AND NOT (" + text + " REGEXP '"
                        + BOOLEAN_NUMBER + "' AND CAST(" + text + " AS DOUBLE) BETWEEN -128.5 AND 127.49)");
            } else if (isJson(c)) {
                query.tryColumn(c, "NOT JSON_VALID(" + text + ")");
            }
        }
        return query.sql();
    }

    /**
     * A number a BOOLEAN (TINYINT) column takes from text, as the move converts it: spaces around it, a fraction
     * (rounded), an exponent ({@code 1.0}, {@code  1}, {@code 1e0}).
     */
    private static final String BOOLEAN_NUMBER =
            "^[[:space:]]*[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?[[:space:]]*$";

    /** Quotes doubled, and backslashes too: MySQL reads them as escapes in a string (unless NO_BACKSLASH_ESCAPES). */
    @Override
    public String stringLiteral(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * Staged {@code true}/{@code false} become 1/0; a timestamp with {@code Z} or an offset ({@code +02:00},
     * {@code -0330}) becomes its UTC time (DATETIME keeps no offset); anything else goes in as it is, and MySQL refuses
     * what does not fit (strict mode: an error naming the value, never a silent NULL).
     */
    @Override
    public String fromStaging(ColumnDef column) {
        String name = quote(column.name());
        if (isBoolean(column)) {
            return booleanFromText(name);
        }
        if (isDatetime(column)) {
            return datetimeFromText(name, typeSql(column.type()));
        }
        if (isBinary(typeSql(column.type()))) {
            return binaryFromText(name);
        }
        return name;
    }

    /** A binary column's value as it came: the text whose UTF-8 it staged, or the bytes' hex when they are no UTF-8. */
    @Override
    public String refusedValue(ColumnDef column, String staged) {
        if (staged == null || !isBinary(typeSql(column.type()))) {
            return staged;
        }
        try {
            byte[] bytes = HexFormat.of().parseHex(staged);
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            return staged;
        }
    }

    /**
     * A binary column's staged hex as its bytes ({@link #binaryText}). Cut to 2^31-1 characters first, which no staged
     * value reaches (a statement is at most max_allowed_packet, 1 GB): MariaDB 10.11 types {@code UNHEX} of a LONGTEXT
     * as BINARY(0), its length past 32 bits, so wherever the result is materialized (the window a merge picks each
     * key's last row with, {@code CREATE TABLE ... AS}) every value came out empty, and a merge by a binary key kept
     * one row; {@code UNHEX(LEFT(x, 2147483647))} is a LONGBLOB.
     */
    static String binaryFromText(String name) {
        return "UNHEX(LEFT(" + name + ", 2147483647))";
    }

    /** Staged {@code true}/{@code false} (any case) as 1/0; other text as it is, for MySQL to refuse. */
    static String booleanFromText(String name) {
        return "CASE LOWER(" + name + ") WHEN 'true' THEN 1 WHEN 'false' THEN 0 ELSE " + name + " END";
    }

    /**
     * A staged ISO-8601 timestamp as a {@code type} (DATETIME) value in UTC: {@code Z} dropped, an offset subtracted
     * as minutes; other text as it is, for MySQL to convert or refuse. Not {@code CONVERT_TZ}: it gives NULL for an
     * offset beyond +13:00 on MariaDB (+14:00 is Kiribati's), and a silent NULL is a lost value.
     */
    static String datetimeFromText(String name, String type) {
        String offset = "REGEXP_SUBSTR(" + name + ", '" + OFFSET + "$')";
        String minutes = "IF(LEFT(" + offset + ", 1) = '-', -1, 1) * (CAST(SUBSTRING(" + offset + ", 2, 2) AS SIGNED)"
                + " * 60 + IF(CHAR_LENGTH(" + offset + ") > 3, CAST(RIGHT(" + offset + ", 2) AS SIGNED), 0))";
        return "CASE WHEN " + name + " REGEXP '" + ISO_DATETIME + "[Zz]$' THEN CAST(REPLACE(LEFT(" + name
                + ", CHAR_LENGTH(" + name + ") - 1), 'T', ' ') AS " + type + ") WHEN " + name + " REGEXP '"
                + ISO_DATETIME + OFFSET + "$' THEN DATE_SUB(CAST(REPLACE(LEFT(" + name + ", CHAR_LENGTH(" + name
                + ") - CHAR_LENGTH(" + offset + ")), 'T', ' ') AS " + type + "), INTERVAL " + minutes + " MINUTE) ELSE "
                + name + " END";
    }

    /**
     * An ISO-8601 date and time up to its zone: only these have their {@code Z} or offset taken off, so that other text
     * ending in {@code z} ({@code 10:00:00xyz}) reaches MySQL whole, to be refused with all its characters.
     */
    private static final String ISO_DATETIME = UtcOffsetPatterns.DATE_TIME;

    /**
     * A UTC offset at the end of an ISO-8601 timestamp as PostgreSQL takes it ({@link UtcOffsetPatterns}). Text with
     * another offset ({@code +16:00}, {@code +02:60}) goes in as it is, and MySQL refuses it.
     */
    private static final String OFFSET = UtcOffsetPatterns.IN_RANGE;

    /** The type names compared in any case: a declared {@code datetime(3)} goes as written. */
    private boolean isBoolean(ColumnDef column) {
        return typeSql(column.type()).equalsIgnoreCase("BOOLEAN");
    }

    private boolean isDatetime(ColumnDef column) {
        return typeSql(column.type()).toUpperCase(Locale.ROOT).startsWith("DATETIME");
    }

    private boolean isJson(ColumnDef column) {
        return typeSql(column.type()).equalsIgnoreCase("JSON");
    }

    /** {@code TEMPORARY}: it drops only a temporary table, and does not commit the transaction it runs in. */
    @Override
    public String dropStaging(String qualifiedName) {
        return "DROP TEMPORARY TABLE IF EXISTS " + qualifiedName;
    }

    /**
     * Without the driver's {@code (conn=12)} prefix; a syntax error without the advice to read the manual:
     * {@code syntax error near 'SELEC 1' at line 1}.
     */
    @Override
    public String errorText(SQLException e) {
        String text = CONNECTION_ID.matcher(Dialect.firstLine(e.getMessage())).replaceFirst("");
        var syntax = SYNTAX.matcher(text);
        if (syntax.matches()) {
            return "syntax error " + syntax.group(1);
        }
        if (text.contains("RSA public key is not available client side")) {
            // MySQL 8's caching_sha2_password sends the password only encrypted: over TLS, or with the server's key
            return text + "; MySQL's caching_sha2_password sign-in needs an encrypted connection: add"
                    + " ?sslMode=verify-full (or ?sslMode=trust) to the conn_str, or ?allowPublicKeyRetrieval=true on"
                    + " a network you trust (docs/databases/mysql.md)";
        }
        return text;
    }

    /**
     * Besides class 08 (the MariaDB driver reports a dropped socket as 08000): 70100, a connection killed by
     * {@code KILL}, and the client errors for a server that went away (2006, 2013) or shuts down (1053).
     */
    @Override
    public boolean connectionLost(SQLException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql && (lostState(sql.getSQLState()) || switch (sql.getErrorCode()) {
                case 1053, 1927, 2006, 2013 -> true;
                default -> false;
            })) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean lostState(String sqlState) {
        return Dialect.super.lostState(sqlState) || "70100".equals(sqlState);
    }
}
