package dev.sequor.run.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The terminal line, byte for byte: drawn in place, erased before any other output and drawn again after it, never
 * in the middle of a line someone else is writing, cut to the terminal's width, and gone after {@link
 * StatusLine#clear()}.
 */
class StatusLineTest {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final StatusLine line = new StatusLine(screen, 40);

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void updatesInPlaceAndClears() {
        line.show("abc");
        line.show("abc");
        line.show("de");
        line.clear();
        assertThat(screen()).isEqualTo("abc" + "\r   \r" + "de" + "\r  \r");
    }

    @Test
    void aColouredLineIsCutAndErasedByItsTextAloneTheCodesTakeNoColumns() {
        StatusLine coloured = new StatusLine(screen, () -> 10, new Colours(true));
        coloured.show("abcdefghijkl");
        coloured.clear();
        assertThat(screen()).isEqualTo("\033[2mabcdefghi\033[0m" + "\r         \r");
    }

    @Test
    void otherOutputErasesTheLineFirstAndDrawsItAgainAfter() {
        PrintStream log = new PrintStream(line.guard(screen), true, StandardCharsets.UTF_8);
        line.show("status");
        log.print("Starting \"x\"\n");
        line.clear();
        log.print("done\n");
        assertThat(screen())
                .isEqualTo("status" + "\r      \r" + "Starting \"x\"\n" + "status" + "\r      \r" + "done\n");
    }

    @Test
    void waitsForTheEndOfALineBeingWritten() {
        OutputStream out = line.guard(screen);
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        print.print("partial");
        line.show("status");
        assertThat(screen()).isEqualTo("partial");
        print.print(" line\n");
        assertThat(screen()).isEqualTo("partial line\nstatus");
    }

    @Test
    void isCutToTheTerminalWidth() {
        line.show("x".repeat(50));
        assertThat(screen()).isEqualTo("x".repeat(39));
    }

    @Test
    void widthComesFromColumnsWhenItIsANumber() {
        assertThat(StatusLine.widthFromEnvironment("120")).isEqualTo(120);
        assertThat(StatusLine.widthFromEnvironment(null)).isEqualTo(80);
        assertThat(StatusLine.widthFromEnvironment("wide")).isEqualTo(80);
    }
}
