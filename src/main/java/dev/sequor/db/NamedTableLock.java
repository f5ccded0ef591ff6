package dev.sequor.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A MySQL/MariaDB named lock ({@code GET_LOCK}) that Sequor sessions take on a table before they read its largest
 * {@code _row} at commit and release after the commit ({@code child_tables} under append), so two runs appending to
 * it never number rows alike. Session-level: the server releases it when the session ends, however it ends. Only
 * Sequor sessions take it; other writers are not held back (PostgreSQL's {@code LOCK TABLE} holds every writer).
 */
final class NamedTableLock {

    /** How long a commit waits for another run's commit to the same table. */
    static final Duration WAIT = Duration.ofSeconds(60);

    private NamedTableLock() {
    }

    /** The lock's name for {@code qualifiedTable}: a digest, since names are limited to 64 characters. */
    static String name(String qualifiedTable) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(qualifiedTable.getBytes(StandardCharsets.UTF_8));
            return "sequor_rows_" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Takes the lock of {@code qualifiedTable}, waiting up to {@link #WAIT} for a session that holds it. */
    static void take(Connection c, String qualifiedTable) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, name(qualifiedTable));
            ps.setLong(2, WAIT.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new SQLException("another run has been committing rows to " + qualifiedTable + " for "
                            + WAIT.toSeconds() + " s; its _row numbers could not be read safely");
                }
            }
        }
    }

    static void release(Connection c, String qualifiedTable) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, name(qualifiedTable));
            ps.executeQuery().close();
        }
    }
}
