package dev.sequor.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * PostgreSQL: the connection's current schema (usually {@code public}), COPY FROM STDIN for bulk loads into temporary
 * staging tables, cursors only inside transactions.
 */
public final class PostgresDialect implements Dialect {

    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private final BulkLoader loader = new PostgresCopyLoader();

    private PostgresDialect() {
    }

    /** PostgreSQL's catalog lists a name past 63 bytes cut ({@link PostgresNames}). */
    @Override
    public String stored(String identifier) {
        return identifier == null ? null : PostgresNames.stored(identifier);
    }

    @Override
    public boolean indexesChildLinks() {
        return true;
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    /** Only a fallback: the namespace is the connection's current schema, see {@link #currentNamespace}. */
    @Override
    public String defaultNamespace() {
        return "public";
    }

    /**
     * The schema unqualified names resolve to on {@code c}: the first of its search_path that exists (a conn_str's
     * {@code currentSchema=}, the user's own schema), so that a table written without a namespace lands where the
     * source's queries read it. {@code public} when no schema of the search_path exists.
     */
    @Override
    public String currentNamespace(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT current_schema()"); ResultSet r = s.executeQuery()) {
            String schema = r.next() ? r.getString(1) : null;
            return schema != null ? schema : defaultNamespace();
        }
    }

    @Override
    public BulkLoader bulkLoader() {
        return loader;
    }

    /** COPY's text format converts to the column types itself, so staging tables carry the real types. */
    @Override
    public boolean stagesAsText() {
        return false;
    }

    /**
     * COPY converts text to the table's own column types, as the commit's CAST to them would: measured on 1M records
     * appended to an existing table, the commit's INSERT ... SELECT took 3.5 s of an 11 s op (docs/decisions.md,
     * "Pages go straight into the table on PostgreSQL").
     */
    @Override
    public boolean loadsInOpTransaction() {
        return true;
    }

    /**
     * COPY into a table fires its row triggers and checks its constraints as INSERT does, but ignores its rules, fires
     * its statement-level INSERT triggers once per COPY (once per page, where the commit's INSERT fired them once), and
     * does not take a view (which INSERT may update). So only a plain or partitioned table with neither qualifies.
     */
    @Override
    public boolean bulkLoadsAsInserts(Connection c, String namespace, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT c.relkind IN ('r', 'p') AND NOT c.relhasrules"
                + " AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND NOT g.tgisinternal"
                + " AND (g.tgtype & 1) = 0 AND (g.tgtype & 4) <> 0)"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ?")) {
            s.setString(1, stored(namespace));
            s.setString(2, stored(table));
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    /** Offset-less timestamps land as UTC ({@link Dialect#landingSessionSetup}). */
    @Override
    public List<String> landingSessionSetup() {
        return List.of("SET TimeZone TO 'UTC'");
    }

    /** Back to the zone the connection started with, for whoever borrows it next. */
    @Override
    public List<String> landingSessionTeardown() {
        return List.of("SET TimeZone TO DEFAULT");
    }

    /** Conflicts with every writer's lock (and its own), not with readers; held until the transaction ends. */
    @Override
    public String lockAgainstWriters(String qualifiedTable) {
        return "LOCK TABLE " + qualifiedTable + " IN SHARE ROW EXCLUSIVE MODE";
    }

    /**
     * A staging table is a temporary table that COPY only appends to, never updated or deleted from, so its rows lie
     * in load order.
     */
    @Override
    public String loadOrderColumn() {
        return "ctid";
    }

    /** {@code pg_temp}: the session's own temporary schema (CREATE TEMPORARY TABLE lands there). */
    @Override
    public String stagingNamespace() {
        return "pg_temp";
    }

    /**
     * Besides class 08, any error the server sends with severity FATAL or PANIC ends the session: 57P01 when the
     * backend is terminated (pg_terminate_backend, a fast shutdown), 57P02/57P03 on a crash or restart, 25P03 and
     * 57P05 on the idle timeouts. The driver closes the connection after it.
     */
    @Override
    public boolean connectionLost(SQLException e) {
        if (Dialect.super.connectionLost(e)) {
            return true;
        }
        Throwable t = e;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof PSQLException pe && pe.getServerErrorMessage() != null) {
                String severity = pe.getServerErrorMessage().getSeverity();
                if ("FATAL".equals(severity) || "PANIC".equals(severity)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The server's own words when it said why it ended the session ("terminating connection due to administrator
     * command", "the database system is shutting down"); otherwise what the socket reported ("Broken pipe",
     * "Connection reset"): pgjdbc's own text ("An I/O error occurred while sending to the backend.") says nothing
     * more. Which of the two a killed session produces depends on timing: whether the driver read the server's
     * last message before its next write was refused.
     */
    @Override
    public String lostReason(SQLException e) {
        Throwable root = e;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof PSQLException pe && pe.getServerErrorMessage() != null
                    && pe.getServerErrorMessage().getMessage() != null) {
                return Dialect.firstLine(pe.getServerErrorMessage().getMessage());
            }
            root = t;
        }
        if (root instanceof java.io.EOFException) {
            return "the server closed the connection";
        }
        if (root instanceof java.io.IOException && root.getMessage() != null) {
            return Dialect.firstLine(root.getMessage());
        }
        return errorText(e);
    }

