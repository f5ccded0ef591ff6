package dev.sequor.db;

import java.io.IOException;
import java.io.OutputStream;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * Loads rows into Snowflake the way Snowflake loads fast: written to a gzipped CSV file, {@code PUT} to the table's
 * own internal stage ({@code @%table}, which a temporary table has too and which goes with it), then one
 * {@code COPY INTO} that reads the file and removes it from the stage ({@code PURGE}). Below {@link #THRESHOLD} rows
 * the file and its two round trips cost more than they save, and the rows go as multi-row INSERTs instead.
 * <p>
 * The CSV encloses every value in double quotes (doubling those inside) and leaves NULL as an empty field without
 * quotes, which is how Snowflake tells NULL from the empty string; no text (such as {@code \N}) stands for NULL, so
 * every value lands as it was. The local file is private to the user (created with owner-only permissions) and
 * deleted after the load, whether it worked or not.
 */
final class SnowflakeStageLoader implements BulkLoader {

    /** Rows from which a load goes through a stage. */
    static final int THRESHOLD = 1000;

    /** How the staged CSV is read: as written by {@link #writeCsv}. */
    static final String FILE_FORMAT = "FILE_FORMAT = (TYPE = CSV COMPRESSION = GZIP FIELD_DELIMITER = ','"
            + " RECORD_DELIMITER = '\\n' FIELD_OPTIONALLY_ENCLOSED_BY = '\"' ESCAPE_UNENCLOSED_FIELD = NONE"
            + " EMPTY_FIELD_AS_NULL = TRUE NULL_IF = () ENCODING = 'UTF8')";

    private final Dialect dialect;
    private final BulkLoader small;

    SnowflakeStageLoader(Dialect dialect, BulkLoader small) {
        this.dialect = dialect;
        this.small = small;
    }

    @Override
    public void load(Connection connection, String namespace, String table, List<String> columns, List<String[]> rows)
            throws SQLException {
        if (rows.size() < THRESHOLD) {
            small.load(connection, namespace, table, columns, rows);
            return;
        }
        Path file = null;
        try {
            file = Files.createTempFile("sequor-load-", ".csv.gz");
            writeCsv(file, rows);
            String stage = "@" + (namespace == null ? "" : dialect.quote(namespace) + ".") + "%"
                    + dialect.quote(table);
            SqlSession.executeOn(connection, put(file, stage));
            SqlSession.executeOn(connection, "COPY INTO " + dialect.qualified(namespace, table)
                    + columns.stream().map(dialect::quote).collect(Collectors.joining(", ", " (", ")"))
                    + " FROM " + stage + " FILES = ('" + file.getFileName() + "') " + FILE_FORMAT
                    + " ON_ERROR = ABORT_STATEMENT PURGE = TRUE");
        } catch (IOException e) {
            throw new SQLException("could not write the rows to a local file for PUT: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temporary folder's own clean-up removes it; the load's outcome is what matters
                }
            }
        }
    }

    /**
     * {@code PUT 'file:///tmp/x.csv.gz' @%"T"}: the file is gzipped already, so not compressed again; one thread is
     * enough for one file.
     */
    static String put(Path file, String stage) {
        String uri = "file://" + (file.toAbsolutePath().toString().startsWith("/") ? "" : "/")
                + file.toAbsolutePath().toString().replace('\\', '/');
        return "PUT '" + uri.replace("'", "\\'") + "' " + stage
                + " SOURCE_COMPRESSION = GZIP AUTO_COMPRESS = FALSE OVERWRITE = TRUE PARALLEL = 1";
    }

    /** One line per row: every value quoted, NULL as nothing. */
    static void writeCsv(Path file, List<String[]> rows) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
             Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    if (row[i] != null) {
                        w.write('"');
                        w.write(row[i].replace("\"", "\"\""));
                        w.write('"');
                    }
                }
                w.write('\n');
            }
        }
    }
}
