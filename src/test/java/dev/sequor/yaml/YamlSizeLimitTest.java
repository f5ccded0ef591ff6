package dev.sequor.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sequor.error.SequorException;
import org.junit.jupiter.api.Test;

/** Files over the 3 MiB limit are refused before the YAML reader scans them, with the limit in the message. */
class YamlSizeLimitTest {

    @Test
    void aFileOverTheLimitIsRefusedNamingTheLimit() {
        String text = "message: \"" + "x".repeat(YamlLoader.MAX_CODE_POINTS) + "\"\n";
        assertThatThrownBy(() -> YamlLoader.load(text, "flows/big.yaml"))
                .isInstanceOf(SequorException.class)
                .hasMessage("The file has " + text.length() + " characters; Sequor reads YAML files of at most 3145728 "
                        + "characters (3 MiB).");
    }

    @Test
    void aFileJustUnderTheLimitIsRead() {
        String text = "message: \"" + "x".repeat(YamlLoader.MAX_CODE_POINTS - 20) + "\"\n";
        assertThat(YamlLoader.load(text, "flows/ok.yaml")).isPresent();
    }
}
