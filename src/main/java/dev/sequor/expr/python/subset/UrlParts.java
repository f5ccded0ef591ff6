package dev.sequor.expr.python.subset;

import java.util.Locale;

/**
 * What urlsplit and urlparse return: {@code SplitResult(scheme, netloc, path, query, fragment)} or
 * {@code ParseResult(scheme, netloc, path, params, query, fragment)}, named tuples with the parts of the network
 * location ({@code hostname}, {@code port}, {@code username}, {@code password}) and {@code geturl()}.
 */
final class UrlParts extends PyNamedTuple {

    private static final String[] SPLIT_FIELDS = {"scheme", "netloc", "path", "query", "fragment"};
    private static final String[] PARSE_FIELDS = {"scheme", "netloc", "path", "params", "query", "fragment"};

    private UrlParts(String name, String[] fields, Object[] values) {
        super(name, name, fields, values);
    }

    static UrlParts split(String scheme, String netloc, String path, String query, String fragment) {
        return new UrlParts("SplitResult", SPLIT_FIELDS, new Object[] {scheme, netloc, path, query, fragment});
    }

    static UrlParts parse(String scheme, String netloc, String path, String params, String query, String fragment) {
        return new UrlParts("ParseResult", PARSE_FIELDS, new Object[] {scheme, netloc, path, params, query, fragment});
    }

    String part(String name) {
        return (String) field(name);
    }

    private boolean isParse() {
        return values.length == 6;
    }

    @Override
    public Object getAttr(String name) {
        Object v = super.getAttr(name);
        if (v != null) {
            return v;
        }
        Object value = switch (name) {
            case "hostname" -> hostname();
            case "port" -> port();
            case "username" -> userinfo()[0];
            case "password" -> userinfo()[1];
            case "geturl" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.positional("geturl", args, kwargs, 0, 0);
                return geturl();
            });
            case "_replace" -> BuiltinFunction.function(name, (args, kwargs) -> {
                Args.positional("_replace", args, null, 0, 0);
                Object[] out = values.clone();
                String[] fields = fields();
                if (kwargs != null) {
                    outer:
                    for (var e : kwargs.entrySet()) {
                        for (int i = 0; i < fields.length; i++) {
                            if (fields[i].equals(e.getKey())) {
                                out[i] = e.getValue();
                                continue outer;
                            }
                        }
                        throw PyExc.valueError("Got unexpected field names: ['" + e.getKey() + "']");
                    }
                }
                return new UrlParts(typeName(), fields, out);
            });
            default -> MISSING;
        };
        return value == MISSING ? null : value == null ? Attrs.NONE : value;
    }

    private static final Object MISSING = new Object();

    private String geturl() {
        if (isParse()) {
            return UrlSplit.unparse(part("scheme"), part("netloc"), part("path"), part("params"), part("query"),
                    part("fragment"));
        }
        return UrlSplit.unsplit(part("scheme"), part("netloc"), part("path"), part("query"), part("fragment"));
    }

    /** {hostname, port} text of the netloc, as _NetlocResultMixinStr._hostinfo. */
    private String[] hostinfo() {
        String netloc = part("netloc");
        String hostinfo = netloc.substring(netloc.lastIndexOf('@') + 1);
        String hostname;
        String port;
        int open = hostinfo.indexOf('[');
        if (open >= 0) {
            String bracketed = hostinfo.substring(open + 1);
            int close = bracketed.indexOf(']');
            hostname = close >= 0 ? bracketed.substring(0, close) : bracketed;
            String rest = close >= 0 ? bracketed.substring(close + 1) : "";
            port = rest.contains(":") ? rest.substring(rest.indexOf(':') + 1) : "";
        } else {
            int colon = hostinfo.indexOf(':');
            hostname = colon >= 0 ? hostinfo.substring(0, colon) : hostinfo;
            port = colon >= 0 ? hostinfo.substring(colon + 1) : "";
        }
        return new String[] {hostname, port.isEmpty() ? null : port};
    }

    private Object hostname() {
        String hostname = hostinfo()[0];
        if (hostname.isEmpty()) {
            return null;
        }
        int percent = hostname.indexOf('%'); // a scoped IPv6 zone keeps its case
        return percent < 0 ? hostname.toLowerCase(Locale.ROOT)
                : hostname.substring(0, percent).toLowerCase(Locale.ROOT) + hostname.substring(percent);
    }

    private Object port() {
        String port = hostinfo()[1];
        if (port == null) {
            return null;
        }
        if (!port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw PyExc.valueError("Port could not be cast to integer value as " + Py.repr(port));
        }
        java.math.BigInteger value = new java.math.BigInteger(port);
        if (value.compareTo(java.math.BigInteger.valueOf(65535)) > 0) {
            throw PyExc.valueError("Port out of range 0-65535");
        }
        return value.longValue();
    }

    private Object[] userinfo() {
        String netloc = part("netloc");
        int at = netloc.lastIndexOf('@');
        if (at < 0) {
            return new Object[] {null, null};
        }
        String userinfo = netloc.substring(0, at);
        int colon = userinfo.indexOf(':');
        return colon < 0 ? new Object[] {userinfo, null}
                : new Object[] {userinfo.substring(0, colon), userinfo.substring(colon + 1)};
    }
}
