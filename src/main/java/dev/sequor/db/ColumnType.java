package dev.sequor.db;

import java.util.regex.Pattern;

/**
 * A column's SQL type, checked against a small grammar before it is ever written into DDL or a CAST. Types may come
 * from API data ({@code columns_expression}, a response parser), and SQL has no way to quote a type, so anything
 * outside the grammar is refused instead of pasted ({@code integer); drop table x; --} would run the drop).
 * <p>
 * Grammar: a type name of letters, digits and underscores, or one of the multi-word names SQL defines (
 * {@code double precision}, {@code timestamp with time zone}, ...); then an optional {@code (p)} or {@code (p,s)}
 * of integers; then any number of {@code []} (or {@code [n]}) array suffixes. {@code timestamp(3) with time zone}
 * is also accepted, as PostgreSQL writes it. DuckDB's nested types ({@code STRUCT(a INTEGER, "b c" VARCHAR)},
 * {@code MAP(VARCHAR, INTEGER)}, {@code UNION(...)}) are read recursively; {@link ColumnTypeGrammar} has the rules.
 * <p>
 * Not a record: the only way to get one is {@link #parse}, so every type that reaches SQL has been checked.
 */
public final class ColumnType {

    /** What a type must look like, said the same way in every message. */
    public static final String EXPECTED = "expected a type name of letters, digits and underscores with optional"
            + " (precision[,scale]) and [] suffixes, e.g. integer, numeric(10,2), text[] or timestamp with time zone";

    private static final Pattern NESTED = Pattern.compile(
            "(?i)\\b(struct|map|union)\\(");

    private final String sql;

    private ColumnType(String sql) {
        this.sql = sql;
    }

    /** The type as written into SQL: the checked text with runs of spaces collapsed. */
    public String sql() {
        return sql;
    }

    /** The checked type, or an {@link IllegalArgumentException} saying, in one line, what is wrong and expected. */
    public static ColumnType parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no type given; " + EXPECTED);
        }
        String sql = ColumnTypeGrammar.canonical(text.strip());
        if (sql == null) {
            throw notAType(text);
        }
        return new ColumnType(sql);
    }

    /** True when the type is or holds one of DuckDB's STRUCT, MAP and UNION. */
    public boolean isNested() {
        return NESTED.matcher(sql).find();
    }

    private static IllegalArgumentException notAType(String text) {
        return new IllegalArgumentException(shown(text) + " is not a column type; " + EXPECTED);
    }

    /** The offending text on one line and short, since it may be API data of any size. */
    private static String shown(String text) {
        String oneLine = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return "\"" + (oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine) + "\"";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnType other && sql.equals(other.sql);
    }

    @Override
    public int hashCode() {
        return sql.hashCode();
    }

    @Override
    public String toString() {
        return sql;
    }
}
