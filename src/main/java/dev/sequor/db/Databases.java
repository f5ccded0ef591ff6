package dev.sequor.db;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The database sources of one run. Each source is opened once, on first use, and kept until {@link #close()}:
 * a PostgreSQL pool or a DuckDB handle per source name.
 */
public final class Databases implements AutoCloseable {

    private final Path projectDir;
    private final Path cacheDir;
    private final Consumer<String> notices;
    private final Map<String, JdbcDatabase> open = new LinkedHashMap<>();

    /**
     * @param projectDir folder that relative DuckDB file paths are resolved against
     * @param cacheDir   folder where DuckDB may write its own files (extensions, secrets, spill files)
     * @param notices    where housekeeping worth a line in the run log goes (staging tables of earlier runs that
     *                   were dropped)
     */
    public Databases(Path projectDir, Path cacheDir, Consumer<String> notices) {
        this.projectDir = projectDir;
        this.cacheDir = cacheDir;
        this.notices = notices;
    }

    /** Without a run log: notices are dropped (tests, tools). */
    public Databases(Path projectDir, Path cacheDir) {
        this(projectDir, cacheDir, notice -> { });
    }

    /**
     * The source named {@code sourceName}, opened with {@code renderedConfig} (the source file after Jinja
     * rendering: {@code type}, {@code conn_str}, {@code username}, {@code password}, for DuckDB
     * {@code allow_external_access}) the first time it is asked for.
     */
    public synchronized Database open(String sourceName, Map<String, Object> renderedConfig, SourcePos pos) {
        JdbcDatabase db = open.get(sourceName);
        if (db == null) {
            db = connect(sourceName, renderedConfig, pos);
            open.put(sourceName, db);
        }
        return db;
    }

    private JdbcDatabase connect(String sourceName, Map<String, Object> config, SourcePos pos) {
        Object type = config.get("type");
        if (type == null) {
            throw SequorException.invalid(pos, "Source '" + sourceName + "' has no 'type'; expected duckdb or postgres");
        }
        return switch (type.toString()) {
            case "postgres" -> {
                String connStr = connStr(sourceName, config, pos, "postgresql://host:5432/database");
                PostgresUrl url = PostgresUrl.parse(connStr, text(config.get("username")), text(config.get("password")));
                if (url == null) {
                    throw unsupported(sourceName, pos, "postgres",
                            "postgresql://[user[:password]@]host[:port]/database or jdbc:postgresql://host:port/database");
                }
                yield new JdbcDatabase(sourceName, PostgresDialect.INSTANCE, PostgresConnector.open(sourceName, url, pos),
                        notices);
            }
            case "duckdb" -> {
                String connStr = connStr(sourceName, config, pos, "duckdb:///data/warehouse.db");
                DuckDbUrl url = DuckDbUrl.parse(connStr, projectDir);
                if (url == null) {
                    throw unsupported(sourceName, pos, "duckdb",
                            "duckdb:///relative/path.db, duckdb:////absolute/path.db, duckdb:///:memory: or jdbc:duckdb:path");
                }
                boolean allowExternalAccess = flag(sourceName, config, "allow_external_access", pos);
                yield new JdbcDatabase(sourceName, DuckDbDialect.INSTANCE,
                        DuckDbConnector.open(sourceName, url, cacheDir, allowExternalAccess, pos), notices);
            }
            default -> throw SequorException.invalid(pos, "Unknown source type: " + type);
        };
    }

    private static String connStr(String sourceName, Map<String, Object> config, SourcePos pos, String example) {
        String connStr = text(config.get("conn_str"));
        if (connStr == null || connStr.isBlank()) {
            throw SequorException.invalid(pos, "Source '" + sourceName + "' has no 'conn_str'; expected a connection string such as "
                    + example);
        }
        return connStr;
    }

    /** The conn_str itself is not echoed: it may hold a password. */
    private static SequorException unsupported(String sourceName, SourcePos pos, String type, String forms) {
        return SequorException.invalid(pos, "Source '" + sourceName + "' of type " + type
                + " has a conn_str that is not understood; expected " + forms);
    }

    /** A true/false key of a source file (after rendering, "true" and "false" as text count too); absent is false. */
    private static boolean flag(String sourceName, Map<String, Object> config, String key, SourcePos pos) {
        Object value = config.get(key);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        String s = value.toString().strip().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return s.equals("true");
        }
        throw SequorException.invalid(pos, "'" + key + "' of source '" + sourceName + "' must be true or false, not '"
                + value + "'.");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Closes every pool and database handle; failures to close one do not keep the others open. */
    @Override
    public synchronized void close() {
        List<JdbcDatabase> all = new ArrayList<>(open.values());
        open.clear();
        for (JdbcDatabase db : all) {
            db.close();
        }
    }
}
