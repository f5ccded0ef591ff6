package dev.sequor.db;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB connections: one database handle per source, opened once per run; every piece of work gets its own
 * {@code duplicate()} of it (cheap, shares the database) so a streamed read and a write never share a connection.
 * DuckDB's home, extension and spill folders point into Sequor's cache folder instead of the user's home.
 * <p>
 * Unless the source sets {@code allow_external_access: true}, the database is opened with DuckDB's external access
 * off and its configuration locked: SQL from templates and snippets ({@code query_value}, {@code query}) could
 * otherwise read and write any host file ({@code read_text('/etc/passwd')}, {@code COPY ... TO}) around the Python
 * sandbox. The source's own database file, the spill folder and the Appender keep working.
 */
final class DuckDbConnector implements Connector {

    private final DuckDBConnection handle;

    private DuckDbConnector(DuckDBConnection handle) {
        this.handle = handle;
    }

    /** Settings that would undo the lock-down; refused in conn_str unless the source opts in. */
    private static final Set<String> ACCESS_SETTINGS = Set.of("enable_external_access", "lock_configuration",
            "allowed_directories", "allowed_paths");

    /** The {@code type: duckdb} source: {@code conn_str}, {@code allow_external_access}. */
    static SourceType.Opened open(SourceConfig config) {
        String connStr = config.connStr("duckdb:///data/warehouse.db");
        DuckDbUrl url = DuckDbUrl.parse(connStr, config.projectDir());
        if (url == null) {
            throw config.notUnderstood("duckdb",
                    "duckdb:///relative/path.db, duckdb:////absolute/path.db, duckdb:///:memory: or jdbc:duckdb:path");
        }
        boolean allowExternalAccess = config.flag("allow_external_access");
        return new SourceType.Opened(DuckDbDialect.INSTANCE,
                open(config.sourceName(), url, config.cacheDir(), allowExternalAccess, config.pos()));
    }

    static DuckDbConnector open(String sourceName, DuckDbUrl url, Path cacheDir, boolean allowExternalAccess,
                                SourcePos pos) {
        Path duckdbDir = cacheDir.resolve("duckdb");
        Properties props = new Properties();
        try {
            props.setProperty("home_directory", createDir(duckdbDir));
            props.setProperty("extension_directory", createDir(duckdbDir.resolve("extensions")));
            props.setProperty("secret_directory", createDir(duckdbDir.resolve("secrets")));
            props.setProperty("temp_directory", createDir(duckdbDir.resolve("tmp")));
            if (url.file() != null && url.file().getParent() != null) {
                // Like a fresh project's "data/" folder: DuckDB creates the file but not its folder.
                Files.createDirectories(url.file().getParent());
            }
        } catch (IOException e) {
            throw SequorException.failed(pos, "Cannot connect to database source '" + sourceName
                    + "': cannot create a folder DuckDB needs (" + e.getMessage() + ")", e);
        }
        // Results are streamed chunk by chunk instead of being materialised whole (for_each over big tables).
        props.setProperty("jdbc_stream_results", "true");
        url.settings().forEach(props::setProperty);
        if (!allowExternalAccess) {
            for (String key : url.settings().keySet()) {
                if (ACCESS_SETTINGS.contains(key.toLowerCase(Locale.ROOT))) {
                    throw SequorException.invalid(pos, "Source '" + sourceName + "' sets '" + key + "' in conn_str;"
                            + " DuckDB sources cannot reach host files unless the source file sets"
                            + " 'allow_external_access: true'.");
                }
            }
            props.setProperty("enable_external_access", "false");
            props.setProperty("lock_configuration", "true");
        }
        try {
            // The driver is called directly: DriverManager refuses drivers registered by another class loader
            // (as happens when Quarkus tests and plain tests share a JVM).
            Connection c = new org.duckdb.DuckDBDriver().connect(url.jdbcUrl(), props);
            return new DuckDbConnector(c.unwrap(DuckDBConnection.class));
        } catch (SQLException e) {
            throw SequorException.failed(pos, "Cannot connect to database source '" + sourceName + "': "
                    + DuckDbDialect.INSTANCE.errorText(e), e);
        }
    }

    private static String createDir(Path dir) throws IOException {
        return Files.createDirectories(dir).toAbsolutePath().toString();
    }

    @Override
    public Connection acquire() throws SQLException {
        return handle.duplicate();
    }

    @Override
    public void close() {
        try {
            handle.close();
        } catch (SQLException ignored) {
            // Closing at the end of a run; the database file is already consistent after each commit.
        }
    }
}
