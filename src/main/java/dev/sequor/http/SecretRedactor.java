package dev.sequor.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hides credentials in anything Sequor writes about HTTP traffic (recordings, debug traces, error texts).
 * Headers that carry credentials by nature are hidden whole; known secret values (passwords, tokens and
 * API keys from the sources a run used) are replaced wherever they appear, raw or URL-encoded; JSON
 * members whose names say they are credentials are hidden too. Three shapes are hidden whatever the values:
 * the password in a URL's user info ({@code postgresql://u:pw@h/db}), the value of an {@code Authorization}
 * header written out as text, and the tokens of an OAuth2 token response ({@code "access_token": "..."}),
 * because those can appear before the run knows the value (a token response is printed as it arrives).
 */
public final class SecretRedactor {

    public static final String MASK = "<redacted>";
    /** How a text cut short ends, wherever Sequor cuts one (an excerpt of a response body in an error). */
    private static final String CUT = "...";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key", "api-key", "x-auth-token");
    private static final Set<String> SECRET_MEMBERS = Set.of("password", "client_secret", "access_token",
            "refresh_token", "id_token", "token", "api_key", "apikey", "secret");
    /** Shorter values would mask ordinary text; such credentials are not worth protecting anyway. */
    private static final int MIN_SECRET_LENGTH = 4;

    /** {@code scheme://user:password@}: the password has no slash, so {@code host:port/path?a=b@c} is left alone. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(\\b[A-Za-z][A-Za-z0-9+.-]*://[^:/@\\s]*:)[^@/\\s]+@");
    /** JSON members of a token response, in text that was not parsed (traces, error messages). */
    private static final Pattern TOKEN_MEMBER = Pattern.compile(
            "(\"(?:access_token|refresh_token|id_token)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\"");
    /** {@code Authorization: Basic ...} written as a line of text; the whole value goes. */
    private static final Pattern AUTH_HEADER = Pattern.compile("(?im)((?:proxy-)?authorization\\s*:\\s*)[^\\r\\n]+");

    private final List<String> needles;

    public SecretRedactor(Collection<String> secrets) {
        List<String> n = new ArrayList<>();
        for (String s : secrets) {
            if (s == null || s.length() < MIN_SECRET_LENGTH) {
                continue;
            }
            n.add(s);
            n.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
            // A secret templated into a URL with a space (or another character a URL cannot hold) reaches the
            // wire escaped by QueryStrings as %20 etc., a form URLEncoder (space as +) does not produce.
            n.add(QueryStrings.escapeUnsafe(s));
            n.add(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
        }
        // longest first, so a secret that contains another is hidden whole
        n.sort(Comparator.comparingInt(String::length).reversed());
        this.needles = List.copyOf(new java.util.LinkedHashSet<>(n));
    }

    public static boolean isSecretHeader(String name) {
        return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** {@code text} with every known secret replaced by {@link #MASK}. */
    public String text(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String n : needles) {
            if (out.contains(n)) {
                out = out.replace(n, MASK);
            }
        }
        if (out.contains(CUT)) {
            out = cutSecretsMasked(out);
        }
        if (out.indexOf("://") >= 0) {
            out = URL_PASSWORD.matcher(out).replaceAll("$1" + MASK + "@");
        }
        if (out.contains("_token\"")) {
            out = TOKEN_MEMBER.matcher(out).replaceAll("$1" + MASK + "\"");
        }
        if (out.toLowerCase(Locale.ROOT).contains("authorization")) {
            out = AUTH_HEADER.matcher(out).replaceAll("$1" + MASK);
        }
        return out;
    }

    /**
     * {@code text} with the start of a secret hidden where a text was cut short inside it ({@code Bearer SECRE...}):
     * excerpts of long texts (a response body in an error) are cut before they are masked, and the start of a secret
     * is no longer the secret. A start shorter than {@link #MIN_SECRET_LENGTH} is left, as it would hide ordinary text.
     */
    private String cutSecretsMasked(String text) {
        StringBuilder out = new StringBuilder(text);
        for (int cut = out.indexOf(CUT); cut >= 0; cut = out.indexOf(CUT, cut + CUT.length())) {
            for (String n : needles) {
                int start = longestSecretStartBefore(out, cut, n);
                if (start >= 0) {
                    out.replace(start, cut, MASK);
                    cut = start + MASK.length();
                    break;
                }
            }
        }
        return out.toString();
    }

    /**
     * Where the longest start of {@code secret}, at least {@link #MIN_SECRET_LENGTH} long, that ends at {@code end} in
     * {@code text} begins; -1 if none.
     */
    private static int longestSecretStartBefore(CharSequence text, int end, String secret) {
        for (int k = Math.min(secret.length() - 1, end); k >= MIN_SECRET_LENGTH; k--) {
            if (text.subSequence(end - k, end).toString().equals(secret.substring(0, k))) {
                return end - k;
            }
        }
        return -1;
    }

    /** A header value as it may be shown. */
    public String header(String name, String value) {
        return isSecretHeader(name) ? MASK : text(value);
    }

    /** A parsed JSON value with credential members and known secrets hidden, at any depth. */
    public Object json(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, v != null && SECRET_MEMBERS.contains(String.valueOf(k).toLowerCase(Locale.ROOT))
                    ? MASK : json(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(json(v)));
            return out;
        }
        if (value instanceof String s) {
            return text(s);
        }
        return value;
    }

    /** {@code scheme://userinfo@}: everything before the {@code @} of the authority, user name included. */
    private static final Pattern URL_USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@");

    /**
     * A URL as it may be stored (the url column of a table of failed rows): the whole user info, the values of query
     * parameters whose names say they are credentials ({@code api_key=...}, {@code token=...}) and known secrets
     * hidden.
     */
    public String url(String url) {
        if (url == null) {
            return null;
        }
        String out = URL_USER_INFO.matcher(url).replaceFirst("$1" + MASK + "@");
        int query = out.indexOf('?');
        if (query >= 0) {
            int fragment = out.indexOf('#', query);
            String end = fragment < 0 ? "" : out.substring(fragment);
            out = out.substring(0, query + 1) + form(out.substring(query + 1, fragment < 0 ? out.length() : fragment)) + end;
        }
        return text(out);
    }

    /** A form-encoded body with credential fields and known secrets hidden. */
    public String form(String body) {
        List<String> pairs = new ArrayList<>();
        for (String pair : body.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && SECRET_MEMBERS.contains(java.net.URLDecoder.decode(key, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT))) {
                pairs.add(key + "=" + MASK);
            } else {
                pairs.add(text(pair));
            }
        }
        return String.join("&", pairs);
    }
}
