package dev.sequor.http;

import java.net.URI;
import java.util.List;

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
        boolean quoted = false;
        for (int i = from; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        return header.length();
    }

    private static boolean isNext(String params) {
        for (String param : params.split(";")) {
            String p = param.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("rel")) {
                String value = p.substring(eq + 1).strip().replace("\"", "");
                for (String rel : value.split("\\s+")) {
                    if (rel.equalsIgnoreCase("next")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
