package dev.sequor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sequor.http.SecretSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run log: one masked line for the console and the file, and a file only its owner can read. */
class RunLogTest {

    @TempDir
    Path tmp;

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void theLogFileIsCreatedReadableByItsOwnerOnly() throws Exception {
        assumeTrue(posix(), "no POSIX permissions on this file system");
        Path file = tmp.resolve("logs/sequor.log");
        try (RunLog log = new RunLog(new PrintStream(new ByteArrayOutputStream()), file, false, new SecretSet())) {
            log.info("hello");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anExistingWorldReadableLogFileIsNarrowed() throws Exception {
        assumeTrue(posix(), "no POSIX permissions on this file system");
        Path file = Files.createDirectories(tmp.resolve("logs")).resolve("sequor.log");
        Files.writeString(file, "old line\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (RunLog log = new RunLog(new PrintStream(new ByteArrayOutputStream()), file, true, new SecretSet())) {
            log.info("new line");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("old line\n").contains("INFO new line");
    }

    @Test
    void everyLevelIsMaskedOnTheConsoleAndInTheFile() throws Exception {
        SecretSet secrets = new SecretSet();
        secrets.add("tok-SECRET-1");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path file = tmp.resolve("logs/sequor.log");
        try (RunLog log = new RunLog(new PrintStream(console, true, StandardCharsets.UTF_8), file, false, secrets)) {
            log.info("Executing: SELECT 'tok-SECRET-1'");
            log.warn("warning: tok-SECRET-1");
            log.detail("detail tok-SECRET-1");
            log.errorToFile("error postgresql://u:pw-9@h/db tok-SECRET-1");
        }
        String all = console.toString(StandardCharsets.UTF_8) + Files.readString(file);
        assertThat(all).doesNotContain("tok-SECRET-1").doesNotContain("pw-9")
                .contains("Executing: SELECT '<redacted>'").contains("postgresql://u:<redacted>@h/db");
    }

    @Test
    void outputStreamsAreMaskedLineByLineEvenWhenASecretArrivesInPieces() throws Exception {
        SecretSet secrets = new SecretSet();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new RedactingOutputStream(sink, secrets), false, StandardCharsets.UTF_8);
        secrets.add("tok-SECRET-2");
        out.print("a tok-SEC");
        out.print("RET-2 b\nnext ");
        out.print("tok-SECRET-2");
        out.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("a <redacted> b\nnext <redacted>");
    }
}
