package dev.sequor.db;

import dev.sequor.error.SequorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A {@code type: snowflake} source file turned into what the Snowflake JDBC driver is handed: the account's URL, the
 * user, the password or the key pair, and the session's warehouse, database, schema and role as driver properties.
 * Every check names the source and its file position; {@link #toString()} never shows a password or passphrase.
 *
 * @param jdbcUrl    {@code jdbc:snowflake://ACCOUNT.snowflakecomputing.com/}
 * @param password   null when the source signs in with a key pair
 * @param properties the driver properties besides user and password (may hold the key's passphrase)
 */
record SnowflakeSettings(String jdbcUrl, String user, String password, Map<String, String> properties) {

    /** The keys a snowflake source file takes besides {@code type}. */
    static final List<String> KEYS = List.of("account", "user", "username", "password",
            "private_key_file", "private_key_file_pwd", "warehouse", "database", "schema", "role");

    /** An account identifier ({@code myorg-myaccount}, {@code xy12345.us-east-1.aws}) or its host name. */
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final String DOMAIN = ".snowflakecomputing.com";
    private static final String ACCOUNT_EXAMPLE = "an account identifier such as myorg-myaccount or"
            + " xy12345.us-east-1 (the part of the account URL before .snowflakecomputing.com)";

    /**
     * The driver's properties for the session, with the keys Sequor's sources use: {@code database} is the driver's
     * {@code db}.
     */
    private static final Map<String, String> SESSION_KEYS = Map.of("warehouse", "warehouse", "database", "db",
            "schema", "schema", "role", "role");

    static SnowflakeSettings of(SourceConfig config) {
        String account = account(config);
        String user = user(config);
        String password = config.text("password");
        String keyFile = config.text("private_key_file");
        boolean hasPassword = password != null && !password.isEmpty();
        boolean hasKey = keyFile != null && !keyFile.isBlank();
        if (hasPassword == hasKey) {
            throw SequorException.invalid(config.pos(), "Source '" + config.sourceName() + "' of type snowflake needs"
                    + (hasKey ? " either 'password' or 'private_key_file', not both" : " 'password' or"
                    + " 'private_key_file' (a key pair's private key in a PEM file)"));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        SESSION_KEYS.keySet().stream().sorted().forEach(key -> {
            String value = config.text(key);
            if (value != null && !value.isBlank()) {
                properties.put(SESSION_KEYS.get(key), value.strip());
            }
        });
        if (hasKey) {
            Path key = config.projectDir().resolve(keyFile.strip()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(key)) {
                throw SequorException.invalid(config.pos(), "The private_key_file '" + keyFile.strip() + "' of source '"
                        + config.sourceName() + "' is not a file (paths are relative to the project folder)");
            }
            properties.put("authenticator", "SNOWFLAKE_JWT");
            properties.put("private_key_file", key.toString());
            String passphrase = config.text("private_key_file_pwd");
            if (passphrase != null && !passphrase.isEmpty()) {
                properties.put("private_key_file_pwd", passphrase);
            }
        } else if (config.text("private_key_file_pwd") != null) {
            throw SequorException.invalid(config.pos(), "Source '" + config.sourceName() + "' has a"
                    + " 'private_key_file_pwd' but no 'private_key_file'");
        }
        // results as JSON rather than Arrow: Arrow needs --add-opens=java.base/java.nio on the JDKs Sequor runs on
        properties.put("JDBC_QUERY_RESULT_FORMAT", "JSON");
        return new SnowflakeSettings("jdbc:snowflake://" + account + "/", user, hasPassword ? password : null,
                Map.copyOf(properties));
    }

    /** The host of the account: the identifier with Snowflake's domain, or the host name as written. */
    private static String account(SourceConfig config) {
        String written = config.required("account", ACCOUNT_EXAMPLE).strip();
        String host = written.replaceFirst("(?i)^https?://", "").replaceFirst("/+$", "");
        if (!ACCOUNT.matcher(host).matches()) {
            throw SequorException.invalid(config.pos(), "'account' of source '" + config.sourceName() + "' is not an"
                    + " account identifier; expected " + ACCOUNT_EXAMPLE);
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(DOMAIN) || lower.endsWith(".snowflakecomputing.cn") ? host : host + DOMAIN;
    }

    /** {@code user}, or {@code username} as the postgres, mysql and jdbc sources call it. */
    private static String user(SourceConfig config) {
        String user = config.text("user");
        String username = config.text("username");
        if (user != null && username != null && !user.strip().equals(username.strip())) {
            throw SequorException.invalid(config.pos(), "Source '" + config.sourceName() + "' has both 'user' and"
                    + " 'username'; keep one");
        }
        String chosen = user != null ? user : username;
        if (chosen == null || chosen.isBlank()) {
            throw SequorException.invalid(config.pos(), "Source '" + config.sourceName() + "' has no 'user'; expected"
                    + " the Snowflake user to sign in as");
        }
        return chosen.strip();
    }

    /** The secrets a driver message must never show. */
    List<String> secrets() {
        List<String> out = new ArrayList<>();
        if (password != null) {
            out.add(password);
        }
        if (properties.containsKey("private_key_file_pwd")) {
            out.add(properties.get("private_key_file_pwd"));
        }
        return out;
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(properties);
        shown.computeIfPresent("private_key_file_pwd", (k, v) -> "***");
        return "SnowflakeSettings[" + jdbcUrl + ", user=" + user + (password == null ? "" : ", password=***") + ", "
                + shown + "]";
    }
}
