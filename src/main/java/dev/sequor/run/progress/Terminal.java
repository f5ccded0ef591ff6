package dev.sequor.run.progress;

import java.io.IOException;
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
