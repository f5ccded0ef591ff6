package dev.sequor.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One case of the bad-input corpus: a file under {@code src/test/resources/bad-input/} holding the flow under test
 * ({@code flow}, written as {@code flows/main.yaml}), optional other flows and sources by name, and what both
 * {@code sequor run} and {@code sequor validate} must say: the exit code and every problem, exactly, in the order
 * {@code validate} lists them. {@code API_URL} in any of the texts stands for the test's HTTP server.
 */
record BadInputCase(String name, String description, String flow, Map<String, String> flows,
                    Map<String, String> sources, int exit, List<String> problems) {

    @SuppressWarnings("unchecked")
    static BadInputCase load(Path file) throws IOException {
        Map<String, Object> m = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(file));
        Map<String, Object> expect = (Map<String, Object>) m.get("expect");
        String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        return new BadInputCase(name, (String) m.get("description"), (String) m.get("flow"),
                (Map<String, String>) m.getOrDefault("flows", Map.of()),
                (Map<String, String>) m.getOrDefault("sources", Map.of()),
                ((Number) expect.get("exit")).intValue(), (List<String>) expect.get("problems"));
    }

    /** The problems that are warnings, which {@code run} prints first (as it parses), then the errors. */
    List<String> runStderr() {
        List<String> warnings = problems.stream().filter(BadInputCase::isWarning).toList();
        List<String> errors = problems.stream().filter(p -> !isWarning(p)).toList();
        return java.util.stream.Stream.concat(warnings.stream(), errors.stream()).toList();
    }

    boolean hasWarnings() {
        return problems.stream().anyMatch(BadInputCase::isWarning);
    }

    private static boolean isWarning(String problem) {
        return problem.matches("^[^ ]+:\\d+:\\d+: warning: .*");
    }
}
