package dev.sequor.project;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YNode.YMap;
import dev.sequor.yaml.YNode.YScalar;
import dev.sequor.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Sequor project folder: {@code project.yaml} ({@code name}, optional {@code default_source}, optional
 * {@code evaluation_timeout_seconds}), optional {@code env.yaml}, {@code flows/}, {@code sources/}.
 *
 * @param evaluationTimeout how long one evaluation of a Python snippet, or one render of a template, may take
 */
public record Project(Path dir, String name, String defaultSource, Duration evaluationTimeout) {

    public static final String CONFIG_FILE = "project.yaml";

    /** The time limit of one snippet evaluation when project.yaml does not set {@code evaluation_timeout_seconds}. */
    public static final Duration DEFAULT_EVALUATION_TIMEOUT = Duration.ofSeconds(60);

    /** Loads the project in {@code dir} with upstream's error texts. */
    /**
     * The project a command run in {@code start} without {@code --project-dir} means: the nearest folder from
     * {@code start} upwards that holds a {@code project.yaml} (as git finds its repository and dbt its project), so
     * commands work from any sub-folder of a project; {@code start} itself when none does, for {@link #load} to say
     * that it is not a project.
     */
    public static Path discover(Path start) {
        Path from = start.toAbsolutePath().normalize();
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(CONFIG_FILE))) {
                return dir;
            }
        }
        return from;
    }

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
        return new Project(dir.toAbsolutePath().normalize(), String.valueOf(name), defaultSource, evaluationTimeout(map));
    }

    /** {@code evaluation_timeout_seconds}: a positive number of seconds, default 60. */
    private static Duration evaluationTimeout(YMap map) {
        YNode node = map.get("evaluation_timeout_seconds");
        if (node == null) {
            return DEFAULT_EVALUATION_TIMEOUT;
        }
        Object v = node instanceof YScalar s ? s.value() : null;
        if (v instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= 86_400) {
            return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
        }
        throw SequorException.invalid(node.pos(), "evaluation_timeout_seconds must be a number of seconds between 0 and "
                + "86400 (one day), not '" + (v == null ? "" : v) + "'");
    }

    public Path flowsDir() {
        return dir.resolve("flows");
    }

    /**
     * Every flow of the project by the name {@code run} takes ({@code crm/push} for {@code flows/crm/push.yaml}), in
     * the order of their files' paths.
     */
    public List<String> flowNames() {
        Path flows = flowsDir();
        if (!Files.isDirectory(flows)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(flows)) {
            files.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().forEach(p -> {
                String rel = flows.relativize(p).toString().replace('\\', '/');
                names.add(rel.substring(0, rel.length() - ".yaml".length()));
            });
        } catch (IOException e) {
            throw SequorException.invalid(null, "Cannot list flows in " + flows + ": " + e.getMessage());
        }
        return names;
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
