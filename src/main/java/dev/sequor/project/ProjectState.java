package dev.sequor.project;

import dev.sequor.error.SequorException;
import dev.sequor.yaml.ScalarRules;
import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Persisted project-scope variables ({@code <home>/project_state/<project>/variables.yaml}), the state that
 * carries from one run to the next. Read once per run and written through on every change (temp file +
 * atomic move), so a crash never leaves a half-written file. Inside {@link #deferWrites} changes are visible to the
 * run at once but reach the file only when the work succeeds, and are undone when it fails: an HTTP op's cursors and
 * watermarks are saved with its table writes, never ahead of them. Work that commits part of its tables before
 * failing (a for_each that keeps the rows before the failing one) saves the variables of that part with
 * {@link #savepoint()} and {@link #saveAt}.
 */
public final class ProjectState {

    private final Path file;
    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();
    /** The values before the outermost {@link #deferWrites} began, while one runs; else null. */
    private LinkedHashMap<String, Object> deferred;
    /** Counts every change of {@link #values}, so a caller can tell whether a {@link #savepoint()} is still current. */
    private long changes;

    public ProjectState(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            Optional<YNode> root = YamlLoader.loadFile(file, file.toString());
            if (root.isPresent() && root.get().toPlain() instanceof Map<?, ?> m) {
                m.forEach((k, v) -> values.put(String.valueOf(k), v));
            }
        }
    }

    public synchronized Object get(String name) {
        return values.get(name);
    }

    public synchronized void set(String name, Object value) {
        values.put(name, persistable(value));
        changes++;
        if (deferred == null) {
            write();
        }
    }

    /** Work whose variable changes are saved only if it completes; see the class comment. */
    public interface Work {
        void run();
    }

    /**
     * Runs {@code work}, saving the variables it set when it returns and restoring the previous ones (or those of the
     * last {@link #saveAt} inside it) when it throws. Nested calls belong to the outermost one.
     */
    public void deferWrites(Work work) {
        LinkedHashMap<String, Object> before;
        synchronized (this) {
            if (deferred != null) {
                before = null;
            } else {
                before = new LinkedHashMap<>(values);
                deferred = before;
            }
        }
        if (before == null) {
            work.run();
            return;
        }
        boolean done = false;
        try {
            work.run();
            done = true;
        } finally {
            synchronized (this) {
                LinkedHashMap<String, Object> saved = deferred;
                deferred = null;
                if (done) {
                    if (!saved.equals(values)) {
                        write();
                    }
                } else {
                    values.clear();
                    values.putAll(saved);
                    changes++;
                }
            }
        }
    }

    /** How many times the variables have changed so far; equal numbers mean equal variables. */
    public synchronized long changes() {
        return changes;
    }

    /** The variables as they are now, to {@link #saveAt} later; a copy that later changes do not touch. */
    public synchronized Map<String, Object> savepoint() {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) persistable(values);
        return copy;
    }

    /**
     * Inside {@link #deferWrites}: part of the work is done for good, so the variables go back to {@code savepoint}
     * (taken when that part ended) and are saved as they were there; if the work then fails, this is what stays.
     */
    public synchronized void saveAt(Map<String, Object> savepoint) {
        if (deferred == null) {
            throw new IllegalStateException("saveAt belongs inside deferWrites");
        }
        values.clear();
        values.putAll(savepoint);
        changes++;
        if (!deferred.equals(values)) {
            deferred = new LinkedHashMap<>(values);
            write();
        }
    }

    /** {@code value} as {@link #get} gives it back after {@link #set}: what the state file can hold. */
    public static Object stored(Object value) {
        return persistable(value);
    }

    /** The value as YAML can hold it: rows and maps as mappings, decimals and dates as text. */
    private static Object persistable(Object v) {
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), persistable(x)));
            return out;
        }
        if (v instanceof java.util.Collection<?> c) {
            return c.stream().map(ProjectState::persistable).collect(java.util.stream.Collectors.toList());
        }
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer
                || v instanceof Double) {
            return v;
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.scale() <= 0 && d.precision() - d.scale() < 19 ? (Object) d.longValueExact() : d.toPlainString();
        }
        return String.valueOf(v);
    }

    private void write() {
        // Dumped with the rules it is read back with, so a string like 1_000 or 0b101 is quoted and stays a string.
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK)
                .setSchema(ScalarRules.RUAMEL.schema()).build();
        String text = new Dump(settings).dumpToString(values);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "variables", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw SequorException.failed(null, "Cannot save project variables to " + file + ": " + e.getMessage());
        }
    }
}
