package dev.sequor.http;

import dev.sequor.error.SequorException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The proxy the standard environment variables name for a URL, read as Python requests reads them, so a flow
 * behaves the same behind a corporate proxy: {@code https_proxy} for https URLs, {@code http_proxy} for http, then
 * {@code all_proxy}; each lower-case name before its upper-case one (an empty lower-case variable means none).
 * {@code no_proxy} (or {@code NO_PROXY} when that is unset or empty) lists hosts reached directly, separated by commas: {@code *} for every host,
 * a name matching the end of the host (or of {@code host:port}), so {@code example.com} and {@code .example.com}
 * both cover {@code api.example.com}; an IPv4 address, or a network such as {@code 10.0.0.0/8}, for IPv4 hosts.
 */
final class ProxyEnvironment {

    private final Map<String, String> env;

    ProxyEnvironment(Map<String, String> env) {
        this.env = env;
    }

    static ProxyEnvironment system() {
        return new ProxyEnvironment(System.getenv());
    }

    /** The proxy for {@code target}, or null to connect directly. */
    ProxyAddress proxyFor(URI target) {
        String host = target.getHost();
        if (host == null || bypassed(host.toLowerCase(Locale.ROOT), target.getPort())) {
            return null;
        }
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        String name = scheme + "_proxy";
        String value = variable(name);
        if (value == null) {
            name = "all_proxy";
            value = variable(name);
        }
        if (value == null) {
            return null;
        }
        try {
            return ProxyAddress.parse(value);
        } catch (IllegalArgumentException e) {
            String shown = env.containsKey(name) ? name : name.toUpperCase(Locale.ROOT);
            throw SequorException.invalid(null, "The environment variable " + shown + " is not a proxy URL such as"
                    + " http://proxy.example.com:3128: " + e.getMessage() + ".");
        }
    }

    /** Whether the environment names any proxy (for some URL, requests may go through one). */
    boolean any() {
        return variable("http_proxy") != null || variable("https_proxy") != null || variable("all_proxy") != null;
    }

    /** The lower-case variable if set (empty means none), else the upper-case one if not empty. */
    private String variable(String lowerName) {
        if (env.containsKey(lowerName)) {
            String v = env.get(lowerName);
            return v == null || v.isBlank() ? null : v;
        }
        String v = env.get(lowerName.toUpperCase(Locale.ROOT));
        return v == null || v.isBlank() ? null : v;
    }

    private boolean bypassed(String host, int port) {
        String list = env.get("no_proxy");
        if (list == null || list.isBlank()) {
            list = env.get("NO_PROXY");
        }
        if (list == null) {
            return false;
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = Ipv4.parse(bareHost) != null;
        String hostWithPort = port < 0 ? bareHost : bareHost + ":" + port;
        for (String raw : list.replace(" ", "").split(",")) {
            String entry = raw.toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            if (ipv4) {
                if (entry.contains("/") ? Ipv4.inNetwork(bareHost, entry) : bareHost.equals(entry)) {
                    return true;
                }
            } else if (bareHost.endsWith(entry) || hostWithPort.endsWith(entry)
                    || (entry.startsWith(".") && bareHost.equals(entry.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    /** Dotted IPv4 addresses and CIDR networks, without name resolution. */
    private static final class Ipv4 {

        static Long parse(String text) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            long value = 0;
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                    return null;
                }
                int octet = Integer.parseInt(p);
                if (octet > 255) {
                    return null;
                }
                value = value << 8 | octet;
            }
            return value;
        }

        static boolean inNetwork(String address, String cidr) {
            int slash = cidr.indexOf('/');
            Long network = parse(cidr.substring(0, slash));
            Long ip = parse(address);
            int bits;
            try {
                bits = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                return false;
            }
            if (network == null || ip == null || bits < 1 || bits > 32) {
                return false;
            }
            long mask = (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            return (ip & mask) == (network & mask);
        }
    }
}
