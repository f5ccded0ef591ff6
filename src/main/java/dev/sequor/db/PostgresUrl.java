package dev.sequor.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL {@code conn_str} turned into what JDBC needs. Accepts SQLAlchemy-style URLs
 * ({@code postgresql://}, {@code postgres://}, {@code postgresql+psycopg2://user:pass@host:port/db?sslmode=require})
 * and JDBC URLs ({@code jdbc:postgresql://...}). The source's {@code username}/{@code password} keys, when given,
 * override credentials in the URL. {@link #toString()} never shows the password.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/db?params}, without credentials
 * @param user     null when none is given (the driver then uses its default)
 * @param password null when none is given
 */
record PostgresUrl(String jdbcUrl, String user, String password) {

    /** Returns null when {@code connStr} is not a PostgreSQL URL this class understands. */
    static PostgresUrl parse(String connStr, String username, String password) {
        String s = connStr.strip();
        String user = null;
        String pass = null;
        String jdbcUrl;
        if (s.startsWith("jdbc:postgresql:")) {
            jdbcUrl = s;
        } else {
            int schemeEnd = s.indexOf("://");
            if (schemeEnd < 0 || !isPostgresScheme(s.substring(0, schemeEnd))) {
                return null;
            }
            String rest = s.substring(schemeEnd + 3);
            int slash = rest.indexOf('/');
            int question = rest.indexOf('?');
            int authorityEnd = slash >= 0 ? slash : question >= 0 ? question : rest.length();
            String authority = rest.substring(0, authorityEnd);
            String tail = rest.substring(authorityEnd);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = authority.substring(0, at);
                authority = authority.substring(at + 1);
                int colon = userInfo.indexOf(':');
                user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
                pass = colon < 0 ? null : decode(userInfo.substring(colon + 1));
            }
            jdbcUrl = "jdbc:postgresql://" + (authority.isEmpty() ? "localhost" : authority) + (tail.isEmpty() ? "/" : tail);
        }
        if (username != null && !username.isBlank()) {
            user = username;
        }
        if (password != null && !password.isEmpty()) {
            pass = password;
        }
        return new PostgresUrl(jdbcUrl, emptyToNull(user), emptyToNull(pass));
    }

    /** postgres, postgresql, and SQLAlchemy's driver-qualified forms such as postgresql+psycopg2. */
    private static boolean isPostgresScheme(String scheme) {
        String base = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
        return base.equalsIgnoreCase("postgresql") || base.equalsIgnoreCase("postgres");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return "PostgresUrl[" + jdbcUrl + ", user=" + user + (password == null ? "" : ", password=***") + "]";
    }
}
