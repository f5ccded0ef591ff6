package dev.sequor.http;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Follows redirects as Python requests does, so credentials never reach another host. A 301, 302, 303, 307 or 308
 * with a {@code Location} is followed, up to {@link #MAX_REDIRECTS} times: 303 turns any method but HEAD into GET,
 * 302 too (as browsers do), 301 turns POST into GET; except after 307 and 308 the body and its Content-Type,
 * Content-Length and Transfer-Encoding headers are dropped. When the new URL is on another origin (requests'
 * {@code should_strip_auth}: another host name, or another port or scheme, except http to https on the default
 * ports) the credential headers go: {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, the API-key
 * headers {@link SecretRedactor} knows by name, and the header of the source's {@code api_key} auth. (requests drops
 * Authorization across origins and rebuilds Cookie and Proxy-Authorization on every redirect from its cookie jar and
 * proxy settings; without a cookie jar, they are credentials of the origin they were sent to.)
 *
 * <p>It sits below auth and retries and above the transport, so each hop is its own exchange in a recording and
 * takes its own turn at the source's rate limit.
 */
final class RedirectFollower implements HttpTransport {

    /** requests' DEFAULT_REDIRECT_LIMIT. */
    static final int MAX_REDIRECTS = 30;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443);

    /**
     * More redirects than {@link #MAX_REDIRECTS}, or a Location that is no URL or not an http(s) one: not an
     * IOException, so the request is not sent again for it.
     */
    static final class RedirectFailure extends RuntimeException {

        RedirectFailure(String message) {
            super(message);
        }
    }

    private final HttpTransport next;
    private final String authHeader;

    /** {@code authHeader}: the source auth's own credential header (an api_key header name), or null. */
    RedirectFollower(HttpTransport next, String authHeader) {
        this.next = next;
        this.authHeader = authHeader;
    }

    @Override
    public HttpResponseData send(HttpRequestData request) throws IOException {
        HttpRequestData current = request;
        HttpResponseData response = next.send(current);
        for (int redirects = 0; isRedirect(response); redirects++) {
            if (redirects == MAX_REDIRECTS) {
                throw new RedirectFailure("Exceeded " + MAX_REDIRECTS + " redirects (the last to "
                        + response.header("Location") + ")");
            }
            current = follow(current, response);
            response = next.send(current);
        }
        return response.from(current.uri());
    }

    private static boolean isRedirect(HttpResponseData response) {
        return REDIRECTS.contains(response.statusCode()) && response.header("Location") != null;
    }

    /** The request that follows {@code response} to {@code previous}. */
    HttpRequestData follow(HttpRequestData previous, HttpResponseData response) {
        int status = response.statusCode();
        URI target = location(previous.uri(), response.header("Location"));
        boolean keepsBody = status == 307 || status == 308;
        boolean stripCredentials = crossesOrigin(previous.uri(), target);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, String> h : previous.headers()) {
            String name = h.getKey();
            boolean bodyHeader = name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length")
                    || name.equalsIgnoreCase("Transfer-Encoding");
            if ((keepsBody || !bodyHeader) && !(stripCredentials && credential(name))) {
                headers.add(h);
            }
        }
        return new HttpRequestData(method(previous.method(), status), target, List.copyOf(headers),
                keepsBody ? previous.body() : null, previous.timeout(), previous.connection());
    }

    private boolean credential(String header) {
        return SecretRedactor.isSecretHeader(header) || header.equalsIgnoreCase(authHeader);
    }

    /** requests' rebuild_method. */
    private static String method(String method, int status) {
        if ((status == 303 || status == 302) && !method.equals("HEAD")) {
            return "GET";
        }
        return status == 301 && method.equals("POST") ? "GET" : method;
    }

    /** {@code location} resolved against {@code base}; characters a URL cannot hold are escaped first. */
    static URI location(URI base, String location) {
        URI target;
        try {
            target = LinkTargets.resolve(base, location);
        } catch (IllegalArgumentException e) {
            throw new RedirectFailure("redirected to '" + location + "', which is not a URL");
        }
        if (!LinkTargets.followable(target)) {
            throw new RedirectFailure("redirected to '" + target + "'; only http:// and https:// URLs can be followed");
        }
        return target;
    }

    /** requests' should_strip_auth: whether {@code to} is another origin than {@code from}. */
    static boolean crossesOrigin(URI from, URI to) {
        if (!Objects.equals(lower(from.getHost()), lower(to.getHost()))) {
            return true;
        }
        String fromScheme = lower(from.getScheme());
        String toScheme = lower(to.getScheme());
        Integer fromPort = from.getPort() < 0 ? null : from.getPort();
        Integer toPort = to.getPort() < 0 ? null : to.getPort();
        if ("http".equals(fromScheme) && (fromPort == null || fromPort == 80)
                && "https".equals(toScheme) && (toPort == null || toPort == 443)) {
            return false;
        }
        boolean changedScheme = !Objects.equals(fromScheme, toScheme);
        Integer defaultPort = DEFAULT_PORTS.get(fromScheme);
        if (!changedScheme && (fromPort == null || fromPort.equals(defaultPort))
                && (toPort == null || toPort.equals(defaultPort))) {
            return false;
        }
        return !Objects.equals(fromPort, toPort) || changedScheme;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean reachesNetwork() {
        return next.reachesNetwork();
    }
}
