package dev.sequor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sequor.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the run guesses from a flow file's text before parsing it (the HTTP client's head start). */
class FlowLibraryTest {

    @TempDir
    Path dir;

    @Test
    void aFileMentionsAWordAnywhereAndAMissingOrUnreadableFileMentionsNothing() throws IOException {
        Files.writeString(dir.resolve("project.yaml"), "name: p\n");
        Path flows = Files.createDirectories(dir.resolve("flows/sub"));
        Files.writeString(flows.resolve("fetch.yaml"), "steps:\n  - op: http_request\n    request: {url: x}\n");
        Files.writeString(flows.resolve("plain.yaml"), "# no requests here\nsteps:\n  - op: print\n    message: hi\n");
        Files.write(dir.resolve("flows/latin1.yaml"), new byte[] {'h', 't', 't', 'p', (byte) 0xE9});
        FlowLibrary library = new FlowLibrary(Project.load(dir), null, t -> { }, p -> { });

        assertThat(library.fileMentions("sub/fetch", "http_request")).isTrue();
        assertThat(library.fileMentions("sub/plain", "http_request")).isFalse();
        assertThat(library.fileMentions("sub/plain", "no requests")).isTrue();
        assertThat(library.fileMentions("missing", "http_request")).isFalse();
        assertThat(library.fileMentions("latin1", "http")).isFalse();
        assertThat(library.fileMentions("bad\0name", "http")).isFalse();
    }
}
