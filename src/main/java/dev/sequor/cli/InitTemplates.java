package dev.sequor.cli;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Qute templates of {@code sequor init} ({@code src/main/resources/templates/init/}), parsed with the Qute
 * library when init runs. Sequor uses Qute without the quarkus-qute extension: the extension builds its engine
 * and parses every template at start-up, in every command (measured in docs/decisions.md, "JVM start-up").
 */
final class InitTemplates {

    private final Engine engine = Engine.builder().addDefaults().build();

    /** The template {@code templates/NAME} from the class path. */
    Template get(String name) {
        String path = "/templates/" + name;
        try (InputStream in = InitTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Sequor is missing its template " + path);
            }
            return engine.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
