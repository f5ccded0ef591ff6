package dev.sequor.project;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YNode.YMap;
import dev.sequor.yaml.YNode.YScalar;
import dev.sequor.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Sequor project folder: {@code project.yaml} ({@code name}, optional {@code default_source}), optional
 * {@code env.yaml}, {@code flows/}, {@code sources/}.
 */
public record Project(Path dir, String name, String defaultSource) {

    public static final String CONFIG_FILE = "project.yaml";

    /** Loads the project in {@code dir} with upstream's error texts. */
    public static Project load(Path dir) {
        Path config = dir.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(config)) {
            throw SequorException.invalid(null, "Project configuration file does not exist: " + config
                    + " (run Sequor in a project folder, pass --project-dir, or create one with 'sequor init DIR').");
        }
        Optional<YNode> root = YamlLoader.loadFile(config, CONFIG_FILE);
        YMap map = root.orElse(null) instanceof YMap m ? m : null;
        Object name = map == null || !(map.get("name") instanceof YScalar s) ? null : s.value();
        if (name == null || String.valueOf(name).isBlank()) {
            throw SequorException.invalid(new SourcePos(CONFIG_FILE, 1, 1),
                    "Project configuration file does not contain 'name' field: " + config);
        }
        String defaultSource = null;
        if (map.get("default_source") instanceof YScalar s && s.value() != null) {
            defaultSource = String.valueOf(s.value());
        }
        return new Project(dir.toAbsolutePath().normalize(), String.valueOf(name), defaultSource);
    }

    public Path flowsDir() {
        return dir.resolve("flows");
    }

    public Path sourcesDir() {
        return dir.resolve("sources");
    }

    /** The file of flow {@code name} (path under flows/ without .yaml). */
    public Path flowFile(String flowName) {
        return flowsDir().resolve(flowName + ".yaml");
    }

    public Path sourceFile(String sourceName) {
        return sourcesDir().resolve(sourceName + ".yaml");
    }

    /** A path as messages show it: relative to the project folder. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(dir) ? dir.relativize(abs).toString() : abs.toString();
    }
}
