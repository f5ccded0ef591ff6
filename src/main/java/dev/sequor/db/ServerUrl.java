package dev.sequor.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The parts of a SQLAlchemy-style server URL, {@code scheme[+driver]://[user[:password]@]host[:port][/database][?params]},
 * as source files write them for PostgreSQL and MySQL. Each database's own URL class picks its schemes and builds
 * the JDBC URL from these parts. {@link #toString()} never shows the password.
 *
 * @param authority {@code host[:port]} (possibly several, comma separated), empty when the URL has none
 * @param tail      what follows the authority: {@code /database?params}, possibly empty
 * @param user      from the user info; null when none
 * @param password  from the user info; null when none
 */
record ServerUrl(String authority, String tail, String user, String password) {

    /**
     * The parts of {@code connStr} when its scheme, without SQLAlchemy's {@code +driver} part, is one of
     * {@code schemes} (any case); null otherwise.
     */
    static ServerUrl parse(String connStr, Set<String> schemes) {
        String s = connStr.strip();
        int schemeEnd = s.indexOf("://");
        if (schemeEnd < 0) {
            return null;
        }
        String scheme = s.substring(0, schemeEnd);
        String base = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
        if (schemes.stream().noneMatch(base::equalsIgnoreCase)) {
            return null;
        }
        String rest = s.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        int question = rest.indexOf('?');
        int authorityEnd = slash >= 0 ? slash : question >= 0 ? question : rest.length();
        String authority = rest.substring(0, authorityEnd);
        String tail = rest.substring(authorityEnd);
        String user = null;
        String pass = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            pass = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        return new ServerUrl(authority, tail, user, pass);
    }

    /** The source's own {@code username}/{@code password} keys, when given, win over the URL's. */
    static String override(String fromUrl, String fromKey) {
        String chosen = fromKey != null && !fromKey.isEmpty() ? fromKey : fromUrl;
        return chosen == null || chosen.isEmpty() ? null : chosen;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ServerUrl[" + authority + tail + ", user=" + user + (password == null ? "" : ", password=***") + "]";
    }
}
