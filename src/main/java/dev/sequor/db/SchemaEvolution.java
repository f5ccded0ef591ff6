package dev.sequor.db;

import java.util.Locale;

/**
 * What a table write with inferred columns does when the records bring a field the table has no column for, or a
 * value its column's type cannot hold ({@code schema_evolution}).
 */
public enum SchemaEvolution {
    /** New fields add nullable columns; a column whose type no longer fits widens (bigint -> decimal -> text). */
    EVOLVE,
    /** New fields and needed widenings are errors naming them. */
    FREEZE,
    /** New fields are dropped; a value that does not fit its column is an error. */
    DISCARD;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
