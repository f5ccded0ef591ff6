package dev.sequor.db;

/** How a table write treats the existing table: replace it ({@code create}) or add rows to it ({@code append}). */
public enum WriteMode {
    CREATE,
    APPEND
}
