package dev.sequor.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What differs between the databases Sequor writes to. Defaults hold the common behaviour (standard SQL, double
 * quoted identifiers); each database's dialect overrides only its differences, as SQLMesh's engine adapters do.
 */
public interface Dialect {

    /** Human name used in messages, e.g. "PostgreSQL". */
    String displayName();

    /** Namespace (schema) used when a table write names none. */
    String defaultNamespace();

    /**
     * The namespace unqualified names resolve to on {@code c}, asked once when a source opens: {@link
     * #defaultNamespace()} unless the database decides it per connection (MySQL: the database of the conn_str).
     */
    default String currentNamespace(Connection c) throws SQLException {
        return defaultNamespace();
    }

    /** Longest table name the database accepts: longer ones fail there (MySQL), so staging names are cut to it. */
    default int maxIdentifierLength() {
        return Integer.MAX_VALUE;
    }

    /** The condition on {@code information_schema.tables} that keeps the tables of the connection's own database. */
    default String ownDatabaseTables() {
        return "table_catalog = current_database()";
    }

    /** Loads staged rows fast (COPY, Appender), never one INSERT per row. */
    BulkLoader bulkLoader();

    /**
     * True when staging tables hold every column as text and the final insert casts to the declared types: needed
     * where the bulk loader only accepts exact Java types per column type (DuckDB's Appender).
     */
    boolean stagesAsText();

    /**
     * The session's own temporary schema, where staging tables are created: they are seen by no other session and
     * vanish with the connection, so an op killed by a crash or a dropped connection leaves nothing behind.
     */
    String stagingNamespace();

    /**
     * True when a result can only be streamed inside an open transaction (PostgreSQL uses a server cursor only
     * with auto-commit off); otherwise the whole result may be buffered by the driver.
     */
    default boolean streamsInTransaction() {
        return false;
    }

    /** Rows fetched per round trip when streaming. */
    default int fetchSize() {
        return 1000;
    }

    /** The database's own message for a failed statement, one line, without driver boilerplate. */
    default String errorText(SQLException e) {
        return firstLine(e.getMessage());
    }

