package dev.sequor.project;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.yaml.ScalarRules;
import dev.sequor.yaml.YNode;
import dev.sequor.yaml.YNode.YMap;
import dev.sequor.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An environment: the {@code variables} of {@code <home>/envs/NAME.yaml}, the last level of variable lookup.
 * Running without an environment is allowed (an empty one); so is an environment file with no variables.
 * {@code secrets} lists further variables whose values are credentials, beyond those whose names say so.
 */
public record Environment(String name, Map<String, Object> variables, Set<String> secretNames) {

    /** Words in a variable's name (any case) that make its value a secret without being listed. */
    private static final List<String> SECRET_NAME_PARTS = List.of("KEY", "TOKEN", "SECRET", "PASSWORD", "AUTH");

    public Environment(String name, Map<String, Object> variables) {
        this(name, variables, Set.of());
    }

    /** The values to mask: variables named like credentials, and those listed under {@code secrets}. */
    public List<String> secretValues() {
        List<String> out = new ArrayList<>();
        variables.forEach((k, v) -> {
            String upper = k.toUpperCase(Locale.ROOT);
            boolean secret = secretNames.contains(k) || SECRET_NAME_PARTS.stream().anyMatch(upper::contains);
            if (secret && v != null && !(v instanceof Map<?, ?>) && !(v instanceof List<?>)) {
                out.add(String.valueOf(v));
            }
        });
        return out;
    }

    public static Environment none() {
        return new Environment(null, Map.of());
    }

    /** The environment to use: {@code --env}, else the project's env.yaml, else $SEQUOR_ENV, else none. */
    public static Environment select(SequorHome home, Project project, String envOption) {
        String name = envOption;
        if (name == null || name.isBlank()) {
            name = fromProjectFile(project);
        }
        if (name == null || name.isBlank()) {
            name = System.getenv("SEQUOR_ENV");
        }
        return name == null || name.isBlank() ? none() : load(home, name);
    }

    private static String fromProjectFile(Project project) {
        Path file = project.dir().resolve("env.yaml");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Optional<YNode> root = YamlLoader.loadFile(file, "env.yaml");
        if (root.orElse(null) instanceof YMap m && m.get("env") != null && m.get("env").toPlain() != null) {
            return String.valueOf(m.get("env").toPlain());
        }
        throw SequorException.invalid(new SourcePos("env.yaml", 1, 1),
                "'env' key not found in project environment file: " + file);
    }

    public static Environment load(SequorHome home, String name) {
        Path file = home.envFile(name);
        if (!Files.isRegularFile(file)) {
            throw SequorException.invalid(null, "Environment does not exist: file " + file.toAbsolutePath()
                    + " not found (create it with 'sequor env init " + name + "').");
        }
        String display = file.toAbsolutePath().toString();
        // Upstream reads environment files with PyYAML (YAML 1.1): `debug: yes` is a boolean there.
        Optional<YNode> root = YamlLoader.loadFile(file, display, ScalarRules.PYYAML);
        if (root.isEmpty() || root.get().toPlain() == null) {
            return new Environment(name, Map.of());
        }
        if (!(root.get() instanceof YMap m)) {
            throw SequorException.invalid(root.get().pos(), "Error parsing environment file " + display
                    + ": expected a mapping with a 'variables' key.");
        }
        Set<String> secretNames = secretNames(m.get("secrets"), display);
        YNode vars = m.get("variables");
        if (vars == null || vars.toPlain() == null) {
            return new Environment(name, Map.of(), secretNames);
        }
        if (!(vars instanceof YMap vm)) {
            throw SequorException.invalid(vars.pos(), "Error parsing environment file " + display
                    + ": 'variables' must be a mapping of names to values.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) vm.toPlain();
        return new Environment(name, Collections.unmodifiableMap(new LinkedHashMap<>(values)), secretNames);
    }

    private static Set<String> secretNames(YNode secrets, String display) {
        if (secrets == null || secrets.toPlain() == null) {
            return Set.of();
        }
        if (!(secrets.toPlain() instanceof List<?> names)) {
            throw SequorException.invalid(secrets.pos(), "Error parsing environment file " + display
                    + ": 'secrets' must be a list of variable names, e.g. secrets: [crm_login, sftp_pass].");
        }
        Set<String> out = new LinkedHashSet<>();
        names.forEach(n -> out.add(String.valueOf(n)));
        return Set.copyOf(out);
    }
}
