package dev.sequor.http.auth;

import dev.sequor.http.HttpRequestData;
import dev.sequor.http.HttpResponseData;
import dev.sequor.http.HttpTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code digest_auth} (RFC 7616, as Python requests' HTTPDigestAuth): the first request goes out without
 * credentials; a 401 with a Digest challenge is answered by sending it again with the computed response.
 * The challenge is kept, so later requests authenticate at once (with an increasing nonce count).
 */
final class DigestAuth implements HttpAuth {

    private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,\\s]*)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final String password;
    private Map<String, String> challenge;
    private int nonceCount;

    DigestAuth(String username, String password) {
        this.username = username;
        this.password = password == null ? "" : password;
    }

    @Override
    public HttpResponseData exchange(HttpRequestData request, HttpTransport transport) throws IOException {
        Map<String, String> known = current();
        HttpResponseData response = transport.send(known == null ? request : request.withHeader("Authorization",
                authorization(request, known)));
        if (response.statusCode() != 401) {
            return response;
        }
        Map<String, String> fresh = challenge(response);
        if (fresh == null || (known != null && !"true".equalsIgnoreCase(fresh.get("stale"))
                && fresh.get("nonce").equals(known.get("nonce")))) {
            return response;
        }
        synchronized (this) {
            challenge = fresh;
            nonceCount = 0;
        }
        return transport.send(request.withHeader("Authorization", authorization(request, fresh)));
    }

    private synchronized Map<String, String> current() {
        return challenge;
    }

    /** The parameters of the response's Digest challenge, or null if it asks for something else. */
    static Map<String, String> challenge(HttpResponseData response) {
        List<String> headers = response.headers().getOrDefault("WWW-Authenticate", List.of());
        for (String h : headers) {
            int at = h.toLowerCase(Locale.ROOT).indexOf("digest ");
            if (at < 0) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            Matcher m = PARAM.matcher(h.substring(at + 7));
            while (m.find()) {
                String v = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2);
                params.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), v);
            }
            if (params.containsKey("nonce")) {
                params.putIfAbsent("realm", "");
                return params;
            }
        }
        return null;
    }

    private String authorization(HttpRequestData request, Map<String, String> c) {
        String algorithm = c.getOrDefault("algorithm", "MD5");
        String hashName = algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        boolean sess = algorithm.toLowerCase(Locale.ROOT).endsWith("-sess");
        String uri = request.uri().getRawPath() == null || request.uri().getRawPath().isEmpty() ? "/" : request.uri().getRawPath();
        if (request.uri().getRawQuery() != null) {
            uri += "?" + request.uri().getRawQuery();
        }
        String nonce = c.get("nonce");
        String cnonce = HexFormat.of().formatHex(randomBytes());
        String ha1 = hash(hashName, username + ":" + c.get("realm") + ":" + password);
        if (sess) {
            ha1 = hash(hashName, ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = hash(hashName, request.method() + ":" + uri);
        String qop = c.get("qop") == null ? null : pickAuthQop(c.get("qop"));
        StringBuilder h = new StringBuilder("Digest username=\"").append(username).append("\", realm=\"")
                .append(c.get("realm")).append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri)
                .append("\", algorithm=").append(algorithm);
        if (qop != null) {
            String nc;
            synchronized (this) {
                nc = String.format("%08x", ++nonceCount);
            }
            h.append(", response=\"").append(hash(hashName, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2))
                    .append("\", qop=").append(qop).append(", nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        } else {
            h.append(", response=\"").append(hash(hashName, ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (c.get("opaque") != null) {
            h.append(", opaque=\"").append(c.get("opaque")).append('"');
        }
        return h.toString();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String pickAuthQop(String offered) {
        for (String q : offered.split(",")) {
            if (q.strip().equalsIgnoreCase("auth")) {
                return "auth";
            }
        }
        return null;
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
