package dev.sequor.db;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * One database source file after Jinja rendering, as its {@link SourceType} opens it: the keys, the source's name
 * and where errors point, with the checks every connector shares (a missing key, a true/false flag, a conn_str that
 * is not understood) so that they read the same for every type.
 *
 * @param projectDir folder that relative paths (a DuckDB file) are resolved against
 * @param cacheDir   folder where an embedded engine may write its own files
 */
public record SourceConfig(String sourceName, Map<String, Object> values, SourcePos pos, Path projectDir,
                           Path cacheDir) {

    /** The key's value as text; null when absent. */
    public String text(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    /** A key the type cannot do without; {@code example} shows what to write. */
    public String required(String key, String example) {
        String value = text(key);
        if (value == null || value.isBlank()) {
            throw SequorException.invalid(pos, "Source '" + sourceName + "' has no '" + key + "'; expected " + example);
        }
        return value;
    }

    /** The {@code conn_str}, which every URL-configured type needs. */
    public String connStr(String example) {
        return required("conn_str", "a connection string such as " + example);
    }

    /** The conn_str itself is not echoed: it may hold a password. */
    public SequorException notUnderstood(String type, String forms) {
        return SequorException.invalid(pos, "Source '" + sourceName + "' of type " + type
                + " has a conn_str that is not understood; expected " + forms);
    }

    /** A true/false key (after rendering, "true" and "false" as text count too); absent is false. */
    public boolean flag(String key) {
        Object value = values.get(key);
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
}