    /**
     * TRUNCATE is transactional here and frees the old rows at once, where DELETE leaves them for VACUUM. It takes an
     * ACCESS EXCLUSIVE lock until the load commits, so readers of the table wait for the load's last statements
     * (the insert from staging) instead of seeing the old rows meanwhile.
     */
    @Override
    public String emptyTable(String target) {
        return "TRUNCATE TABLE " + target;
    }

    /**
     * Types (as information_schema's {@code data_type} names them, without length or precision) whose values compare
     * with {@code =} and that a value can be cast to by that name without losing anything: the comparison of
     * {@link #upsert(String, String, List, List, Map)}. {@code character} is left out: by that name it is char(1).
     */
    private static final Set<String> COMPARED_AS_THEMSELVES = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision", "boolean", "text", "character varying", "date", "timestamp with time zone",
            "timestamp without time zone", "time with time zone", "time without time zone", "interval", "uuid", "jsonb",
            "bytea");

    /**
     * A merge updates a matched row only when a value differs: an incremental load that brings back mostly unchanged
     * rows writes only the changed ones (PostgreSQL writes a new version of every row an UPDATE touches, and its
     * index entries, even when nothing changed). Measured in docs/decisions.md ("Merges leave unchanged rows alone").
     * The staged value is cast to the column's type without its length or precision, so the comparison sees what
     * the update would store, and a value too long for the column still fails as the update would; a type without
     * {@code =} (json, xml, geometric types, arrays and user types, whose equality is not known here) compares as text
     * ({@link Dialect#valuesDiffer}).
     */
    @Override
    public String upsert(String target, String source, List<String> columns, List<String> key,
                         Map<String, String> targetTypes) {
        String changed = Dialect.valuesDiffer(this, columns, key, targetTypes, type -> {
            // numeric(12,2) as existingColumnsQuery spells it: compared as numeric, without its precision
            int paren = type.indexOf('(');
            String name = (paren < 0 ? type : type.substring(0, paren)).toLowerCase(Locale.ROOT);
            return COMPARED_AS_THEMSELVES.contains(name) ? name : null;
        }, "text");
        return Dialect.merge(this, target, source, columns, key, changed);
    }

    @Override
    public boolean upsertSkipsUnchanged() {
        return true;
    }

    /**
     * information_schema's {@code data_type}, but a numeric with a precision spelled with it and its scale
     * ({@code numeric(38,0)}): {@code data_type} says only {@code numeric}, which would take a fraction the column
     * rounds away ({@link InferredSchema} widens a scale-0 decimal instead). An unconstrained numeric stays
     * {@code numeric}.
     */
    @Override
    public String existingColumnsQuery() {
        return "SELECT column_name, CASE WHEN data_type = 'numeric' AND numeric_precision IS NOT NULL"
                + " THEN 'numeric(' || numeric_precision || ',' || numeric_scale || ')' ELSE data_type END"
                + " FROM information_schema.columns WHERE table_schema = ? AND " + tableNameIs("table_name")
                + " ORDER BY ordinal_position";
    }

    /**
     * jsonb keeps its strings as text, which cannot hold NUL: the server refuses {@code \\u0000} with "unsupported
     * Unicode escape sequence", naming nothing when the value comes from an INSERT ... SELECT. json keeps the text as
     * it came, and takes it.
     */
    @Override
    public String refusesNulInJson(String type) {
        return type.equalsIgnoreCase("jsonb") ? "PostgreSQL jsonb cannot hold the NUL character (U+0000)" : null;
    }

    /** jsonb (indexable, compact) for objects and arrays; NUMERIC without a limit for integers beyond 64 bits. */
    @Override
    public String inferredType(InferredKind kind) {
        return switch (kind) {
            case JSON -> "JSONB";
            case DECIMAL -> "NUMERIC";
            default -> Dialect.super.inferredType(kind);
        };
    }

    @Override
    public Set<String> binaryTypeNames() {
        return BINARY_TYPES;
    }

    private static final Set<String> BINARY_TYPES = Set.of("bytea");

    /**
     * Bytes in bytea's hex format ({@code \x2d71...}), which COPY and a cast from text both read as those bytes; text
     * goes as it is, read by bytea's input as before (its escape format, or the hex format when it starts with
     * {@code \x}).
     */
    @Override
    public String stagedBytes(byte[] bytes) {
        return "\\x" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean streamsInTransaction() {
        return true;
    }

    /**
     * COPY's context line for a value a column refused: {@code COPY t, line 2, column id: "abc"}, after a line of the
     * type's own for some types ({@code JSON data, line 1: not...}).
     */
    private static final Pattern COPY_VALUE = Pattern.compile("COPY [^\\n]*?, line (\\d+), column (.+?): \"(.*)\"",
            Pattern.DOTALL);

    /**
     * A data error (SQLSTATE class 22) in a COPY, which says the line, column and value in its context, or a NUL the
     * loader refused before sending it ({@link NulInText}).
     */
    @Override
    public Misfit misfitIn(SQLException e) {
        if (e instanceof NulInText nul) {
            return nul.misfit();
        }
        if (!(e instanceof PSQLException pe) || pe.getServerErrorMessage() == null || e.getSQLState() == null
                || !e.getSQLState().startsWith("22")) {
            return null;
        }
        String where = pe.getServerErrorMessage().getWhere();
        Matcher m = where == null ? null : COPY_VALUE.matcher(where);
        return m != null && m.find() ? new Misfit(Long.parseLong(m.group(1)), m.group(2), m.group(3)) : null;
    }

    /**
     * The server's message without pgjdbc's "ERROR:" prefix and "Position:"/"Where:" lines. An object that depends on
     * what a statement changes (a view on a table that is dropped, or on a column whose type is altered, as an inferred
     * column's widening does) is named by the server's detail only ("view v depends on column x"): it is added.
     */
    @Override
    public String errorText(SQLException e) {
        if (e instanceof PSQLException pe) {
            ServerErrorMessage server = pe.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                String text = Dialect.firstLine(server.getMessage());
                boolean dependency = DEPENDENT_OBJECTS_STILL_EXIST.equals(e.getSQLState())
                        || FEATURE_NOT_SUPPORTED.equals(e.getSQLState()) && text.contains("used by a view or rule");
                return dependency && server.getDetail() != null
                        ? text + " (" + server.getDetail().strip().replace('\n', ' ') + ")" : text;
            }
        }
        return Dialect.firstLine(e.getMessage());
    }

    private static final String DEPENDENT_OBJECTS_STILL_EXIST = "2BP01";
    private static final String FEATURE_NOT_SUPPORTED = "0A000";
}
