package dev.sequor.db;

import java.util.List;

/**
 * One opened database source, as ops see it. Every method borrows a connection for its own duration, so
 * calls may nest (a {@link #forEachRow} handler may query or write the same source). Failures are thrown as
 * {@link dev.sequor.error.SequorException} whose message starts with "SQL error on source 'name': ", or with
 * "Connection to database source 'name' was lost" when the connection itself dropped.
 */
public interface Database {

    /** The source's name, as written in flows ({@code source: stage}). */
    String sourceName();

    Dialect dialect();

    /** Where unqualified table writes land: {@code public} on PostgreSQL, {@code main} on DuckDB. */
    String defaultNamespace();

    /** The whole result of {@code sql}, values as plain Java values; an empty list for statements without rows. */
    List<Row> query(String sql);

    /** Streams the rows of {@code sql} to {@code handler} without holding the whole result in memory. */
    void forEachRow(String sql, RowHandler handler);

    /** Runs one statement and commits it. */
    void execute(String sql);

    /**
     * Runs the statements in order as one transaction: all are committed, or, when one fails, none is.
     * {@code before} sees each statement just before it runs (for the run log).
     */
    void executeInTransaction(List<String> statements, java.util.function.Consumer<String> before);

    /**
     * The transform op: replaces {@code namespace.table} (namespace may be null: unqualified) by the result of
     * {@code selectSql} atomically; on failure the previous table is left as it was. Returns how many rows the new
     * table has.
     */
    long replaceTableAs(String namespace, String table, String selectSql);

    /**
     * The transform op with a write mode: lands the result of {@code selectSql} in {@code namespace.table} as
     * {@code write} says ({@link WriteMode#CREATE} is {@link #replaceTableAs}), in one transaction: on failure the
     * table is left as it was. A missing table is created with the result's columns (and a merge's key as PRIMARY
     * KEY). Returns how many rows the query gave.
     */
    long writeQueryResult(String namespace, String table, String selectSql, WriteSpec write);

    /** Column names of an existing table in declaration order; namespace null means the default one. */
    List<String> columnNames(String namespace, String table);

    /** {@link #columnNames}, or an empty list when there is no such table. */
    List<String> columnNamesIfAny(String namespace, String table);

    /** Adds and drops columns of an existing table in one committed transaction. */
    void alterColumns(String namespace, String table, List<ColumnDef> add, List<String> drop);
}
