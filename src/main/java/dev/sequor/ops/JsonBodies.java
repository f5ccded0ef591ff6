package dev.sequor.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sequor.expr.PythonJsonDumps;
import java.nio.charset.StandardCharsets;

/** JSON text of request bodies (as upstream's json.dumps writes them) and of responses shown to the user. */
final class JsonBodies {

    /** Made on first use (a preview): a request body, which this class also writes, never needs it. */
    private static final class Pretty {
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private JsonBodies() {
    }

    /** The bytes of a {@code body_format: json} body; IllegalArgumentException for a value JSON has no form for. */
    static byte[] bytes(Object value) {
        // json.dumps escapes every non-ASCII character, so the text is ASCII and UTF-8 is only a formality.
        return PythonJsonDumps.dumps(value).getBytes(StandardCharsets.UTF_8);
    }

    static String pretty(Object value) throws JsonProcessingException {
        return Pretty.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}
