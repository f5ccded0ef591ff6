package dev.sequor.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The value of a Basic {@code Authorization} or {@code Proxy-Authorization} header (RFC 7617), UTF-8 as requests. */
public final class BasicCredentials {

    private BasicCredentials() {
    }

    /** {@code Basic base64(username:password)}; a missing password is empty. */
    public static String header(String username, String password) {
        String pair = username + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
