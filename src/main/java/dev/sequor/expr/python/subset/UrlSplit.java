package dev.sequor.expr.python.subset;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code urlsplit}, {@code urlparse}, {@code urlunsplit}, {@code urlunparse} and {@code urljoin}, ported from
 * CPython 3.12's urllib/parse.py (the one GraalPy runs), for str URLs. Results are {@link UrlParts}.
 */
final class UrlSplit {

    private static final String SCHEME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.";
    private static final Set<String> USES_PARAMS = Set.of("", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp",
            "rtsp", "rtsps", "rtspu", "sip", "sips", "mms", "sftp", "tel");
    private static final Set<String> USES_RELATIVE = Set.of("", "ftp", "http", "gopher", "nntp", "imap", "wais", "file",
            "https", "shttp", "mms", "prospero", "rtsp", "rtsps", "rtspu", "sftp", "svn", "svn+ssh", "ws", "wss");
    private static final Set<String> USES_NETLOC = Set.of("", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais",
            "file", "mms", "https", "shttp", "snews", "prospero", "rtsp", "rtsps", "rtspu", "rsync", "svn", "svn+ssh",
            "sftp", "nfs", "git", "git+ssh", "ws", "wss", "itms-services");

    private UrlSplit() {
    }

    static void register(PyModule m) {
        BuiltinFunction.def(m, "urlsplit", (args, kwargs) -> {
            Object[] a = UrllibParseModule.bind("urlsplit", args, kwargs, "url", "scheme", "allow_fragments");
            return split(url(a[0]), a[1] == UrllibParseModule.MISSING ? "" : url(a[1]),
                    a[2] == UrllibParseModule.MISSING || Py.truthy(a[2]));
        });
        BuiltinFunction.def(m, "urlparse", (args, kwargs) -> {
            Object[] a = UrllibParseModule.bind("urlparse", args, kwargs, "url", "scheme", "allow_fragments");
            return parse(url(a[0]), a[1] == UrllibParseModule.MISSING ? "" : url(a[1]),
                    a[2] == UrllibParseModule.MISSING || Py.truthy(a[2]));
        });
        BuiltinFunction.def(m, "urlunsplit", (args, kwargs) -> {
            Args.onlyKeywords("urlunsplit", kwargs, "components");
            List<Object> c = parts(Args.named(args, kwargs, 0, "components", null), 5);
            return unsplit(url(c.get(0)), url(c.get(1)), url(c.get(2)), url(c.get(3)), url(c.get(4)));
        });
        BuiltinFunction.def(m, "urlunparse", (args, kwargs) -> {
            Args.onlyKeywords("urlunparse", kwargs, "components");
            List<Object> c = parts(Args.named(args, kwargs, 0, "components", null), 6);
            return unparse(url(c.get(0)), url(c.get(1)), url(c.get(2)), url(c.get(3)), url(c.get(4)), url(c.get(5)));
        });
        BuiltinFunction.def(m, "urljoin", (args, kwargs) -> {
            Object[] a = UrllibParseModule.bind("urljoin", args, kwargs, "base", "url", "allow_fragments");
            if (a[1] == UrllibParseModule.MISSING) {
                throw PyExc.typeError("urljoin() missing 1 required positional argument: 'url'");
            }
            return join(url(a[0]), url(a[1]), a[2] == UrllibParseModule.MISSING || Py.truthy(a[2]));
        });
    }

