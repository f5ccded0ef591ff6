package dev.sequor.db;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The database sources of one run. Each source is opened once, on first use, and kept until {@link #close()}:
 * a connection pool or a DuckDB handle per source name. Which types exist and how each opens is {@link SourceTypes}.
 */
public final class Databases implements AutoCloseable {

    private final Path projectDir;
    private final Path cacheDir;
    private final Consumer<String> notices;
    private final Map<String, JdbcDatabase> open = new LinkedHashMap<>();
    private boolean closed;

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
     * rendering: {@code type} and the keys of that type, see {@link SourceTypes}) the first time it is asked for.
     */
    public Database open(String sourceName, Map<String, Object> renderedConfig, SourcePos pos) {
        synchronized (this) {
            JdbcDatabase db = open.get(sourceName);
            if (db != null) {
                return db;
            }
        }
        // connected outside the lock, so that close() never waits for a server that does not answer
        JdbcDatabase made = connect(sourceName, renderedConfig, pos);
        synchronized (this) {
            JdbcDatabase other = closed ? null : open.putIfAbsent(sourceName, made);
            if (closed || other != null) {
                made.close(); // connected after close() (a source opened ahead), or by another caller first
            }
            return other != null ? other : made;
        }
    }

    private JdbcDatabase connect(String sourceName, Map<String, Object> config, SourcePos pos) {
        Object type = config.get("type");
        if (type == null) {
            throw SequorException.invalid(pos, "Source '" + sourceName + "' has no 'type'; expected "
                    + SourceTypes.databaseChoices());
        }
        SourceType sourceType = SourceTypes.named(type.toString()).orElseThrow(() -> SequorException.invalid(pos,
                "Unknown source type: " + type + " (expected one of " + SourceTypes.databaseChoices() + ")"));
        if (!sourceType.isDatabase()) {
            throw SequorException.invalid(pos, "Source '" + sourceName + "' is of type " + type
                    + ", not a database; expected " + SourceTypes.databaseChoices());
        }
        SourceType.Opened opened = sourceType.opener().open(new SourceConfig(sourceName, config, pos, projectDir,
                cacheDir));
        return JdbcDatabase.open(sourceName, opened.dialect(), opened.connector(), notices, pos);
    }

    /**
     * Closes every pool and database handle; failures to close one do not keep the others open. A source still
     * connecting now is closed as soon as it connects.
     */
    @Override
    public synchronized void close() {
        closed = true;
        List<JdbcDatabase> all = new ArrayList<>(open.values());
        open.clear();
        for (JdbcDatabase db : all) {
            db.close();
        }
    }
}
