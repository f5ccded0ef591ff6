package dev.sequor.testing;

import io.quarkus.dev.console.QuarkusConsole;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.Extension;

/**
 * Keeps what the CLI prints in {@code @QuarkusMainTest} launches off the Maven console: help texts, expected error
 * messages and stack traces belong to the test's {@code LaunchResult}, not to the build log. Quarkus's main-test
 * extension sends a launch's output through {@link QuarkusConsole}, where its own filter captures it for the
 * {@code LaunchResult} and, by returning true, lets it through to the console as well; a line is written only when
 * every filter says so, so this one saying no keeps it off the console while the capture (and every assertion on
 * it) stays as it was. Only main-test launches go through {@code QuarkusConsole} (it installs its redirects for the
 * launch alone), so test output of every other kind is untouched.
 *
 * <p>Registered for every test class through JUnit's extension auto-detection ({@code META-INF/services}), which
 * quarkus-junit turns on. {@code -Dsequor.test.echo=true} lets the output through again, to watch a failing test.
 */
public class QuietMainLaunches implements Extension {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    public QuietMainLaunches() {
        if (!Boolean.getBoolean("sequor.test.echo") && INSTALLED.compareAndSet(false, true)) {
            QuarkusConsole.addOutputFilter((text, errorStream) -> false);
        }
    }
}
