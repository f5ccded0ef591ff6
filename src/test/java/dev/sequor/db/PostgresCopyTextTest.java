package dev.sequor.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The COPY text of a row: escapes, NULL, UTF-8, and a buffer that grows past its first capacity. */
class PostgresCopyTextTest {

    private static String row(String... values) {
        PostgresCopyText text = new PostgresCopyText(4);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.put((byte) '\t');
            }
            text.field(values[i]);
        }
        text.put((byte) '\n');
        return text.text();
    }

    @Test
    void plainValuesAreCopiedAsTheyAre() {
        assertThat(row("1", "SKU-0000001", "", "2024-01-02T03:04:00Z")).isEqualTo("1\tSKU-0000001\t\t2024-01-02T03:04:00Z\n");
    }

    @Test
    void nullIsBackslashN() {
        assertThat(row(null, "x", null)).isEqualTo("\\N\tx\t\\N\n");
    }

    @Test
    void backslashTabNewlineAndCarriageReturnAreEscapedWhereverTheyStand() {
        assertThat(row("\\", "a\tb", "\nline\n", "c\r", "x\\Ny")).isEqualTo("\\\\\ta\\tb\t\\nline\\n\tc\\r\tx\\\\Ny\n");
    }

    @Test
    void otherCharactersGoAsUtf8() {
        String text = row("café", "日本", "😀", "\u0001\u001f\"");
        assertThat(text).isEqualTo("café\t日本\t😀\t\u0001\u001f\"\n");
    }

    /** No text column holds NUL: the loader is told, to name the row and column. */
    @Test
    void aNulIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> row("ok", "a\u0000b"))
                .isInstanceOf(NulInText.Found.class);
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkAsStringGetBytesWritesIt() {
        assertThat(row("a\uD83Db", "\uDE00")).isEqualTo("a?b\t?\n");
    }

    @Test
    void matchesTheCharacterByCharacterEscapingForRandomText() {
        Random random = new Random(8);
        String alphabet = "ab\\\t\n\r é日😀\u0001";
        for (int round = 0; round < 500; round++) {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                value.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String expected = value.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                    .replace("\r", "\\r");
            assertThat(row(value.toString())).isEqualTo(expected + "\n");
        }
    }

    @Test
    void aValueLongerThanTheBufferMakesItGrow() {
        String big = "x".repeat(100_000) + "\t" + "y".repeat(50_000);
        PostgresCopyText text = new PostgresCopyText(16);
        text.field(big);
        assertThat(text.size()).isEqualTo(150_002);
        assertThat(text.text()).isEqualTo("x".repeat(100_000) + "\\t" + "y".repeat(50_000));
    }
}
