package dev.sequor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sequor.error.SequorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Answers requests from a folder of recordings without touching the network. A request is answered by
 * the first recording, in file-name order, whose method, URL and body equal the request's (both redacted
 * the same way) and that has not answered yet; once all such recordings have answered, the last one
 * answers again. A request no recording matches fails the op with a message saying how to record it.
 */
final class ReplayTransport implements HttpTransport {

    private record Entry(String file, ObjectNode key, JsonNode exchange) {
    }

    private final Path dir;
    private final Supplier<SecretRedactor> redactor;
    private List<Entry> entries;
    private final List<Entry> used = new ArrayList<>();

    ReplayTransport(Path dir, Supplier<SecretRedactor> redactor) {
        this.dir = dir;
        this.redactor = redactor;
    }

    @Override
    public synchronized HttpResponseData send(HttpRequestData request) throws IOException {
        load();
        ObjectNode key = Recording.matchKey(Recording.request(request, redactor.get()));
        Entry again = null;
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                if (!used.contains(e)) {
                    used.add(e);
                    return response(e);
                }
                again = e;
            }
        }
        if (again != null) {
            return response(again);
        }
        throw SequorException.failed(null, "No recording in " + dir + " answers " + request.method() + " "
                + key.path("url").asText() + bodyHint(key) + " (" + entries.size()
                + " recordings there); record it with --record " + dir + ".");
    }

    private static String bodyHint(ObjectNode key) {
        JsonNode body = key.get("body");
        if (body == null) {
            return "";
        }
        String text = body.isTextual() ? body.asText() : body.toString();
        return " with body " + (text.length() > 120 ? text.substring(0, 120) + "..." : text);
    }

    private HttpResponseData response(Entry e) {
        try {
            return Recording.response(e.exchange());
        } catch (IOException | IllegalArgumentException ex) {
            throw SequorException.invalid(null, "Recording " + dir.resolve(e.file()) + " is not valid: " + ex.getMessage() + ".");
        }
    }

    private void load() {
        if (entries != null) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw SequorException.invalid(null, "The replay folder " + dir + " does not exist; record one with --record "
                    + dir + ".");
        }
        List<Entry> loaded = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                JsonNode exchange;
                try {
                    exchange = Recording.JSON.readTree(f.toFile());
                } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                    throw SequorException.invalid(null, "Recording " + f + " is not valid JSON: " + ex.getOriginalMessage() + ".");
                }
                if (!(exchange.path("request") instanceof ObjectNode req) || !req.has("method") || !req.has("url")) {
                    throw SequorException.invalid(null, "Recording " + f + " has no request with method and url.");
                }
                ObjectNode normal = req.deepCopy();
                if (!normal.has("body_kind")) {
                    normal.put("body_kind", "none");
                }
                loaded.add(new Entry(f.getFileName().toString(), Recording.matchKey(normal), exchange));
            }
        } catch (IOException ex) {
            throw SequorException.invalid(null, "Cannot read the replay folder " + dir + ": " + ex.getMessage() + ".");
        }
        entries = loaded;
    }

    @Override
    public boolean reachesNetwork() {
        return false;
    }
}
