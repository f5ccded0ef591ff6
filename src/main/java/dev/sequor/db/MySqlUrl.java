package dev.sequor.db;

import java.util.Set;

/**
 * A MySQL or MariaDB {@code conn_str} turned into what the MariaDB driver needs. Accepts SQLAlchemy-style URLs
 * ({@code mysql://}, {@code mariadb://}, {@code mysql+pymysql://user:pass@host:3306/db?params}) and JDBC URLs
 * ({@code jdbc:mariadb://...}, {@code jdbc:mysql://...}; the MariaDB driver speaks to MySQL servers too, under its
 * own scheme). The source's {@code username}/{@code password} keys, when given, override credentials in the URL.
 * {@link #toString()} never shows the password.
 *
 * @param jdbcUrl  {@code jdbc:mariadb://host:port/db?params}, without credentials from a SQLAlchemy URL
 * @param user     null when none is given
 * @param password null when none is given
 */
record MySqlUrl(String jdbcUrl, String user, String password) {

    static final String FORMS = "mysql://[user[:password]@]host[:port]/database, mariadb://..., jdbc:mariadb://host:port/database"
            + " or jdbc:mysql://host:port/database";

    /** Returns null when {@code connStr} is not a MySQL URL this class understands. */
    static MySqlUrl parse(String connStr, String username, String password) {
        String s = connStr.strip();
        String user = username == null || username.isBlank() ? null : username;
        if (s.startsWith("jdbc:mariadb:")) {
            return new MySqlUrl(s, user, ServerUrl.override(null, password));
        }
        if (s.startsWith("jdbc:mysql:")) {
            return new MySqlUrl("jdbc:mariadb:" + s.substring("jdbc:mysql:".length()), user,
                    ServerUrl.override(null, password));
        }
        ServerUrl url = ServerUrl.parse(s, Set.of("mysql", "mariadb"));
        if (url == null) {
            return null;
        }
        return new MySqlUrl("jdbc:mariadb://" + (url.authority().isEmpty() ? "localhost" : url.authority()) + url.tail(),
                ServerUrl.override(url.user(), user), ServerUrl.override(url.password(), password));
    }

    @Override
    public String toString() {
        return "MySqlUrl[" + jdbcUrl + ", user=" + user + (password == null ? "" : ", password=***") + "]";
    }
}
