package dev.sequor.db;

import dev.sequor.error.SequorException;
import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code type: jdbc}: any database with a JDBC driver (JVM mode), from a pool like the built-in server types,
 * speaking the dialect the source names ({@code dialect:}, default {@code ansi}). The driver is one Sequor ships
 * (PostgreSQL, MariaDB, DuckDB) or comes from {@code driver_path}: a jar, or a folder of jars, relative to the
 * project. Sequor's launcher runs a packaged application whose class path is fixed when it is built, so a driver
 * cannot be added to it from outside; it is loaded by a class loader of its own instead, one per source.
 */
final class GenericJdbcConnector implements Connector {

    private final AgroalDataSource pool;
    /** The class loader of {@code driver_path}'s jars; null for a driver Sequor ships. */
    private final URLClassLoader jars;

    private GenericJdbcConnector(AgroalDataSource pool, ClassLoader loader) {
        this.pool = pool;
        this.jars = loader instanceof URLClassLoader own ? own : null;
    }

    /**
     * The {@code type: jdbc} source: {@code url}, {@code driver}, {@code driver_path}, {@code dialect},
     * {@code username}, {@code password}.
     */
    static SourceType.Opened open(SourceConfig config) {
        String url = config.required("url", "a JDBC URL such as jdbc:postgresql://host:5432/database");
        String driverName = config.required("driver", "the JDBC driver's class name such as org.postgresql.Driver");
        String dialectName = config.text("dialect") == null ? "ansi" : config.text("dialect").strip();
        Dialect dialect = SourceTypes.dialect(dialectName).orElseThrow(() -> SequorException.invalid(config.pos(),
                "'dialect' of source '" + config.sourceName() + "' must be one of "
                        + String.join(", ", SourceTypes.dialectNames()) + ", not '" + dialectName + "'."));
        ClassLoader loader = driverLoader(config);
        Class<? extends Driver> driver = driverClass(config, driverName, loader);
        String password = config.text("password");
        JdbcPool pool = new JdbcPool(config.sourceName(), url, driver, blankToNull(config.text("username")),
                password == null || password.isEmpty() ? null : password, Map.of(), dialect, dialect::errorText);
        return new SourceType.Opened(dialect, new GenericJdbcConnector(pool.open(config.pos()), loader));
    }

    /** Sequor's own class loader, or one that also reads the jars of {@code driver_path}. */
    private static ClassLoader driverLoader(SourceConfig config) {
        ClassLoader own = GenericJdbcConnector.class.getClassLoader();
        String path = config.text("driver_path");
        if (path == null || path.isBlank()) {
            return own;
        }
        Path where = config.projectDir().resolve(path.strip());
        List<URL> jars = new ArrayList<>();
        try {
            if (Files.isDirectory(where)) {
                try (Stream<Path> files = Files.list(where)) {
                    for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                        jars.add(jar.toUri().toURL());
                    }
                }
            } else if (Files.isRegularFile(where)) {
                jars.add(where.toUri().toURL());
            }
        } catch (IOException e) {
            throw SequorException.invalid(config.pos(), "The driver_path '" + path + "' of source '"
                    + config.sourceName() + "' cannot be read: " + e.getMessage());
        }
        if (jars.isEmpty()) {
            throw SequorException.invalid(config.pos(), "The driver_path '" + path + "' of source '"
                    + config.sourceName() + "' is neither a jar file nor a folder holding jars.");
        }
        return new URLClassLoader(jars.toArray(URL[]::new), own);
    }

    private static Class<? extends Driver> driverClass(SourceConfig config, String name, ClassLoader loader) {
        Class<?> found;
        try {
            found = Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw SequorException.invalid(config.pos(), "The JDBC driver class '" + name + "' of source '"
                    + config.sourceName() + "' is not " + (loader instanceof URLClassLoader
                    ? "in its driver_path '" + config.text("driver_path") + "'; check the class name and the jars there."
                    : "on Sequor's class path; give the folder of the driver's jar as 'driver_path' (JVM mode only),"
                    + " or check the class name."));
        }
        if (!Driver.class.isAssignableFrom(found)) {
            throw SequorException.invalid(config.pos(), "The class '" + name + "' named as 'driver' of source '"
                    + config.sourceName() + "' is not a JDBC driver (java.sql.Driver).");
        }
        return found.asSubclass(Driver.class);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public Connection acquire() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.close();
        if (jars != null) {
            try {
                jars.close();
            } catch (IOException ignored) {
                // the jar files stay open until the process ends; nothing else depends on it
            }
        }
    }
}
