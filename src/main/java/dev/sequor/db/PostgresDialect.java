package dev.sequor.db;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** PostgreSQL: schema {@code public}, COPY FROM STDIN for bulk loads, cursors only inside transactions. */
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
