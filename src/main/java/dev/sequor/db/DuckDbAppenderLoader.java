package dev.sequor.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Loads rows with DuckDB's Appender into a staging table whose columns are all VARCHAR (the Appender needs exact
 * Java types per column type; see {@link DuckDbDialect}). Columns must be the staging table's, in its order.
 * Staging tables are temporary: namespace {@code temp} is DuckDB's temp catalog, whose one schema is {@code main}.
 */
final class DuckDbAppenderLoader implements BulkLoader {

    @Override
    public void load(Connection connection, String namespace, String table, List<String> columns, List<String[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        try (DuckDBAppender appender = DuckDbDialect.TEMP_CATALOG.equals(namespace)
                ? duck.createAppender(DuckDbDialect.TEMP_CATALOG, "main", table) : duck.createAppender(namespace, table)) {
            for (String[] row : rows) {
                appender.beginRow();
                for (String value : row) {
                    if (value == null) {
                        appender.appendNull();
                    } else {
                        appender.append(value);
                    }
                }
                appender.endRow();
            }
        }
    }
}
