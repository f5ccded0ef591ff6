package dev.sequor.db;

import java.util.Set;

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
        if (s.startsWith("jdbc:postgresql:")) {
            return new PostgresUrl(s, ServerUrl.override(null, blankToNull(username)),
                    ServerUrl.override(null, password));
        }
        // postgres, postgresql, and SQLAlchemy's driver-qualified forms such as postgresql+psycopg2
        ServerUrl url = ServerUrl.parse(s, Set.of("postgresql", "postgres"));
        if (url == null) {
            return null;
        }
        String jdbcUrl = "jdbc:postgresql://" + (url.authority().isEmpty() ? "localhost" : url.authority())
                + (url.tail().isEmpty() ? "/" : url.tail());
        return new PostgresUrl(jdbcUrl, ServerUrl.override(url.user(), blankToNull(username)),
                ServerUrl.override(url.password(), password));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "PostgresUrl[" + jdbcUrl + ", user=" + user + (password == null ? "" : ", password=***") + "]";
    }
}
