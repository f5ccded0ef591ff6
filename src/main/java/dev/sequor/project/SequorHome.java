package dev.sequor.project;

import java.nio.file.Path;
import java.util.Map;

/**
 * The Sequor home folder: environments, persisted project variables, logs, and the caches of the engines we embed
 * (so nothing else is written under the user's home). {@code --home-dir} if given, else {@code $SEQUOR_HOME}, else
 * {@code ~/.sequor}, where {@code ~} is {@code $HOME} as a shell (and upstream's {@code os.path.expanduser}) reads
 * it, not the home folder of the account's password entry, which differs in containers and under sudo.
 */
public record SequorHome(Path dir) {

    public static SequorHome resolve(String homeDirOption) {
        return resolve(homeDirOption, System.getenv());
    }

    static SequorHome resolve(String homeDirOption, Map<String, String> env) {
        if (homeDirOption != null && !homeDirOption.isBlank()) {
            return new SequorHome(expand(homeDirOption, env).toAbsolutePath().normalize());
        }
        String fromEnv = env.get("SEQUOR_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new SequorHome(expand(fromEnv, env).toAbsolutePath().normalize());
        }
        return new SequorHome(userHome(env).resolve(".sequor"));
    }

    /** {@code ~} and {@code ~/x} expanded as upstream's {@code os.path.expanduser}. */
    public static Path expand(String path) {
        return expand(path, System.getenv());
    }

    static Path expand(String path, Map<String, String> env) {
        if (path.equals("~")) {
            return userHome(env);
        }
        if (path.startsWith("~/")) {
            return userHome(env).resolve(path.substring(2));
        }
        return Path.of(path);
    }

    /** {@code $HOME} when set, else the JVM's idea of the user's home. */
    private static Path userHome(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
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
