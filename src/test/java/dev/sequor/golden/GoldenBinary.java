package dev.sequor.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The golden cases run by an executable instead of in the test JVM: {@code -Dsequor.test.binary=PATH} names a
 * native executable (the release workflow's) or {@code target/sequor} (the JVM launcher, which proves the mechanism
 * on machines without GraalVM). Each case is then one {@code PATH run main ...} process, given the same project,
 * home, environment and options as the in-JVM run, and judged by the same checks on its exit code, output, tables,
 * requests and saved variables.
 *
 * @param executable the program to start, absolute
 */
record GoldenBinary(Path executable) {

    static final String PROPERTY = "sequor.test.binary";

    /** What one run printed and returned. */
    record Outcome(int exit, String stdout, String stderr) {
    }

    /** The executable named by {@value #PROPERTY}, or null when the cases run in this JVM. */
    static GoldenBinary fromSystemProperty() {
        String given = System.getProperty(PROPERTY, "");
        if (given.isBlank()) {
            return null;
        }
        Path executable = Path.of(given).toAbsolutePath().normalize();
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + given + " is not an executable file");
        }
        return new GoldenBinary(executable);
    }

    /**
     * {@code sequor run main} of {@code project} with the home, environment {@code test} and progress off, as
     * {@link GoldenFlowTest} runs it in the JVM; {@code opId} and {@code flowStacktrace} as the case's args say.
     */
    Outcome run(Path project, Path home, String opId, boolean flowStacktrace) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "run", "main", "-p", project.toString(),
                "--env", "test", "--home-dir", home.toString(), "--quiet"));
        if (opId != null) {
            command.addAll(List.of("--op-id", opId));
        }
        if (!flowStacktrace) {
            command.add("--disable-flow-stacktrace");
        }
        Path out = Files.createTempFile("golden-stdout", ".txt");
        Path err = Files.createTempFile("golden-stderr", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(project.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close(); // no input: a run that reads its standard input sees its end at once
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes");
            }
            return new Outcome(p.exitValue(), text(out), text(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * The printed text with the platform's line ends as the cases write them: an executable on Windows ends lines
     * with CRLF, as it should there, and the cases' expected output is written with LF once for every platform.
     */
    private static String text(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return System.lineSeparator().equals("\n") ? s : s.replace(System.lineSeparator(), "\n");
    }
}
