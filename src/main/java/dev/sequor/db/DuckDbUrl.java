package dev.sequor.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DuckDB {@code conn_str} turned into a JDBC URL. Accepts duckdb-engine's SQLAlchemy form
 * ({@code duckdb:///relative/path.db}, {@code duckdb:////abs/path.db}, {@code duckdb:///:memory:}, query
 * parameters becoming DuckDB settings) and {@code jdbc:duckdb:...}. Relative file paths are resolved against the
 * project folder, so a flow finds the same file whatever folder it is started from.
 *
 * @param jdbcUrl  {@code jdbc:duckdb:/abs/path.db} or {@code jdbc:duckdb:} for an in-memory database
 * @param settings DuckDB configuration options given in the URL's query string or the JDBC form's
 *                 {@code ;key=value} options: taken out of the URL because the driver lets URL options override
 *                 connection properties, and {@link DuckDbConnector} must have the last word on some of them
 */
record DuckDbUrl(String jdbcUrl, Map<String, String> settings) {

    /** The database file, or null for in-memory and extension-handled databases. */
    Path file() {
        String path = jdbcUrl.substring(PREFIX.length());
        return path.isEmpty() || !Path.of(path).isAbsolute() ? null : Path.of(path);
    }

    private static final String PREFIX = "jdbc:duckdb:";

    /** Returns null when {@code connStr} is not a DuckDB URL this class understands. */
    static DuckDbUrl parse(String connStr, Path projectDir) {
        String s = connStr.strip();
        if (s.startsWith(PREFIX)) {
            // The JDBC form's ";key=value" options become settings; only a relative file path is resolved.
            String rest = s.substring(PREFIX.length());
            int semicolon = rest.indexOf(';');
            String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
            Map<String, String> options = new LinkedHashMap<>();
            if (semicolon >= 0) {
                for (String pair : rest.substring(semicolon + 1).split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        options.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                    }
                }
            }
            return new DuckDbUrl(PREFIX + resolve(path, projectDir), options);
        }
        if (!s.startsWith("duckdb://")) {
            return null;
        }
        String rest = s.substring("duckdb://".length());
        int question = rest.indexOf('?');
        String query = question < 0 ? "" : rest.substring(question + 1);
        String path = question < 0 ? rest : rest.substring(0, question);
        // SQLAlchemy: "duckdb:///x.db" -> path "x.db", "duckdb:////abs/x.db" -> "/abs/x.db".
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        return new DuckDbUrl(PREFIX + resolve(decode(path), projectDir), settings(query));
    }

    private static String resolve(String path, Path projectDir) {
        if (path.isEmpty() || path.equals(":memory:")) {
            return "";
        }
        boolean windowsDrive = path.matches("[A-Za-z]:[\\\\/].*");
        if (path.contains(":") && !windowsDrive) {
            // Named in-memory databases and extension-handled URLs (md:, ducklake:, s3://) are passed through.
            return path;
        }
        Path p = Path.of(path);
        return (p.isAbsolute() ? p : projectDir.resolve(p)).toAbsolutePath().normalize().toString();
    }

    private static Map<String, String> settings(String query) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return settings;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                settings.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return settings;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
