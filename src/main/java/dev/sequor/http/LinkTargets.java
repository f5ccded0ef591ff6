package dev.sequor.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Where a link in a response points: a redirect's {@code Location}, a {@code Link} header's target, or a next-page
 * URL in a body, resolved against the URL the response came from (RFC 3986, as browsers and Python requests do):
 * after a redirect, the URL it landed on.
 */
public final class LinkTargets {

    private LinkTargets() {
    }

    /**
     * {@code reference} resolved against {@code base} (an absolute URL); characters a URL cannot hold are escaped
     * first. An {@link IllegalArgumentException} when it is not a URL.
     */
    public static URI resolve(URI base, String reference) {
        URI ref = URI.create(QueryStrings.escapeUnsafe(reference.strip()));
        if (ref.isAbsolute()) {
            return ref;
        }
        String path = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        String noQuery = base.getScheme() + "://" + base.getRawAuthority() + path;
        if (ref.toString().startsWith("?")) {
            // java.net.URI follows RFC 2396 here and would drop the last path segment; RFC 3986 keeps the path
            return URI.create(noQuery + ref);
        }
        return URI.create(noQuery).resolve(ref);
    }

    /** Whether {@code target} is a URL the client can send a request to: http or https, with a host. */
    public static boolean followable(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && target.getRawAuthority() != null;
    }

    /**
     * The target of the first {@code rel="next"} link in {@code Link} header values (RFC 8288: {@code <url>; rel="next",
     * <url>; rel="last"}, relation types compared case-insensitively, several per {@code rel} allowed), or null.
     */
    public static String nextLink(List<String> linkHeaders) {
        if (linkHeaders == null) {
            return null;
        }
        for (String header : linkHeaders) {
            int i = 0;
            while (true) {
                int open = header.indexOf('<', i);
                int close = open < 0 ? -1 : header.indexOf('>', open);
                if (close < 0) {
                    break;
                }
                String target = header.substring(open + 1, close);
                int end = paramsEnd(header, close + 1);
                if (isNext(header.substring(close + 1, end))) {
                    return target.strip();
                }
                i = end;
            }
        }
        return null;
    }

    /** Where the parameters of one link end: the next comma outside quotes, or the end of the header. */
    private static int paramsEnd(String header, int from) {
        return nextOutsideQuotes(header, from, ',');
    }

    /**
     * Whether the parameters of one link ({@code ; rel="next"; title="..."}) have a relation type {@code next}: the
     * first {@code rel} counts (RFC 8288 3.3), and a {@code ;} or {@code rel=} inside a quoted value, as in
     * {@code title="a; rel=next"}, is part of that value.
     */
    private static boolean isNext(String params) {
        int i = 0;
        while (i < params.length()) {
            int end = nextOutsideQuotes(params, i, ';');
            String p = params.substring(i, end).strip();
            i = end + 1;
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("rel")) {
                for (String rel : unquoted(p.substring(eq + 1).strip()).strip().split("\\s+")) {
                    if (rel.equalsIgnoreCase("next")) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /** The index of the first {@code c} at or after {@code from} outside a quoted string, or the end of {@code text}. */
    private static int nextOutsideQuotes(String text, int from, char c) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted && ch == '\\') {
                i++; // a quoted-pair: the next character is literal
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                return i;
            }
        }
        return text.length();
    }

    /** A parameter value as written: a quoted string without its quotes and escapes, or a token as it is. */
    private static String unquoted(String value) {
        if (!value.startsWith("\"")) {
            return value;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < value.length() && value.charAt(i) != '"'; i++) {
            char ch = value.charAt(i);
            if (ch == '\\' && i + 1 < value.length()) {
                ch = value.charAt(++i);
            }
            sb.append(ch);
        }
        return sb.toString();
    }
}
