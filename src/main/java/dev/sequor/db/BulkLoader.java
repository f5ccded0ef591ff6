package dev.sequor.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Appends rows of text values (null = NULL) to an existing table with the database's fastest path. */
public interface BulkLoader {

    /**
     * @param columns column names, in the order of each row's values
     * @param rows    values already rendered as text by {@link ValueText}
     */
    void load(Connection connection, String namespace, String table, List<String> columns, List<String[]> rows)
            throws SQLException;
}
