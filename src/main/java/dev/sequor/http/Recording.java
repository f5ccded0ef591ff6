package dev.sequor.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The on-disk form of one recorded exchange: a small JSON document a person can read and edit.
 * <pre>
 * {"request":  {"method": "GET", "url": "...", "headers": {"Name": ["value"]}, "body_kind": "none"},
 *  "response": {"status": 200, "headers": {...}, "body_kind": "json", "body": {...}}}
 * </pre>
 * {@code body_kind} is {@code none}, {@code json} (the body inline as JSON), {@code text} or {@code base64}.
 * Secrets are replaced by {@code <redacted>} before anything is written; replay compares a live request
 * with a recording after redacting it the same way, so recordings match without holding credentials.
 */
final class Recording {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Recording() {
    }

    /** The request as recorded (and as replay matches it). */
    static ObjectNode request(HttpRequestData req, SecretRedactor redactor) {
        ObjectNode n = JSON.createObjectNode();
        n.put("method", req.method());
        n.put("url", redactor.text(req.uri().toString()));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : req.headers()) {
            headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(redactor.header(h.getKey(), h.getValue()));
        }
        n.set("headers", JSON.valueToTree(headers));
        putBody(n, req.body(), req.header("Content-Type"), redactor);
        return n;
    }

    /** The part of a recorded request that must equal a live one for the recording to answer it. */
    static ObjectNode matchKey(ObjectNode recordedRequest) {
        ObjectNode key = recordedRequest.deepCopy();
        key.remove("headers");
        return key;
    }

    static ObjectNode exchange(HttpRequestData req, HttpResponseData resp, SecretRedactor redactor) {
        ObjectNode root = JSON.createObjectNode();
        root.set("request", request(req, redactor));
        ObjectNode r = root.putObject("response");
        r.put("status", resp.statusCode());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        resp.headers().forEach((name, values) -> headers.put(name,
                values.stream().map(v -> redactor.header(name, v)).toList()));
        r.set("headers", JSON.valueToTree(headers));
        putBody(r, resp.body(), resp.header("Content-Type"), redactor);
        return root;
    }

    /** The response a recording holds. */
    static HttpResponseData response(JsonNode recorded) throws IOException {
        JsonNode r = recorded.path("response");
        if (!r.path("status").canConvertToInt()) {
            throw new IOException("the recording has no response.status");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.path("headers").properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().asText());
            }
            headers.put(e.getKey(), values);
        });
        return new HttpResponseData(r.get("status").asInt(), headers, body(r));
    }

    static String fileName(int sequence, HttpRequestData req) {
        String host = req.uri().getHost() == null ? "host" : req.uri().getHost().replaceAll("[^A-Za-z0-9.-]", "-");
        return String.format(Locale.ROOT, "%04d-%s-%s.json", sequence, req.method(), host);
    }

    private static byte[] body(JsonNode part) throws IOException {
        String kind = part.path("body_kind").asText("none");
        JsonNode body = part.path("body");
        return switch (kind) {
            case "none" -> new byte[0];
            case "json" -> JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(body);
            case "text" -> body.asText().getBytes(StandardCharsets.UTF_8);
            case "base64" -> Base64.getDecoder().decode(body.asText());
            default -> throw new IOException("unknown body_kind '" + kind + "' (expected none, json, text or base64)");
        };
    }

    private static void putBody(ObjectNode n, byte[] body, String contentType, SecretRedactor redactor) {
        if (body == null || body.length == 0) {
            n.put("body_kind", "none");
            return;
        }
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.contains("json")) {
            try {
                Object parsed = JSON.readValue(body, Object.class);
                n.put("body_kind", "json");
                n.set("body", JSON.valueToTree(redactor.json(parsed)));
                return;
            } catch (IOException notJson) {
                // recorded as text below: the server said JSON but sent something else
            }
        }
        String text = utf8(body);
        if (text == null) {
            n.put("body_kind", "base64");
            n.put("body", Base64.getEncoder().encodeToString(body));
        } else {
            n.put("body_kind", "text");
            n.put("body", ct.contains("x-www-form-urlencoded") ? redactor.form(text) : redactor.text(text));
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
