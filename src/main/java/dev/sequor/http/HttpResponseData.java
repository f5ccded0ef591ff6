package dev.sequor.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sequor.error.SequorException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP response as ops and snippets see it: status, headers (case-insensitive names) and body.
 * {@link #json()} parses the body once with Jackson into plain Java values (Map, List, String, Integer, Long,
 * BigInteger, Double, Boolean, null).
 */
public final class HttpResponseData {

    /**
     * Jackson's defaults, except that decimals are read by its fast double parser: correctly rounded, so the same
     * Doubles as {@link Double#parseDouble} (HttpResponseDataTest), in about a fifth less time per page; and that
     * anything but whitespace after the document is an error, as Python's json.loads says "Extra data" (Jackson
     * would read {@code {"data":[]}<html>} as its first document and drop the rest).
     */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    /** The URL the response came from, after any redirects; null until the client knows it. */
    private final URI url;
    private Object parsedJson;
    private boolean jsonParsed;

    public HttpResponseData(int status, Map<String, List<String>> headers, byte[] body) {
        this(status, caseInsensitive(headers), body == null ? new byte[0] : body, null);
    }

    private HttpResponseData(int status, Map<String, List<String>> headers, byte[] body, URI url) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.url = url;
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) {
                h.put(k, List.copyOf(v));
            }
        });
        return Collections.unmodifiableMap(h);
    }

    /** This response as having come from {@code url} (where the redirects, if any, landed). */
    HttpResponseData from(URI url) {
        return new HttpResponseData(status, headers, body, url);
    }

    /**
     * The URL the response came from: the last redirect's target when the request was redirected, as Python
     * requests' {@code response.url}; relative links in it are relative to this URL. Null for a response that did
     * not come through the client (one a test made).
     */
    public URI url() {
        return url;
    }

    public int statusCode() {
        return status;
    }

    /** All header values by case-insensitive name. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * Parses a small document of every JSON kind, so that the classes and code of Jackson's reading are loaded: called
     * by the thread that makes the HTTP client ahead of a run's first request, while the run starts on the other
     * core, instead of by the first response of the op.
     */
    static void warmUp() {
        new HttpResponseData(200, Map.of(), "{\"data\":[{\"id\":1,\"n\":\"a\",\"f\":2.5,\"b\":true,\"z\":null,\"l\":[]}]}"
                .getBytes(StandardCharsets.UTF_8)).json();
    }

    public byte[] body() {
        return body;
    }

    /** The body decoded with the charset of Content-Type, UTF-8 by default. */
    public String text() {
        return new String(body, charset());
    }

    /**
     * The body parsed as JSON (once); an error naming the content type and the start of the body if it is not JSON,
     * and one saying the body is empty when it is.
     */
    public synchronized Object json() {
        if (!jsonParsed) {
            try {
                if (body.length == 0) {
                    // upstream's requests raises a JSONDecodeError here; a snippet reading None would fail later
                    // with a TypeError that does not say why
                    throw SequorException.failed(null, "Response body is empty (status " + status
                            + "): there is no JSON to read; check response.text() or the status first.");
                }
                parsedJson = JSON.readValue(body, Object.class);
            } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
                // valid JSON past Jackson's limits (nesting depth, number or string length): say which limit
                throw SequorException.failed(null, "Response body is JSON beyond what Sequor reads (status " + status
                        + "): " + e.getOriginalMessage());
            } catch (java.io.IOException e) {
                String t = text();
                throw SequorException.failed(null, "Response body is not valid JSON (status " + status
                        + ", Content-Type " + header("Content-Type") + "): "
                        + (t.length() > 200 ? t.substring(0, 200) + "..." : t));
            }
            jsonParsed = true;
        }
        return parsedJson;
    }

    private Charset charset() {
        String ct = header("Content-Type");
        if (ct != null) {
            for (String part : ct.split(";")) {
                String p = part.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (RuntimeException ignored) {
                        // unknown charset names fall back to UTF-8, as browsers do
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
