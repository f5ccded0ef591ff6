package dev.sequor.db;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * PostgreSQL: schema {@code public}, COPY FROM STDIN for bulk loads into temporary staging tables, cursors only
 * inside transactions.
 */
public final class PostgresDialect implements Dialect {

    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private final BulkLoader loader = new PostgresCopyLoader();

    private PostgresDialect() {
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public String defaultNamespace() {
        return "public";
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
    public boolean streamsInTransaction() {
        return true;
    }

    /** The server's message without pgjdbc's "ERROR:" prefix and "Position:"/"Where:" lines. */
    @Override
    public String errorText(SQLException e) {
        if (e instanceof PSQLException pe) {
            ServerErrorMessage server = pe.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return Dialect.firstLine(server.getMessage());
            }
        }
        return Dialect.firstLine(e.getMessage());
    }
}
