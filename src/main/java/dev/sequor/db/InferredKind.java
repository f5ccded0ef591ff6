package dev.sequor.db;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * The kind of a column inferred from record values, and how kinds widen when values disagree. The lattice, kept
 * small on purpose (docs/decisions.md, "Inferred schemas"): {@code BIGINT < DECIMAL < DOUBLE} among numbers (an
 * integer beyond 64 bits is DECIMAL, up to 38 digits, then TEXT; a JSON number with a fraction or exponent is
 * DOUBLE); everything else widens
 * only to TEXT, and TEXT holds anything (objects and arrays as JSON text). {@link #NONE} is a column that has seen
 * only nulls; it lands as TEXT.
 */
public enum InferredKind {
    NONE, BIGINT, DECIMAL, DOUBLE, BOOLEAN, TIMESTAMPTZ, DATE, JSON, TEXT;

    /** Integers that fit a signed 64-bit BIGINT. */
    private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);
    /** Digits a DECIMAL column holds on every database we infer for (DuckDB's DECIMAL stops at 38). */
    static final int DECIMAL_DIGITS = 38;

    /** The kind of one value. */
    public static InferredKind of(Object value) {
        return switch (value) {
            case null -> NONE;
            case Boolean b -> BOOLEAN;
            case Integer i -> BIGINT;
            case Long l -> BIGINT;
            case Short s -> BIGINT;
            case Byte b -> BIGINT;
            case BigInteger b -> b.compareTo(MIN_LONG) >= 0 && b.compareTo(MAX_LONG) <= 0 ? BIGINT
                    : b.abs().toString().length() <= DECIMAL_DIGITS ? DECIMAL : TEXT;
            // DECIMAL is for integers (DuckDB's DECIMAL needs one scale for the column); fractions are DOUBLE
            // (as written: 15.0 is a double, as it would be in JSON, since "15.0" is no bigint's text)
            case BigDecimal d -> d.scale() <= 0 ? of(d.toBigInteger()) : DOUBLE;
            // NaN and the infinities are floats on every database too
            case Double d -> DOUBLE;
            case Float f -> DOUBLE;
            case String s -> ofText(s);
            case Map<?, ?> m -> JSON;
            case Collection<?> c -> JSON;
            default -> TEXT;
        };
    }

    private static InferredKind ofText(String s) {
        if (IsoDateText.isDate(s)) {
            return DATE;
        }
        return s.length() >= 17 && s.length() <= 35 && IsoDateText.isTimestampWithOffset(s) ? TIMESTAMPTZ : TEXT;
    }

    /** The narrowest kind that holds values of both kinds. */
    public InferredKind widen(InferredKind other) {
        if (this == other || other == NONE) {
            return this;
        }
        if (this == NONE) {
            return other;
        }
        if (isNumber() && other.isNumber()) {
            return ordinal() > other.ordinal() ? this : other;
        }
        return TEXT;
    }

    /** Whether values of {@code kind} fit a column of this kind unchanged. */
    public boolean holds(InferredKind kind) {
        return widen(kind) == this;
    }

    boolean isNumber() {
        return this == BIGINT || this == DECIMAL || this == DOUBLE;
    }

    /**
     * The kind of an existing column from the type name the database reports, or null for a type outside the
     * lattice (arrays, intervals, user types): such a column takes the value's text and the database converts it.
     */
    public static InferredKind ofSqlType(String typeName) {
        String t = typeName.toLowerCase(Locale.ROOT).strip();
        int paren = t.indexOf('(');
        String base = paren < 0 ? t : t.substring(0, paren).strip();
        return switch (base) {
            case "bigint", "int8", "integer", "int4", "int", "smallint", "int2", "tinyint", "hugeint", "ubigint",
                 "uinteger", "usmallint", "utinyint" -> BIGINT;
            case "numeric", "decimal" -> DECIMAL;
            case "double", "double precision", "float8", "float", "real", "float4" -> DOUBLE;
            case "boolean", "bool" -> BOOLEAN;
            case "timestamp with time zone", "timestamptz" -> TIMESTAMPTZ;
            case "date" -> DATE;
            case "json", "jsonb" -> JSON;
            case "text", "varchar", "character varying", "character", "char", "bpchar", "string" -> TEXT;
            default -> null;
        };
    }

    /** How messages name the kind: lower case, e.g. {@code timestamptz}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
