package dev.sequor.db;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A {@link Database} over JDBC: the behaviour is common, the differences come from the {@link Dialect}. */
final class JdbcDatabase implements Database {

    private final String sourceName;
    private final Dialect dialect;
    private final Connector connector;
    private final String defaultNamespace;
    private final Consumer<String> notices;
    /** Namespaces already cleared of earlier runs' staging leftovers in this run. */
    private final Set<String> swept = ConcurrentHashMap.newKeySet();

    /**
     * @param defaultNamespace where unqualified table writes land ({@link Dialect#currentNamespace})
     * @param notices          where the one line about dropped leftovers goes (the run log)
     */
    JdbcDatabase(String sourceName, Dialect dialect, Connector connector, String defaultNamespace,
                 Consumer<String> notices) {
        this.sourceName = sourceName;
        this.dialect = dialect;
        this.connector = connector;
        this.defaultNamespace = defaultNamespace;
        this.notices = notices;
    }

    /**
     * The database over {@code connector}, whose default namespace is asked of one connection now; a source whose
     * connections have none (a MySQL conn_str without a database) is refused here, at the op that first uses it.
     */
    static JdbcDatabase open(String sourceName, Dialect dialect, Connector connector, Consumer<String> notices,
                             SourcePos pos) {
        String namespace;
        try (Connection c = connector.acquire()) {
            namespace = dialect.currentNamespace(c);
        } catch (SQLException e) {
            connector.close();
            throw SequorException.failed(pos, "Cannot connect to database source '" + sourceName + "': "
                    + dialect.errorText(e), e);
        }
        if (namespace == null || namespace.isBlank()) {
            connector.close();
            throw SequorException.invalid(pos, "Source '" + sourceName + "' names no database to write to; add one to"
                    + " its connection string (e.g. mysql://host:3306/analytics)");
        }
        return new JdbcDatabase(sourceName, dialect, connector, namespace, notices);
    }

