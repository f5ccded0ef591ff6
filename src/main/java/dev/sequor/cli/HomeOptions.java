package dev.sequor.cli;

import dev.sequor.project.SequorHome;
import picocli.CommandLine.Option;

/** Options every command shares: where the Sequor home is, and whether to show Java stack traces. */
public class HomeOptions {

    @Option(names = "--home-dir", paramLabel = "PATH",
            description = "Sequor home folder (environments, persisted variables, logs, caches). Default:"
                    + " $SEQUOR_HOME, else ~/.sequor")
    String homeDir;

    @Option(names = "--stacktrace", description = "Also print the Java stack trace of an error (for bug reports).")
    boolean stacktrace;

    SequorHome home() {
        return SequorHome.resolve(homeDir);
    }
}
