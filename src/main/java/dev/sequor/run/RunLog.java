package dev.sequor.run;

import dev.sequor.http.SecretSet;
import dev.sequor.run.progress.Colours;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Progress of a run: one line per event on standard error (what a person watches) and the same line,
 * time-stamped, appended to {@code <home>/logs/sequor.log}. Every line is masked through the run's
 * {@link SecretSet} before it goes anywhere (rendered SQL and error texts can hold credentials), and the
 * file is readable by its owner only.
 */
public final class RunLog implements AutoCloseable {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final PrintStream console;
    private final Writer file;
    private final boolean quiet;
    private final SecretSet secrets;
    private final Colours colours;

    public RunLog(PrintStream console, Path logFile, boolean quiet, SecretSet secrets) {
        this(console, logFile, quiet, secrets, Colours.NONE);
    }

    /** {@code colours}: those of the console (warnings are coloured there, never in the log file). */
    public RunLog(PrintStream console, Path logFile, boolean quiet, SecretSet secrets, Colours colours) {
        this.console = console;
        this.colours = colours;
        this.quiet = quiet;
        this.secrets = secrets;
        Writer w = null;
        if (logFile != null) {
            try {
                Files.createDirectories(logFile.getParent());
                ownerOnly(logFile);
                w = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                console.println(colours.warning("warning: cannot write the log file " + logFile + ": "
                        + e.getMessage()));
            }
        }
        this.file = w;
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * Creates the log file as 0600, or narrows an existing one (older versions left it world-readable while
     * it held credentials). A file system without POSIX permissions (Windows) keeps its own ACLs.
     */
    static void ownerOnly(Path logFile) throws IOException {
        try {
            if (Files.exists(logFile)) {
                Files.setPosixFilePermissions(logFile, OWNER_ONLY);
            } else {
                Files.createFile(logFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
        } catch (UnsupportedOperationException noPosix) {
            // nothing to narrow on this file system
        }
    }

    /** Where progress and diagnostics go (standard error of the run). */
    public PrintStream console() {
        return console;
    }

    public void info(String message) {
        String masked = secrets.mask(message);
        if (!quiet) {
            console.println(masked);
        }
        toFile("INFO", masked);
    }

    /** A warning, printed whatever {@code quiet} says; the message carries its own "warning:" wording. */
    public void warn(String message) {
        String masked = secrets.mask(message);
        console.println(colours.warning(masked));
        toFile("WARNING", masked);
    }

    /** A detail only the log file keeps (which engine runs each snippet...), never the console. */
    public void detail(String message) {
        toFile("DEBUG", message);
    }

    /** Errors are printed by the CLI's reporter; this only keeps them in the log file. */
    public void errorToFile(String message) {
        toFile("ERROR", message);
    }

    private synchronized void toFile(String level, String message) {
        if (file == null) {
            return;
        }
        try {
            file.write(LocalDateTime.now().format(TS) + " " + level + " " + secrets.mask(message) + System.lineSeparator());
            file.flush();
        } catch (IOException ignored) {
            // the console already has the line; a full disk must not fail the flow
        }
    }

    /** {@code 1.234s}: durations as people read them. */
    public static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.3fs", d.toNanos() / 1e9);
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // closing a log file cannot be acted on
            }
        }
    }
}
