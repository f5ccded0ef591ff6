package dev.sequor.flow.spec;

import java.util.Locale;

/** The JSON (and YAML) value types a key may hold, as JSON Schema names them. */
public enum JsonType {
    STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY, NULL;

    /** The name JSON Schema uses: {@code string}, {@code integer}, ... */
    public String schemaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
