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
 * MySQL/MariaDB named locks ({@code GET_LOCK}), session-level: the server releases them when the session ends,
 * however it ends. Sequor takes one on each staging-named table it works on ({@link RenameSwap}), and one per table
 * whose largest {@code _row} it reads at commit ({@code child_tables} under append, {@link #ofRows}), so two runs
 * appending to it never number rows alike. Only Sequor sessions take them; other writers are not held back
 * (PostgreSQL's {@code LOCK TABLE} holds every writer).
 */
final class NamedLocks {

    /** How long a commit waits for another run's commit to the same table's rows. */
    static final Duration ROWS_WAIT = Duration.ofSeconds(60);

    private NamedLocks() {
    }

    /** The name of the lock on the rows of {@code qualifiedTable}: a digest (names are limited to 64 characters). */
    static String ofRows(String qualifiedTable) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(qualifiedTable.getBytes(StandardCharsets.UTF_8));
            return "sequor_rows_" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Takes the lock {@code name}, waiting up to {@code wait} for a session that holds it; false if not taken. */
    static boolean take(Connection c, String name, Duration wait) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, wait.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    static void release(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, name);
            ps.executeQuery().close();
        }
    }
}
