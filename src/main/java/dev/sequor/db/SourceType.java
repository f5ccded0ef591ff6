package dev.sequor.db;

import java.util.List;
import java.util.function.Supplier;

/**
 * One kind of source a {@code sources/NAME.yaml} file may declare with {@code type:}, as listed in
 * {@link SourceTypes}. A database type knows how to open itself; {@code http} has no opener (HTTP sources are read
 * by {@code http.HttpSourceConfig}).
 *
 * @param name    what the file writes after {@code type:}
 * @param dialect the SQL it speaks, also what {@code type: jdbc} sources name in {@code dialect:}; null for
 *                {@code jdbc} itself (its source decides) and {@code http}
 * @param keys     the keys its file takes besides {@code type} (documentation and checks)
 * @param required those of them a file must have, written (checked before a run; the opener says what they hold)
 * @param opener  how a rendered file becomes a connection source; null for {@code http}
 */
public record SourceType(String name, Supplier<Dialect> dialect, List<String> keys, List<String> required,
                         Opener opener) {

    /** Opens a database source: its dialect and where its connections come from. */
    @FunctionalInterface
    public interface Opener {
        Opened open(SourceConfig config);
    }

    /** An opened database source before it becomes a {@link Database}. */
    public record Opened(Dialect dialect, Connector connector) {
    }

    /** True for the types that are databases (every type but {@code http}). */
    public boolean isDatabase() {
        return opener != null;
    }
}
