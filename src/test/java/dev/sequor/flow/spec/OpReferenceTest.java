package dev.sequor.flow.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's key reference is the one {@code sequor schema --markdown} writes from the specs. When this fails,
 * replace the README's text between the markers with that command's output.
 */
class OpReferenceTest {

    @Test
    void readmeHoldsTheReferenceWrittenFromTheSpecs() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf(OpReference.START);
        int end = readme.indexOf(OpReference.END);
        assertThat(start).as("README.md has the op-reference markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        assertThat(readme.substring(start, end + OpReference.END.length() + 1)).isEqualTo(OpReference.markdown());
    }
}
