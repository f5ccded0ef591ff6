package dev.sequor.run.progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether a standard stream of this process (1: output, 2: error) is a terminal. Java cannot say this for standard
 * error by itself: {@code System.console()} (and, from Java 22, {@code Console.isTerminal()}) speaks for standard
 * input and output together, so {@code sequor run x 2>run.log} would look like a terminal and fill the file with
 * carriage returns. So: on Linux, the descriptor's link under {@code /proc/self/fd} names a terminal device
 * ({@code /dev/pts/N}, {@code /dev/ttyN}); on other Unix systems (macOS, BSD), {@code test -t N} run with that
 * descriptor inherited answers (one short process, once per run); on Windows, {@code System.console()} is the best
 * there is, and standard error is taken to go where standard output goes.
 */
public final class Terminal {

    private Terminal() {
    }

    /** True when descriptor {@code fd} (1 or 2) of this process is a terminal. */
    public static boolean isTerminal(int fd) {
        Path fds = Path.of("/proc/self/fd");
        if (Files.isDirectory(fds)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(fds.resolve(Integer.toString(fd))).toString());
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return System.console() != null;
        }
        return askTest(fd);
    }

    /**
     * The width of the terminal on standard error, in columns: {@code stty size} asked about it (Unix; one short
     * process), else {@code $COLUMNS} (shells rarely export it), else 80.
     */
    public static int columns() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            ProcessBuilder stty = new ProcessBuilder("sh", "-c", "stty size <&2");
            stty.redirectError(ProcessBuilder.Redirect.INHERIT);
            try {
                Process p = stty.start();
                String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    String[] rowsColumns = answer.strip().split("\\s+");
                    int columns = rowsColumns.length == 2 ? Integer.parseInt(rowsColumns[1]) : 0;
                    if (columns > 0) {
                        return columns;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // no stty here: the environment's word is next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return StatusLine.widthFromEnvironment(System.getenv("COLUMNS"));
    }

    /** True for the device paths of terminals on Linux: pseudo-terminals, virtual consoles, serial lines. */
    static boolean isTerminalDevice(String path) {
        return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty") || path.equals("/dev/console");
    }

    private static boolean askTest(int fd) {
        ProcessBuilder test = new ProcessBuilder("sh", "-c", "test -t " + fd);
        if (fd == 1) {
            test.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        } else {
            test.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        try {
            Process p = test.start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
