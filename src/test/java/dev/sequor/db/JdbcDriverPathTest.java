package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.testing.PostgresTestDatabase;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code type: jdbc} with a driver that is not on Sequor's class path: a jar compiled here, named by
 * {@code driver_path} (a jar, or a folder of jars, relative to the project), is loaded by a class loader of its own.
 * The jar's driver hands its connections to PostgreSQL's, so the source really connects through it.
 */
class JdbcDriverPathTest {

    static final SourcePos POS = new SourcePos("sources/erp.yaml", 1, 1);

    /** A driver in a package nothing else has; its URLs are {@code jdbc:outside:...} for a PostgreSQL URL. */
    static final String DRIVER = """
            package outside;
            import java.sql.*;
            import java.util.Properties;
            public class OutsideDriver implements Driver {
                private final Driver pg;
                public OutsideDriver() throws Exception {
                    pg = (Driver) Class.forName("org.postgresql.Driver").getDeclaredConstructor().newInstance();
                }
                private static String inner(String url) { return "jdbc:postgresql:" + url.substring("jdbc:outside:".length()); }
                public Connection connect(String url, Properties p) throws SQLException {
                    return acceptsURL(url) ? pg.connect(inner(url), p) : null;
                }
                public boolean acceptsURL(String url) { return url.startsWith("jdbc:outside:"); }
                public DriverPropertyInfo[] getPropertyInfo(String url, Properties p) { return new DriverPropertyInfo[0]; }
                public int getMajorVersion() { return 1; }
                public int getMinorVersion() { return 0; }
                public boolean jdbcCompliant() { return false; }
                public java.util.logging.Logger getParentLogger() { return java.util.logging.Logger.getGlobal(); }
            }
            """;

    @TempDir
    Path project;
    Databases databases;

    @BeforeEach
    void open() {
        databases = new Databases(project, project.resolve(".cache"));
    }

    @AfterEach
    void close() {
        databases.close();
    }

    /** Compiles {@link #DRIVER} into {@code drivers/outside-driver.jar} under the project. */
    Path driverJar() throws Exception {
        Path src = Files.createDirectories(project.resolve("src/outside")).resolve("OutsideDriver.java");
        Files.writeString(src, DRIVER);
        Path classes = Files.createDirectories(project.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", classes.toString(), src.toString())).isZero();
        Path jar = Files.createDirectories(project.resolve("drivers")).resolve("outside-driver.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("outside/OutsideDriver.class"));
            Files.copy(classes.resolve("outside/OutsideDriver.class"), (OutputStream) out);
            out.closeEntry();
        }
        return jar;
    }

    Map<String, Object> source(String driverPath) {
        Map<String, Object> m = new HashMap<>();
        m.put("type", "jdbc");
        m.put("url", PostgresTestDatabase.jdbcUrl().replace("jdbc:postgresql:", "jdbc:outside:"));
        m.put("driver", "outside.OutsideDriver");
        m.put("driver_path", driverPath);
        m.put("dialect", "postgres");
        m.put("username", PostgresTestDatabase.user());
        m.put("password", PostgresTestDatabase.password());
        return m;
    }

    @Test
    void aDriverJarOutsideTheClassPathIsLoadedFromDriverPath() throws Exception {
        PostgresTestDatabase.assumeAvailable();
        driverJar();
        assertThatThrownBy(() -> Class.forName("outside.OutsideDriver")).isInstanceOf(ClassNotFoundException.class);
        for (String path : List.of("drivers", "drivers/outside-driver.jar")) {
            Database db = databases.open("erp_" + path.length(), source(path), POS);
            assertThat(db.query("SELECT 41 + 1 AS answer").get(0).get("answer")).isEqualTo(42);
            assertThat(db.dialect()).isSameAs(PostgresDialect.INSTANCE);
        }
    }

    @Test
    void aDriverPathWithoutTheDriverSaysWhereItLooked() throws Exception {
        driverJar();
        Files.createDirectories(project.resolve("empty"));
        assertThatThrownBy(() -> databases.open("erp", source("empty"), POS)).isInstanceOf(SequorException.class)
                .hasMessage("The driver_path 'empty' of source 'erp' is neither a jar file nor a folder holding jars.");
        assertThatThrownBy(() -> databases.open("erp", source("nowhere/x.jar"), POS))
                .hasMessage("The driver_path 'nowhere/x.jar' of source 'erp' is neither a jar file nor a folder holding"
                        + " jars.");
        Map<String, Object> wrongClass = source("drivers");
        wrongClass.put("driver", "outside.Missing");
        assertThatThrownBy(() -> databases.open("erp", wrongClass, POS))
                .hasMessage("The JDBC driver class 'outside.Missing' of source 'erp' is not in its driver_path 'drivers';"
                        + " check the class name and the jars there.");
    }
}
