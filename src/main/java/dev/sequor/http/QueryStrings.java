package dev.sequor.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Query strings as Python requests builds them: parameters are form-encoded ({@code a b} becomes
 * {@code a+b}) and appended to whatever query the URL already has, in order, a key repeated per list item.
 */
public final class QueryStrings {

    private QueryStrings() {
    }

    /** {@code url} with {@code params} appended to its query; characters a URL cannot hold are escaped. */
    public static URI withQuery(String url, List<Map.Entry<String, String>> params) {
        URI base = parse(url);
        if (params.isEmpty()) {
            return base;
        }
        StringBuilder query = new StringBuilder(base.getRawQuery() == null ? "" : base.getRawQuery());
        for (Map.Entry<String, String> p : params) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(encode(p.getKey())).append('=').append(encode(p.getValue()));
        }
        return replaceQuery(base, query.toString());
    }

    /** {@code uri} with every {@code name} parameter removed and {@code name=value} appended. */
    public static URI withParameter(URI uri, String name, String value) {
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !java.net.URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                    kept.add(pair);
                }
            }
        }
        kept.add(encode(name) + "=" + encode(value));
        return replaceQuery(uri, String.join("&", kept));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static URI replaceQuery(URI base, String rawQuery) {
        String s = base.toString();
        int hash = s.indexOf('#');
        String fragment = hash < 0 ? "" : s.substring(hash);
        String noFragment = hash < 0 ? s : s.substring(0, hash);
        int q = noFragment.indexOf('?');
        String path = q < 0 ? noFragment : noFragment.substring(0, q);
        return URI.create(path + (rawQuery.isEmpty() ? "" : "?" + rawQuery) + fragment);
    }

    /** Parses a URL as written in a flow, escaping spaces and other characters RFC 3986 does not allow. */
    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            try {
                return new URI(escapeUnsafe(url));
            } catch (URISyntaxException again) {
                throw new IllegalArgumentException(again.getReason(), again);
            }
        }
    }

    /**
     * {@code text} with spaces, non-ASCII and the other characters RFC 3986 does not allow percent-escaped,
     * as {@link #withQuery} escapes a URL written in a flow. {@link SecretRedactor} hides this form too.
     */
    static String escapeUnsafe(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }
}
