package dev.sequor.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads rows with {@code COPY ... FROM STDIN} in PostgreSQL's text format (about 5x faster than JDBC batches).
 * The pooled connection is unwrapped to pgjdbc's own to reach the copy API.
 */
final class PostgresCopyLoader implements BulkLoader {

    /** Bytes buffered before each write to the server. */
    private static final int CHUNK = 1 << 16;

    @Override
    public void load(Connection connection, String namespace, String table, List<String> columns, List<String[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Dialect d = PostgresDialect.INSTANCE;
        String sql = "COPY " + d.qualified(namespace, table)
                + columns.stream().map(d::quote).collect(Collectors.joining(", ", " (", ")")) + " FROM STDIN";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            PostgresCopyText text = new PostgresCopyText(CHUNK + 1024);
            long number = 0;
            for (String[] row : rows) {
                number++;
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        text.put((byte) '\t');
                    }
                    try {
                        text.field(row[i]);
                    } catch (NulInText.Found nul) {
                        throw new NulInText(number, columns.get(i), row[i]);
                    }
                }
                text.put((byte) '\n');
                if (text.size() >= CHUNK) {
                    text.writeTo(copy);
                }
            }
            text.writeTo(copy);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
