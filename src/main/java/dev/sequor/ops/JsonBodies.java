package dev.sequor.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON text of request bodies: plain values, rows as objects, dates as ISO-8601 strings. */
final class JsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonBodies() {
    }

    static byte[] bytes(Object value) throws JsonProcessingException {
        return JSON.writeValueAsBytes(value);
    }

    static String pretty(Object value) throws JsonProcessingException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}
