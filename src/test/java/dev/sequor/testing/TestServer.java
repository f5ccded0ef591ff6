package dev.sequor.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What {@link PostgresTestDatabase} and {@link MySqlTestDatabase} share about their server: its URL and credentials
 * from {@code <PREFIX>_URL}, {@code <PREFIX>_USER}, {@code <PREFIX>_PASSWORD}, and the tests that need it skipped
 * when it does not answer, except on CI ({@code CI=true}) where they fail.
 */
final class TestServer {

    /** Opens a plain connection to the server, to see whether it answers. */
    interface Probe {
        Connection connect() throws SQLException;
    }

    private final String name;
    private final String ciName;
    private final String envPrefix;
    private final String defaultUrl;
    private final String defaultUser;
    private final Probe probe;
    private Boolean available;
    private boolean skipAnnounced;

    /**
     * @param name   the server in the skip message ("MySQL/MariaDB")
     * @param ciName the server in the message that fails CI ("MySQL")
     */
    TestServer(String name, String ciName, String envPrefix, String defaultUrl, String defaultUser, Probe probe) {
        this.name = name;
        this.ciName = ciName;
        this.envPrefix = envPrefix;
        this.defaultUrl = defaultUrl;
        this.defaultUser = defaultUser;
        this.probe = probe;
    }

    String url() {
        String url = System.getenv(envPrefix + "_URL");
        return url == null || url.isBlank() ? defaultUrl : url;
    }

    String user() {
        String user = System.getenv(envPrefix + "_USER");
        return user == null || user.isBlank() ? defaultUser : user;
    }

    String password() {
        String password = System.getenv(envPrefix + "_PASSWORD");
        return password == null ? "" : password;
    }

    /** The user, the password when there is one, and {@code connectTimeout} as the driver reads it. */
    Properties connectProperties(String connectTimeout) {
        Properties props = new Properties();
        props.setProperty("user", user());
        if (!password().isEmpty()) {
            props.setProperty("password", password());
        }
        props.setProperty("connectTimeout", connectTimeout);
        return props;
    }

    /** True when the server answers; checked once per JVM. */
    synchronized boolean available() {
        if (available == null) {
            try (Connection ignored = probe.connect()) {
                available = true;
            } catch (SQLException e) {
                available = false;
            }
        }
        return available;
    }

    /**
     * Skips the calling test when the server is unreachable, except on CI where it fails. A skipped test is reported
     * by the runner as skipped (an aborted assumption, with this message in its report); the first one also says so
     * on the console, where Maven shows only a count of skipped tests.
     */
    void assumeAvailable() {
        if (available()) {
            return;
        }
        String message = name + " not reachable at " + url() + " as " + user()
                + "; skipping the tests that need it (set " + envPrefix + "_URL, " + envPrefix + "_USER)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message.replace("; skipping the tests that need it", "; CI must run the " + ciName
                    + " tests"));
        }
        announceSkipOnce(message);
        Assumptions.abort(message);
    }

    private synchronized void announceSkipOnce(String message) {
        if (!skipAnnounced) {
            skipAnnounced = true;
            System.err.println("[WARNING] " + message + "; they are counted as Skipped");
        }
    }
}
