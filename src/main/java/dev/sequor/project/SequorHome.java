package dev.sequor.project;

import java.nio.file.Path;

/**
 * The Sequor home folder (default {@code ~/.sequor}, {@code --home-dir}): environments, persisted project
 * variables, logs, and the caches of the engines we embed (so nothing else is written under the user's home).
 */
public record SequorHome(Path dir) {

    public static SequorHome resolve(String homeDirOption) {
        if (homeDirOption != null && !homeDirOption.isBlank()) {
            return new SequorHome(expand(homeDirOption).toAbsolutePath().normalize());
        }
        return new SequorHome(Path.of(System.getProperty("user.home"), ".sequor"));
    }

    /** {@code ~} and {@code ~/x} expanded as upstream's {@code os.path.expanduser}. */
    public static Path expand(String path) {
        if (path.equals("~")) {
            return Path.of(System.getProperty("user.home"));
        }
        if (path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), path.substring(2));
        }
        return Path.of(path);
    }

    /** {@code <home>/envs/NAME.yaml}; a name that would point outside that folder is refused. */
    public Path envFile(String envName) {
        return dir.resolve("envs").resolve(EnvName.check(envName) + ".yaml");
    }

    public Path projectStateFile(String projectName) {
        return dir.resolve("project_state").resolve(projectName).resolve("variables.yaml");
    }

    public Path logFile() {
        return dir.resolve("logs").resolve("sequor.log");
    }

    public Path cacheDir() {
        return dir.resolve("cache");
    }
}
