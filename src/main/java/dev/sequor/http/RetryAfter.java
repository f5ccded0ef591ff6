package dev.sequor.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A response's {@code Retry-After} header (RFC 9110: whole seconds, or an HTTP date) as a wait. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait {@code response} asks for (zero for a date in the past), or null when it names none that can be read. */
    static Duration of(HttpResponseData response) {
        return response == null ? null : parse(response.header("Retry-After"));
    }

    static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
