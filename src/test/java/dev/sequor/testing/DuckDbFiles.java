package dev.sequor.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** Opens a DuckDB file directly, for tests that check what a run left in it. */
public final class DuckDbFiles {

    private DuckDbFiles() {
    }

    public static Connection connect(Path file) throws SQLException {
        // called directly rather than through DriverManager, which refuses drivers of another class loader
        return new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:" + file.toAbsolutePath(), new Properties());
    }
}