    @Override
    public String sourceName() {
        return sourceName;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String defaultNamespace() {
        return defaultNamespace;
    }

    /** A session on a fresh connection; callers close it. Also used by {@link TableWriteBatch}. */
    SqlSession openSession() {
        try {
            return new SqlSession(sourceName, dialect, connector.acquire());
        } catch (SQLException e) {
            throw SequorException.failed(null, "Cannot connect to database source '" + sourceName + "': "
                    + Dialect.firstLine(e.getMessage()), e);
        }
    }

    /**
     * Before the first write of this run to {@code namespace}: drops the staging tables earlier runs left there
     * (see {@link StagingLeftovers} for why that is safe) and says so in one line.
     */
    void dropStagingLeftovers(SqlSession session, String namespace) {
        if (!swept.add(namespace)) {
            return;
        }
        List<String> dropped = StagingLeftovers.drop(session, connector, namespace);
        if (!dropped.isEmpty()) {
            notices.accept(StagingLeftovers.notice(sourceName, namespace, dropped));
        }
    }

    @Override
    public List<Row> query(String sql) {
        try (SqlSession session = openSession()) {
            return session.query(sql);
        }
    }

    @Override
    public void forEachRow(String sql, RowHandler handler) {
        try (SqlSession session = openSession()) {
            if (dialect.streamsInTransaction()) {
                session.inTransaction(c -> stream(session, c, sql, handler));
            } else {
                session.call(c -> stream(session, c, sql, handler));
            }
        }
    }

    /**
     * Reads row by row. SQL failures become "SQL error" failures; the handler's own exceptions pass through
     * untouched (they are not SQL errors), checked ones wrapped once.
     */
    private Void stream(SqlSession session, Connection c, String sql, RowHandler handler) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setFetchSize(dialect.fetchSize());
            if (!s.execute(sql)) {
                return null;
            }
            try (ResultSet rs = s.getResultSet()) {
                ResultValues values = ResultValues.of(rs, dialect);
                while (rs.next()) {
                    Row row = values.read(rs);
                    try {
                        handler.accept(row);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw SequorException.failed(null, Dialect.firstLine(e.getMessage()), e);
                    }
                }
            }
        }
        return null;
    }

    @Override
    public void execute(String sql) {
        try (SqlSession session = openSession()) {
            session.execute(sql);
        }
    }

    @Override
    public void executeInTransaction(List<String> statements, java.util.function.Consumer<String> before) {
        try (SqlSession session = openSession()) {
            session.inTransaction(c -> {
                for (String statement : statements) {
                    before.accept(statement);
                    SqlSession.executeOn(c, statement);
                }
                return null;
            });
        }
    }

    /**
     * Builds the new table under a staging name first, then swaps it in, all in one transaction: the select may
     * read the table it replaces, and a failing select leaves the old table in place. The staging table exists
     * only inside that transaction (no other session sees it; a crash or a dropped connection rolls it back), so
     * it can be a real table in the namespace and be renamed into place.
     */
    @Override
    public long replaceTableAs(String namespace, String table, String selectSql) {
        String staging = stagingName(table, dialect);
        String select = withoutTrailingSemicolons(selectSql);
        try (SqlSession session = openSession()) {
            dropStagingLeftovers(session, namespace == null ? defaultNamespace() : namespace);
            if (!dialect.transactionalDdl()) {
                // the swap asks whether the table exists, which needs its namespace named
                return RenameSwap.replaceTableAs(session, namespace == null ? defaultNamespace() : namespace, table,
                        select);
            }
            return session.inTransaction(c -> {
                String stagingTable = dialect.qualified(namespace, staging);
                long rows = SqlSession.countOn(c, "CREATE TABLE " + stagingTable + " AS " + select);
                if (rows < 0) {
                    // the driver does not say (DuckDB): the new table knows; counting costs little next to making it
                    rows = SqlSession.longOn(c, "SELECT count(*) FROM " + stagingTable);
                }
                for (String sql : dialect.renameOver(namespace, staging, table)) {
                    SqlSession.executeOn(c, sql);
                }
                return rows;
            });
        }
    }

    /**
     * Stages the query's result in a temporary table of the transaction (numbering its rows, in the query's order, so
     * that a merge keeps the last row of each key), then moves it in as {@link TableMove} says for the mode.
     */
    @Override
    public long writeQueryResult(String namespace, String table, String selectSql, WriteSpec requested) {
        if (requested.mode() == WriteMode.CREATE) {
            return replaceTableAs(namespace, table, selectSql);
        }
        String ns = namespace == null ? defaultNamespace() : namespace;
        String stagingName = stagingName(table, dialect);
        String staging = dialect.qualified(dialect.stagingNamespace(), stagingName);
        String select = withoutTrailingSemicolons(selectSql);
        try (SqlSession session = openSession()) {
            dropStagingLeftovers(session, ns);
            return session.inTransaction(c -> {
                List<String> columns = stageQuery(c, stagingName, select, requested);
                WriteSpec write = keyedByColumns(requested, columns);
                boolean exists = SqlSession.tableExistsOn(c, dialect, ns, table);
                // only a merge creates its target with a key, which a dialect may need to read staging for
                TableMove move = new TableMove(dialect, dialect.qualified(ns, table), staging, columns,
                        columns.stream().map(dialect::quote).toList(), dialect.quote(TableMove.ROW_COLUMN),
                        !exists && write.mode() == WriteMode.MERGE ? dialect.createLikeStaging(c, staging, columns)
                                : TableMove.likeStaging(dialect, staging, columns));
                if (exists && write.mode() == WriteMode.MERGE && write.strategy() == MergeStrategy.UPSERT) {
                    dialect.checkUpsertKey(c, ns, table, write.primaryKey());
                }
                for (String sql : move.prepare(write, exists)) {
                    SqlSession.executeOn(c, sql);
                }
                if (write.mode() == WriteMode.MERGE) { // the target exists now: its key says how keys compare
                    move.comparingKeys(dialect.keyComparison(c, ns, table, write.primaryKey()));
                }
                List<String> statements = new java.util.ArrayList<>(move.move(write, exists));
                // the dialect's own drop: MySQL's plain DROP TABLE would commit the transaction half-way
                statements.add(dialect.dropStaging(staging));
                long rows = SqlSession.longOn(c, "SELECT count(*) FROM " + staging);
                for (String sql : statements) {
                    SqlSession.executeOn(c, sql);
                }
                return rows;
            });
        }
    }

    /**
     * The merge key named as the result's columns are: where the database folds names (Snowflake), the flow's
     * {@code id} is the result's {@code ID}, and only the column's own name keeps it out of the columns a merge updates.
     */
    private WriteSpec keyedByColumns(WriteSpec write, List<String> columns) {
        if (write.mode() != WriteMode.MERGE) {
            return write;
        }
        List<String> key = write.primaryKey().stream().map(k -> columns.stream()
                .filter(c -> dialect.stored(c).equals(dialect.stored(k))).findFirst().orElse(k)).toList();
        return new WriteSpec(write.mode(), key, write.strategy(), write.evolution());
    }

    /**
     * Runs the query into a temporary table of the transaction and returns its result's column names. A merge's
     * staging also numbers the rows in the query's order ({@link TableMove#ROW_COLUMN}), after its key and column
     * names were checked against the result's.
     */
    private List<String> stageQuery(Connection c, String stagingName, String select, WriteSpec write)
            throws SQLException {
        String create = "CREATE TEMPORARY TABLE " + dialect.quote(stagingName) + " AS ";
        if (write.mode() != WriteMode.MERGE) {
            SqlSession.executeOn(c, create + select);
            return SqlSession.columnsOn(c, "SELECT * FROM " + dialect.qualified(dialect.stagingNamespace(),
                    stagingName) + " WHERE 1 = 0");
        }
        List<String> columns = SqlSession.columnsOn(c, "SELECT * FROM (" + select + ") q LIMIT 0");
        if (TableMove.reservedColumn(columns) != null) {
            throw SequorException.invalid(null, "Column '" + TableMove.reservedColumn(columns) + "' of the query's"
                    + " result has a name that write_mode merge uses for itself; rename it");
        }
        List<String> stored = columns.stream().map(dialect::stored).toList();
        for (String key : write.primaryKey()) {
            if (!stored.contains(dialect.stored(key))) {
                throw SequorException.invalid(null, "primary_key column '" + key + "' is not a column of the query's"
                        + " result; its columns: " + String.join(", ", columns));
            }
        }
        SqlSession.executeOn(c, create + "SELECT q.*, " + dialect.resultRowNumber() + " AS "
                + dialect.quote(TableMove.ROW_COLUMN) + " FROM (" + select + ") q");
        return columns;
    }

    @Override
    public List<String> columnNames(String namespace, String table) {
        List<String> names = columnNamesIfAny(namespace, table);
        if (names.isEmpty()) {
            throw SequorException.failed(null, "Table " + dialect.qualified(namespace == null ? defaultNamespace()
                    : namespace, table) + " does not exist on source '" + sourceName + "'");
        }
        return names;
    }

    @Override
    public List<String> columnNamesIfAny(String namespace, String table) {
        String ns = namespace == null ? defaultNamespace() : namespace;
        try (SqlSession session = openSession()) {
            List<Row> rows = session.query("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_schema = ? AND " + dialect.tableNameIs("table_name") + " ORDER BY ordinal_position",
                    dialect.stored(ns), dialect.tableKey(table));
            return rows.stream().map(r -> String.valueOf(r.get(0))).toList();
        }
    }

    @Override
    public void alterColumns(String namespace, String table, List<ColumnDef> add, List<String> drop) {
        String target = dialect.qualified(namespace == null ? defaultNamespace() : namespace, table);
        List<String> changes = new java.util.ArrayList<>();
        add.forEach(column -> changes.add("ADD COLUMN " + dialect.quote(column.name()) + " "
                + dialect.typeSql(column.type())));
        drop.forEach(column -> changes.add("DROP COLUMN " + dialect.quote(column)));
        try (SqlSession session = openSession()) {
            if (!dialect.transactionalDdl()) {
                // each ALTER commits on its own: as few statements as the database allows
                for (String sql : dialect.alterColumns(target, add, drop)) {
                    session.execute(sql);
                }
                return;
            }
            session.inTransaction(c -> {
                for (String change : changes) {
                    SqlSession.executeOn(c, "ALTER TABLE " + target + " " + change);
                }
                return null;
            });
        }
    }

    /**
     * A name no flow uses ({@link StagingLeftovers#PREFIX}, a random part, the table). The random part comes first so
     * that PostgreSQL's 63-character truncation of long names cannot make two staging names equal, and so that the
     * name can be cut to the longest one the database accepts ({@link Dialect#maxIdentifierLength()}).
     */
    static String stagingName(String table, Dialect dialect) {
        String name = StagingLeftovers.PREFIX + UUID.randomUUID().toString().substring(0, 8) + "_" + table;
        return name.length() <= dialect.maxIdentifierLength() ? name : name.substring(0, dialect.maxIdentifierLength());
    }

    private static String withoutTrailingSemicolons(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    void close() {
        connector.close();
    }

    @Override
    public String toString() {
        return dialect.displayName() + " source '" + sourceName + "'";
    }
}
