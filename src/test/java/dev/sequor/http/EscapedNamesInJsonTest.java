package dev.sequor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Field names written with JSON escapes read as the names they spell: Python's {@code json.dumps} writes an emoji in a
 * key as an escaped surrogate pair ({@code "\ud83d\ude00"}), which Jackson 2.21.1 refused as invalid UTF-8
 * (jackson-core #1541), failing a whole response of valid JSON.
 */
class EscapedNamesInJsonTest {

    private static Object json(String body) {
        return new HttpResponseData(200, Map.of("Content-Type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8)).json();
    }

    @Test
    void anEscapedSurrogatePairInAFieldNameIsTheCharacterItSpells() {
        Object parsed = json("{\"data\": [{\"id\": 1, \"\\ud83d\\ude00 smile\": 2, \"nested\": {\"\\uD834\\uDD1E\": 3}}]}");

        @SuppressWarnings("unchecked")
        Map<String, Object> row = (Map<String, Object>) ((List<?>) ((Map<?, ?>) parsed).get("data")).get(0);
        assertThat(row.keySet()).containsExactly("id", "\uD83D\uDE00 smile", "nested");
        assertThat(row.get("\uD83D\uDE00 smile")).isEqualTo(2);
        assertThat(row.get("nested")).isEqualTo(Map.of("\uD834\uDD1E", 3));
    }

    @Test
    void escapedAndLiteralNamesAreTheSameName() {
        Map<?, ?> escaped = (Map<?, ?>) json("{\"caf\\u00e9 \\ud83d\\ude00\": 1}");
        Map<?, ?> literal = (Map<?, ?>) json("{\"café 😀\": 1}");

        assertThat(escaped).isEqualTo(literal);
    }
}