    /** A str argument; None counts as empty (CPython coerces falsy arguments). */
    private static String url(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof PyBytes) {
            throw PyExc.typeError("bytes URLs are not supported by Sequor's Python evaluator");
        }
        throw new PyExc(PyExcType.ATTRIBUTE_ERROR, "'" + Py.typeName(v) + "' object has no attribute 'decode'");
    }

    private static List<Object> parts(Object components, int n) {
        List<Object> c = Items.toList(components);
        if (c.size() != n) {
            // parse.py unpacks the components plus a coercion function, hence the counts one higher
            throw PyExc.valueError(c.size() > n ? "too many values to unpack (expected " + (n + 1) + ")"
                    : "not enough values to unpack (expected " + (n + 1) + ", got " + (c.size() + 1) + ")");
        }
        return c;
    }

    static UrlParts split(String url, String scheme, boolean allowFragments) {
        url = stripLeadingC0(url).replace("\t", "").replace("\r", "").replace("\n", "");
        scheme = stripLeadingC0(stripTrailingC0(scheme)).replace("\t", "").replace("\r", "").replace("\n", "");
        String netloc = "";
        String query = "";
        String fragment = "";
        int i = url.indexOf(':');
        if (i > 0 && url.charAt(0) < 0x80 && Character.isLetter(url.charAt(0))) {
            boolean valid = true;
            for (int k = 0; k < i; k++) {
                valid &= SCHEME_CHARS.indexOf(url.charAt(k)) >= 0;
            }
            if (valid) {
                scheme = url.substring(0, i).toLowerCase(java.util.Locale.ROOT);
                url = url.substring(i + 1);
            }
        }
        if (url.startsWith("//")) {
            int delim = url.length();
            for (char c : new char[] {'/', '?', '#'}) {
                int w = url.indexOf(c, 2);
                if (w >= 0) {
                    delim = Math.min(delim, w);
                }
            }
            netloc = url.substring(2, delim);
            url = url.substring(delim);
            if ((netloc.contains("[") && !netloc.contains("]")) || (netloc.contains("]") && !netloc.contains("["))) {
                throw PyExc.valueError("Invalid IPv6 URL");
            }
        }
        if (allowFragments && url.contains("#")) {
            fragment = url.substring(url.indexOf('#') + 1);
            url = url.substring(0, url.indexOf('#'));
        }
        if (url.contains("?")) {
            query = url.substring(url.indexOf('?') + 1);
            url = url.substring(0, url.indexOf('?'));
        }
        return UrlParts.split(scheme, netloc, url, query, fragment);
    }

    static UrlParts parse(String url, String scheme, boolean allowFragments) {
        UrlParts s = split(url, scheme, allowFragments);
        String path = s.part("path");
        String params = "";
        String sc = s.part("scheme");
        if (USES_PARAMS.contains(sc) && path.contains(";")) {
            int at = path.contains("/") ? path.indexOf(';', path.lastIndexOf('/')) : path.indexOf(';');
            if (at >= 0) {
                params = path.substring(at + 1);
                path = path.substring(0, at);
            }
        }
        return UrlParts.parse(sc, s.part("netloc"), path, params, s.part("query"), s.part("fragment"));
    }

    /** The 3.12.8 urlunsplit, which keeps an empty authority ({@code //}) when the path needs it. */
    static String unsplit(String scheme, String netloc, String url, String query, String fragment) {
        if (!netloc.isEmpty()) {
            if (!url.isEmpty() && !url.startsWith("/")) {
                url = "/" + url;
            }
            url = "//" + netloc + url;
        } else if (url.startsWith("//")) {
            url = "//" + url;
        } else if (!scheme.isEmpty() && USES_NETLOC.contains(scheme) && (url.isEmpty() || url.startsWith("/"))) {
            url = "//" + url;
        }
        if (!scheme.isEmpty()) {
            url = scheme + ":" + url;
        }
        if (!query.isEmpty()) {
            url = url + "?" + query;
        }
        if (!fragment.isEmpty()) {
            url = url + "#" + fragment;
        }
        return url;
    }

    static String unparse(String scheme, String netloc, String url, String params, String query, String fragment) {
        if (!params.isEmpty()) {
            url = url + ";" + params;
        }
        return unsplit(scheme, netloc, url, query, fragment);
    }

    static String join(String base, String url, boolean allowFragments) {
        if (base.isEmpty()) {
            return url;
        }
        if (url.isEmpty()) {
            return base;
        }
        UrlParts b = parse(base, "", allowFragments);
        String bscheme = b.part("scheme");
        UrlParts u = parse(url, bscheme, allowFragments);
        String scheme = u.part("scheme");
        String netloc = u.part("netloc");
        String path = u.part("path");
        String params = u.part("params");
        String query = u.part("query");
        String fragment = u.part("fragment");
        if (!scheme.equals(bscheme) || !USES_RELATIVE.contains(scheme)) {
            return url;
        }
        if (USES_NETLOC.contains(scheme)) {
            if (!netloc.isEmpty()) {
                return unparse(scheme, netloc, path, params, query, fragment);
            }
            netloc = b.part("netloc");
        }
        if (path.isEmpty() && params.isEmpty()) {
            path = b.part("path");
            params = b.part("params");
            if (query.isEmpty()) {
                query = b.part("query");
            }
            return unparse(scheme, netloc, path, params, query, fragment);
        }
        List<String> baseParts = new ArrayList<>(List.of(b.part("path").split("/", -1)));
        if (!baseParts.get(baseParts.size() - 1).isEmpty()) {
            baseParts.remove(baseParts.size() - 1); // the last item is not a directory
        }
        List<String> segments;
        if (path.startsWith("/")) {
            segments = new ArrayList<>(List.of(path.split("/", -1)));
        } else {
            segments = new ArrayList<>(baseParts);
            segments.addAll(List.of(path.split("/", -1)));
            // drop empty segments in the middle, which would make redundant slashes
            List<String> filtered = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                if (i == 0 || i == segments.size() - 1 || !segments.get(i).isEmpty()) {
                    filtered.add(segments.get(i));
                }
            }
            segments = filtered;
        }
        List<String> resolved = new ArrayList<>();
        for (String seg : segments) {
            if (seg.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.remove(resolved.size() - 1);
                }
            } else if (!seg.equals(".")) {
                resolved.add(seg);
            }
        }
        String last = segments.get(segments.size() - 1);
        if (last.equals(".") || last.equals("..")) {
            resolved.add("");
        }
        String joined = String.join("/", resolved);
        return unparse(scheme, netloc, joined.isEmpty() ? "/" : joined, params, query, fragment);
    }

    /** WHATWG "C0 control or space": U+0000 to U+0020. */
    private static String stripLeadingC0(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) <= ' ') {
            i++;
        }
        return s.substring(i);
    }

    private static String stripTrailingC0(String s) {
        int i = s.length();
        while (i > 0 && s.charAt(i - 1) <= ' ') {
            i--;
        }
        return s.substring(0, i);
    }
}
