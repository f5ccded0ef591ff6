package dev.sequor.expr.python;

import static dev.sequor.expr.python.PythonTestSupport.engine;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Start-up: lazy, idempotent, in the background, with its cache where Sequor says. */
class PythonEngineLifecycleTest {

    @Test
    void oneSharedEngineStartedOnce() {
        PythonEngine engine = engine();
        assertThat(PythonEngine.shared()).isSameAs(engine);
        engine.startInBackground();
        engine.startInBackground();
        assertThat(engine.isStarted()).isTrue();
        Thread starter = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("sequor-python-init")).findFirst().orElse(null);
        if (starter != null) { // still starting: it must not keep the JVM alive
            assertThat(starter.isDaemon()).isTrue();
        }
        assertThat(PythonTestSupport.eval("40 + 2")).isEqualTo(42L);
    }

    @Test
    void prepareNeedsNoPython() {
        PythonSnippet s = engine().prepare("1", "k_expression", PythonTestSupport.POS);
        assertThat(s.keyName()).isEqualTo("k_expression");
        assertThat(s.code()).isEqualTo("1");
        assertThat(s.pos()).isEqualTo(PythonTestSupport.POS);
    }

    @Test
    void resourcesAreUnpackedIntoTheConfiguredCache() {
        PythonTestSupport.eval("1");
        // the build sets the cache for the whole test JVM (see pom.xml); Sequor keeps a cache it is given
        Path cache = Path.of(System.getProperty("polyglot.engine.userResourceCache"));
        assertThat(cache).isEqualTo(Path.of("target", "test-sequor-cache", "graalpy").toAbsolutePath());
        assertThat(cache.resolve("python")).isDirectory();
    }
}
