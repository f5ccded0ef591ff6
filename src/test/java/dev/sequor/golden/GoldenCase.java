package dev.sequor.golden;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One golden flow test: a folder under {@code src/test/resources/golden/} holding {@code flows/} (the flow
 * under test is {@code flows/main.yaml}), optional {@code sources/}, and {@code case.yaml} with the HTTP
 * stubs, environment variables and the expected outcome side by side.
 */
record GoldenCase(String name, Path dir, Map<String, Object> spec) {

    static GoldenCase load(Path dir) throws IOException {
        Object spec = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(dir.resolve("case.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = spec == null ? Map.of() : (Map<String, Object>) spec;
        return new GoldenCase(dir.getFileName().toString(), dir, m);
    }

    @SuppressWarnings("unchecked")
    List<String> databases() {
        Object d = spec.get("databases");
        return d == null ? List.of("duckdb", "postgres") : (List<String>) d;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> variables() {
        return (Map<String, Object>) spec.getOrDefault("variables", Map.of());
    }

    /** Lines of an environment file's {@code variables:} mapping, as written (not re-dumped). */
    String rawVariables() {
        return String.valueOf(spec.getOrDefault("raw_variables", ""));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> http() {
        return (List<Map<String, Object>>) spec.getOrDefault("http", List.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> expect() {
        return (Map<String, Object>) spec.getOrDefault("expect", Map.of());
    }

    @SuppressWarnings("unchecked")
    List<String> args() {
        return (List<String>) spec.getOrDefault("args", List.of());
    }
}
