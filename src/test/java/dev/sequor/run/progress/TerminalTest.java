package dev.sequor.run.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which device paths of a descriptor are terminals (Linux's /proc/self/fd links). */
class TerminalTest {

    @Test
    void pseudoTerminalsConsolesAndSerialLinesAreTerminals() {
        assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/console")).isTrue();
    }

    @Test
    void filesPipesAndTheNullDeviceAreNot() {
        assertThat(Terminal.isTerminalDevice("/tmp/run.log")).isFalse();
        assertThat(Terminal.isTerminalDevice("pipe:[12345]")).isFalse();
        assertThat(Terminal.isTerminalDevice("/dev/null")).isFalse();
        assertThat(Terminal.isTerminalDevice("socket:[99]")).isFalse();
    }
}