    /**
     * True when {@code e} says the connection itself is gone (server restarted, session killed, network down),
     * rather than that a statement failed: SQLState class 08 (connection exception) anywhere in the chain.
     */
    default boolean connectionLost(SQLException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql && (lostState(sql.getSQLState())
                    || sql.getNextException() != null && lostState(sql.getNextException().getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Why the connection is gone, for {@link #connectionLost} failures: a few words, without driver boilerplate. */
    default String lostReason(SQLException e) {
        return errorText(e);
    }

    /** The SQLStates that mean the connection is gone; class 08 everywhere, dialects add their own. */
    default boolean lostState(String sqlState) {
        return sqlState != null && sqlState.startsWith("08");
    }

    /**
     * The name the database stores for {@code identifier} as Sequor writes it (quoted), which is what its catalog
     * (information_schema) lists and what parameters that look names up must bind: the name itself, unless the
     * dialect folds names (Snowflake).
     */
    default String stored(String identifier) {
        return identifier;
    }

    /**
     * Why the database cannot hold {@code identifier} as a name at all, whatever it cuts or folds (a clause that can
     * follow "cannot be a column name on X: "); null when it can.
     */
    default String unheldName(String identifier) {
        return null;
    }

    /**
     * What the database compares when it tells two column names apart: the stored name ({@link #stored}), where
     * column names are case-sensitive (PostgreSQL, Snowflake's quoted names); folded where they are not (DuckDB,
     * MySQL), so that {@code name} finds a column {@code Name} an earlier run made, and a record with both is refused.
     */
    default String columnKey(String column) {
        return stored(column);
    }

    /**
     * The name flows read a query result's column by ({@code row['id']}), given the label the driver reports: the
     * label itself, unless the dialect folds names (Snowflake reports {@code select id} as {@code ID}).
     */
    default String label(String columnLabel) {
        return columnLabel;
    }

    /** Identifiers are always quoted so names with spaces, capitals or keywords work unchanged. */
    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code "ns"."table"}, or just {@code "table"} when namespace is null. */
    default String qualified(String namespace, String table) {
        return namespace == null ? quote(table) : quote(namespace) + "." + quote(table);
    }

    /**
     * Whether DDL (CREATE, DROP, ALTER, TRUNCATE) takes part in transactions, so that a table write's statements all
     * commit together or not at all (PostgreSQL, DuckDB). Where DDL commits implicitly (MySQL, Snowflake), a table
     * write creates a missing target before its data transaction ({@link TableMove#prepare}), so that the implicit
     * commit cannot split the transaction that moves the data, and a table that create mode replaces is built under a
     * staging name and swapped in with one rename ({@link RenameSwap}).
     */
    default boolean transactionalDdl() {
        return true;
    }

    /**
     * Whether an op's pages may load straight into tables inside one transaction that the op's commit ends
     * ({@link InPlaceLoads}), instead of into staging and from there with one {@code INSERT ... SELECT} at the commit.
     * Needs transactional DDL (tables are built, and columns altered in, as pages come) and a bulk loader that converts
     * text to the column types itself.
     */
    default boolean loadsInOpTransaction() {
        return false;
    }

    /**
     * Whether the table writes of an op build their tables as their pages come (with for_each: from completed rows),
     * where the database cannot load straight into them inside the op's transaction
     * ({@link #loadsInOpTransaction}): each batch of staged rows moves into a table built under a staging name with
     * its own committed statements, staging is made afresh, and the commit swaps the built table in or moves its rows
     * into the kept table; an op that fails drops it ({@link InPlaceLoads}). For a database that keeps what an open
     * transaction wrote in memory until it ends, and where no other session can see the built table meanwhile.
     */
    default boolean buildsTablesInBatches() {
        return false;
    }

    /**
     * Whether the bulk loader's load into {@code table}, an existing table, does what an {@code INSERT} of the same rows
     * does, so an append may load straight into it ({@link InPlaceLoads}). False unless the dialect can tell.
     */
    default boolean bulkLoadsAsInserts(Connection c, String namespace, String table) throws SQLException {
        return false;
    }

    /**
     * Where DDL is transactional, inside the transaction that built it: the statements that put {@code built} (a table
     * of {@code namespace}, unquoted like the others) in place of {@code table}: the old table is dropped, the built one
     * renamed. Readers see the old table until the transaction commits.
     */
    default List<String> renameOver(String namespace, String built, String table) {
        return List.of("DROP TABLE IF EXISTS " + qualified(namespace, table),
                "ALTER TABLE " + qualified(namespace, built) + " RENAME TO " + quote(table));
    }

    /**
     * Where DDL is not transactional: the statements that put {@code built} (a table of the target's namespace;
     * both qualified and quoted) in place of {@code target} in one atomic step each and drop what was there, or null
     * where a set of tables is swapped with one multi-table RENAME under named locks instead (MySQL, see
     * {@link RenameSwap}).
     */
    default List<String> swapIn(String built, String target, boolean targetExists) {
        return null;
    }

    /**
     * The statement that empties {@code target} inside the transaction that then loads it again
     * ({@link WriteMode#REPLACE}): a plain DELETE by default, which every database runs transactionally; a dialect
     * whose TRUNCATE is transactional and faster may say TRUNCATE.
     */
    default String emptyTable(String target) {
        return "DELETE FROM " + target;
    }

    /**
     * The statement that upserts the rows of {@code source} (a SELECT of exactly {@code columns}, at most one row per
     * key) into {@code target} ({@link MergeStrategy#UPSERT}): rows whose {@code key} columns equal a row of the
     * table update its other columns, the others are inserted. The default is SQL's MERGE (PostgreSQL 15+, DuckDB
     * 1.4+), which needs no unique constraint on the key; a database without MERGE overrides this (MySQL's
     * {@code INSERT ... ON DUPLICATE KEY UPDATE}, which does need one). Names arrive unquoted.
     */
    default String upsert(String target, String source, List<String> columns, List<String> key) {
        return merge(this, target, source, columns, key, null);
    }

    /**
     * {@link #upsert(String, String, List, List)} for a target whose column types are known: {@code targetTypes}
     * gives each column's type as {@link #existingColumnsQuery} reports it, read inside the commit's transaction. A
     * dialect may use them to leave the rows whose values would not change untouched ({@link #upsertSkipsUnchanged}).
     */
    default String upsert(String target, String source, List<String> columns, List<String> key,
                          Map<String, String> targetTypes) {
        return upsert(target, source, columns, key);
    }

    /**
     * {@link #upsert(String, String, List, List, Map)} of a source of about {@code rows} rows (0: not known), as one
     * statement or as several over disjoint sets of keys, whichever the database merges in less memory; run in one
     * transaction, they do what the one statement would. One statement by default.
     */
    default List<String> upsertInParts(String target, String source, List<String> columns, List<String> key,
                                       Map<String, String> targetTypes, long rows) {
        return List.of(upsert(target, source, columns, key, targetTypes));
    }

    /** Whether this database's upsert wants the target's column types ({@link #upsert(String, String, List, List, Map)}). */
    default boolean upsertSkipsUnchanged() {
        return false;
    }

    /**
     * The condition of an upsert that leaves unchanged rows alone: some non-key column of the target {@code t}
     * differs from the staged {@code s} as the update would store it. {@code comparedAs} gives the type a column's
     * staged value is cast to before the comparison (from its type as {@link #existingColumnsQuery} reports it), or
     * null for a type whose equality is not known here: that column compares as {@code textType} text, which at worst
     * rewrites a row whose text changed but not its value. A column missing from {@code targetTypes} compares as text
     * too (the update then fails with the database's own error). Null when every column is a key column.
     */
    static String valuesDiffer(Dialect d, List<String> columns, List<String> key, Map<String, String> targetTypes,
                               Function<String, String> comparedAs, String textType) {
        String changed = columns.stream().filter(c -> !key.contains(c)).map(c -> {
            String type = targetTypes.get(c) == null ? null : comparedAs.apply(targetTypes.get(c));
            return type != null
                    ? "t." + d.quote(c) + " IS DISTINCT FROM CAST(s." + d.quote(c) + " AS " + type + ")"
                    : "CAST(t." + d.quote(c) + " AS " + textType + ") IS DISTINCT FROM CAST(s." + d.quote(c) + " AS "
                    + textType + ")";
        }).collect(Collectors.joining(" OR "));
        return changed.isEmpty() ? null : changed;
    }

    /**
     * SQL's MERGE of {@link #upsert(String, String, List, List)}; a matched row is updated only where
     * {@code matchedCondition} (over {@code t} and {@code s}) holds, when it is not null.
     */
    static String merge(Dialect d, String target, String source, List<String> columns, List<String> key,
                        String matchedCondition) {
        return merge(d, target, source, columns, key, matchedCondition, null);
    }

    /**
     * {@link #merge(Dialect, String, String, List, List, String)} that matches only the target rows for which
     * {@code targetCondition} (over {@code t}) holds, when it is not null.
     */
    static String merge(Dialect d, String target, String source, List<String> columns, List<String> key,
                        String matchedCondition, String targetCondition) {
        StringBuilder sql = new StringBuilder("MERGE INTO ").append(target).append(" AS t USING (").append(source)
                .append(") AS s ON ");
        sql.append(key.stream().map(k -> "t." + d.quote(k) + " = s." + d.quote(k)).collect(Collectors.joining(" AND ")));
        if (targetCondition != null) {
            sql.append(" AND ").append(targetCondition);
        }
        List<String> updated = columns.stream().filter(c -> !key.contains(c)).toList();
        if (!updated.isEmpty()) {
            sql.append(" WHEN MATCHED").append(matchedCondition == null ? "" : " AND (" + matchedCondition + ")")
                    .append(" THEN UPDATE SET ").append(updated.stream()
                    .map(c -> d.quote(c) + " = s." + d.quote(c)).collect(Collectors.joining(", ")));
        }
        sql.append(" WHEN NOT MATCHED THEN INSERT (")
                .append(columns.stream().map(d::quote).collect(Collectors.joining(", "))).append(") VALUES (")
                .append(columns.stream().map(c -> "s." + d.quote(c)).collect(Collectors.joining(", "))).append(")");
        return sql.toString();
    }

    /**
     * Whether table writes without declared columns work here ({@link InferredSchema}): they stage text and cast it
     * with {@link #inferredType} names, which a dialect must spell for its database before it says true.
     */
    default boolean infersColumns() {
        return true;
    }

    /**
     * The column type a table write gives a column whose type was inferred from the records ({@link InferredKind}).
     * Standard SQL names by default; a dialect overrides the ones it spells differently (PostgreSQL's {@code jsonb}).
     */
    default String inferredType(InferredKind kind) {
        return switch (kind) {
            case BIGINT -> "BIGINT";
            case DECIMAL -> "DECIMAL(" + InferredKind.DECIMAL_DIGITS + ",0)";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMPTZ -> "TIMESTAMP WITH TIME ZONE";
            case DATE -> "DATE";
            case JSON -> "JSON";
            case TEXT, NONE -> "TEXT";
        };
    }

    /**
     * Why a column of {@code type} (as {@link #inferredType} or {@link #existingColumnsQuery} spells it) cannot hold a
     * JSON value with the NUL character (U+0000, {@code \\u0000} in its text), in a few words; null where it can.
     */
    default String refusesNulInJson(String type) {
        return null;
    }

    /**
     * The query that lists the columns of an existing table for a write with inferred columns: column name and type
     * text (what {@link #inferredKind} reads and a CAST can name), in table order, binding the namespace as
     * {@link #stored} spells it and the table as {@link #tableKey} does. information_schema's {@code data_type} by
     * default, which DuckDB spells in full ({@code DECIMAL(38,0)}); a dialect whose {@code data_type} drops what the
     * type needs (PostgreSQL's and MySQL's numeric precision, MySQL's {@code tinyint(1)}, Snowflake's NUMBER
     * precision) asks for more.
     */
    default String existingColumnsQuery() {
        return "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ? AND "
                + tableNameIs("table_name") + " ORDER BY ordinal_position";
    }

    /**
     * Whether a child table that a merging parent's commit creates ({@code child_tables}) gets an index on its
     * {@code _parent_} columns, which every later merge deletes the children of its keys by: a load of 1,000 parents
     * into a table with 4M children scans them all without it. Only where the index is made in the commit's
     * transaction and takes the link columns' types (PostgreSQL); DuckDB maintains its indexes at a cost to every
     * load, and MySQL's text links are LONGTEXT.
     */
    default boolean indexesChildLinks() {
        return false;
    }

    /**
     * What the database compares when it tells two table names apart: the stored name ({@link #stored}), unless its
     * table names ignore case (DuckDB), where {@link #tableNameIs} compares a catalog's names to this.
     */
    default String tableKey(String table) {
        return stored(table);
    }

    /**
     * The condition that a catalog's table name {@code column} is the table whose {@link #tableKey} is bound to the
     * parameter it holds: {@code table_name = ?}, unless the database's table names ignore case.
     */
    default String tableNameIs(String column) {
        return column + " = ?";
    }

    /**
     * The kind of an existing column from the type text of {@link #existingColumnsQuery}, or null for a type outside
     * the lattice (the value's text goes in and the database converts it).
     */
    default InferredKind inferredKind(String type) {
        return InferredKind.ofSqlType(type);
    }

    /**
     * The expression that moves a column of an inferred target's staging table (text) into the target's {@code
     * column}: {@link #fromStaging} where staging is text anyway, else a CAST.
     */
    default String fromText(ColumnDef column) {
        return stagesAsText() ? fromStaging(column) : "CAST(" + quote(column.name()) + " AS " + typeSql(column.type())
                + ")";
    }

    /**
     * The statements that widen {@code column} of the existing {@code target} (qualified) to {@code type}, an
     * {@link #inferredType} name, converting the values it holds (schema_evolution: evolve).
     */
    default List<String> widenColumn(String target, String column, String type) {
        return List.of("ALTER TABLE " + target + " ALTER COLUMN " + quote(column) + " TYPE " + type + " USING CAST("
                + quote(column) + " AS " + type + ")");
    }

    /** {@code text} as an SQL string literal: in single quotes, quotes doubled (standard SQL). */
    default String stringLiteral(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A declared column type as this database spells it in DDL: as written, unless a dialect maps it. */
    default String typeSql(ColumnType type) {
        return type.sql();
    }

    /**
     * The type of a PRIMARY KEY column (a merge's key): {@link #typeSql} unless the database cannot index that type
     * whole (MySQL indexes no LONGTEXT without a prefix length).
     */
    default String keyTypeSql(ColumnType type) {
        return typeSql(type);
    }

    /**
     * How a transform creates its missing target from its staged result {@code staging} (qualified) with the
     * {@code columns} named: as {@link TableMove#likeStaging}, unless the database must be told more about the key
     * columns (MySQL indexes no LONGTEXT), which it may read from the staging table on {@code c}.
     */
    default java.util.function.BiFunction<String, List<String>, List<String>> createLikeStaging(
            Connection c, String staging, List<String> columns) throws SQLException {
        return TableMove.likeStaging(this, staging, columns);
    }

    /**
     * How the merge into {@code namespace.table} (which exists) compares the values of its {@code key} columns
     * ({@link KeyComparison}): as they are, unless the database gives each column a collation of its own.
     */
    default KeyComparison keyComparison(Connection c, String namespace, String table, List<String> key)
            throws SQLException {
        return KeyComparison.AS_IS;
    }

    /**
     * Before an upsert into the existing {@code namespace.table}: fails when this database's upsert cannot find the
     * rows of {@code key} there. Nothing to check for SQL's MERGE, which matches on the key itself; MySQL's
     * {@code ON DUPLICATE KEY UPDATE} needs a PRIMARY KEY or UNIQUE index on exactly those columns.
     */
    default void checkUpsertKey(Connection c, String namespace, String table, List<String> key) throws SQLException {
    }

    /**
     * The refused value a failed load names ({@code e}: a bulk load of text rows into a table with column types),
     * its row counted within that load; null when the error is not about a value or does not say where it is.
     */
    default Misfit misfitIn(SQLException e) {
        return null;
    }

    /**
     * Whether the staging of declared columns carries every row's load number ({@link TableMove#ROW_COLUMN}), not
     * only a merge's: where a staging table keeps no order of its own (Snowflake has no {@code rowid}), it is how
     * {@link #firstMisfitQuery} names the row of a refused value, or, where there is no such query, how
     * {@link MisfitBisection} narrows the rows down to it.
     */
    default boolean numbersStagedRows() {
        return false;
    }

    /**
     * The column of the database's own that orders a staging table's rows as they were loaded, where staging carries
     * no load number ({@link #numbersStagedRows}): PostgreSQL's {@code ctid}, in a temporary table that bulk loads
     * only ever append to. Null where there is none. Read only after a failed move, to number a copy of staging for
     * {@link MisfitBisection}.
     */
    default String loadOrderColumn() {
        return null;
    }

    /**
     * The expression over a staging table that gives each staged row's number from 1 in load order: its
     * {@link TableMove#ROW_COLUMN} where it carries one ({@link #numbersStagedRows}).
     */
    default String stagedRowNumber() {
        return fromStaging(StagedWrites.ROW_NUMBER);
    }

    /**
     * A number for each row of a query's result, distinct and rising as the rows come: a {@code transform}'s merge
     * keeps the row with the largest of each key. Snowflake's ROW_NUMBER needs an ORDER BY, which a query's own
     * order does not give.
     */
    default String resultRowNumber() {
        return "ROW_NUMBER() OVER ()";
    }

    /**
     * Whether a query refuses a value as the move's INSERT does, so that a conversion can be tried by a query
     * ({@link MisfitBisection}); MySQL's strict mode refuses values only in writes.
     */
    default boolean refusesInQueries() {
        return true;
    }

    /**
     * A query over the text staging table {@code staging} (qualified) that returns the first staged row (its number
     * from 1, as {@code r}) whose value of one of {@code columns} does not convert, with the column's name ({@code c})
     * and the value ({@code v}); null where the database cannot try a conversion without failing.
     */
    default String firstMisfitQuery(String staging, List<ColumnDef> columns) {
        return null;
    }

    /**
     * Whether a column of {@code type} holds bytes (PostgreSQL's bytea, a BLOB): {@code type} as {@link #typeSql}
     * spells a declared type, or as {@link #existingColumnsQuery} reports an existing column's, one of
     * {@link #binaryTypeNames} without its length. A value landing in such a column is staged as {@link #binaryText}
     * writes it.
     */
    default boolean isBinary(String type) {
        return binaryTypeNames().contains(bareType(type));
    }

    /** This database's binary types, in lower case ({@link #isBinary}); none unless the dialect names them. */
    default Set<String> binaryTypeNames() {
        return Set.of();
    }

    /**
     * The staged text of {@code value} in a binary column ({@link #isBinary}): for bytes ({@link PythonBytes#of}),
     * {@link #stagedBytes}; any other value as {@link ValueText#of} writes it, which the database converts as it
     * converts text.
     */
    default String binaryText(Object value) {
        byte[] bytes = PythonBytes.of(value);
        return bytes == null ? ValueText.of(value) : stagedBytes(bytes);
    }

    /**
     * Text that this database's conversion of staged text into a binary column turns into exactly {@code bytes}
     * ({@link #binaryText}); {@link ValueText#of}'s Base64 where the dialect names no binary types.
     */
    default String stagedBytes(byte[] bytes) {
        return ValueText.of(bytes);
    }

    /**
     * The value a refusal names ({@link Misfit}), from the text {@code staged} in the declared {@code column}: that
     * text, unless the dialect stages the column's values in another form ({@link #binaryText}).
     */
    default String refusedValue(ColumnDef column, String staged) {
        return staged;
    }

    /** The type a staging column is created with. */
    default String stagingType(ColumnDef column) {
        return stagesAsText() ? "VARCHAR" : typeSql(column.type());
    }

    /** The expression that moves a staged column into the target: a cast when staging holds text. */
    default String fromStaging(ColumnDef column) {
        return stagesAsText() ? "CAST(" + quote(column.name()) + " AS " + typeSql(column.type()) + ")"
                : quote(column.name());
    }

    /**
     * Where DDL is not transactional: the statements that add {@code add} to {@code target} (qualified) and drop
     * {@code drop} from it. One ALTER with every change by default, which MySQL applies whole or not at all.
     */
    default List<String> alterColumns(String target, List<ColumnDef> add, List<String> drop) {
        List<String> changes = new java.util.ArrayList<>();
        add.forEach(c -> changes.add("ADD COLUMN " + quote(c.name()) + " " + typeSql(c.type())));
        drop.forEach(c -> changes.add("DROP COLUMN " + quote(c)));
        return changes.isEmpty() ? List.of() : List.of("ALTER TABLE " + target + " " + String.join(", ", changes));
    }

    /**
     * Statements that set up a session that lands rows, and those that undo them before the session goes back to the
     * pool: on PostgreSQL, text without a UTC offset going into a {@code timestamp with time zone} column is read in
     * the session's time zone, which the JDBC driver sets to the JVM's (the machine's); landing reads it as UTC, so the
     * same record is the same instant on every machine. Empty where the database needs none.
     */
    default List<String> landingSessionSetup() {
        return List.of();
    }

    /** What {@link #landingSessionSetup()} undoes. */
    default List<String> landingSessionTeardown() {
        return List.of();
    }

    /**
     * The statement that keeps other sessions from writing to {@code qualifiedTable} until this transaction ends, so
     * that the largest {@link RowNumber#COLUMN} read after it stays the largest ({@code child_tables} under append);
     * null where no other session can write meanwhile.
     */
    default String lockAgainstWriters(String qualifiedTable) {
        return null;
    }

    /** The statement that drops a staging table of the session (temporary; null namespace when unqualified). */
    default String dropStaging(String qualifiedName) {
        return "DROP TABLE IF EXISTS " + qualifiedName;
    }

    /** {@code type} in lower case without its length or precision: {@code varbinary} of {@code VARBINARY(16)}. */
    static String bareType(String type) {
        String t = type.strip().toLowerCase(java.util.Locale.ROOT);
        int paren = t.indexOf('(');
        return paren < 0 ? t : t.substring(0, paren).strip();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String trimmed = message.strip();
        int nl = trimmed.indexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
    }
}
