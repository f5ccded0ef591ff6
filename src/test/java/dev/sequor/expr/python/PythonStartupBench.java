package dev.sequor.expr.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link PythonStartupProbe} in fresh JVMs, the configurations interleaved round by round (the machine is
 * shared: a slow minute then hits every configuration alike), and prints the median of each stage.
 *
 * <p>Arguments: {@code -rounds N}, {@code -loop N}, then configurations {@code NAME|MODE|OPTIONS|JVM ARGS}
 * (MODE off/cold/warm as in the probe; OPTIONS {@code k=v,...}; JVM ARGS space-separated; the last two may be
 * empty). Without configurations: before (off), cold and warm. A warm configuration is warmed by one untimed run.
 * Run it with {@code scripts/python-startup}.
 */
public final class PythonStartupBench {

    private static final Pattern STAGE = Pattern.compile("(\\w+)=(\\d+)");

    private record Config(String name, String mode, String options, List<String> jvmArgs) {
        static Config parse(String text) {
            String[] p = (text + "|||").split("\\|", -1);
            List<String> jvm = p[3].isBlank() ? List.of() : Arrays.asList(p[3].trim().split("\\s+"));
            return new Config(p[0], p[1].isEmpty() ? "warm" : p[1], p[2], jvm);
        }
    }

    private PythonStartupBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = 5;
        int loop = 0;
        List<Config> configs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-rounds" -> rounds = Integer.parseInt(args[++i]);
                case "-loop" -> loop = Integer.parseInt(args[++i]);
                default -> configs.add(Config.parse(args[i]));
            }
        }
        if (configs.isEmpty()) {
            configs = List.of(Config.parse("before|off"), Config.parse("cold|cold"), Config.parse("warm|warm"));
        }
        Path work = Path.of("target", "python-startup").toAbsolutePath();
        Map<Config, List<Map<String, Long>>> results = new LinkedHashMap<>();
        for (Config c : configs) {
            results.put(c, new ArrayList<>());
            if (c.mode().equals("warm")) {
                probe(c, work, loop); // fills its bytecode cache (and GraalPy's resource cache on a first run)
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (Config c : configs) {
                results.get(c).add(probe(c, work, loop));
            }
        }
        System.out.println("medians of " + rounds + " runs, ms (" + Runtime.getRuntime().availableProcessors() + " cores)");
        results.forEach((c, runs) -> {
            StringBuilder line = new StringBuilder(String.format("%-24s", c.name()));
            for (String stage : runs.get(0).keySet()) {
                long[] values = runs.stream().mapToLong(m -> m.get(stage)).sorted().toArray();
                line.append(' ').append(stage).append('=').append(values[values.length / 2]);
            }
            System.out.println(line);
        });
    }

    private static Map<String, Long> probe(Config c, Path work, int loop) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-Xss4m")); // as the launcher runs Sequor
        cmd.addAll(c.jvmArgs());
        cmd.add("-Dpolyglot.engine.userResourceCache=" + work.resolve("graalpy"));
        cmd.add("-Dprobe.options=" + c.options());
        cmd.add("-Dprobe.loop=" + loop);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PythonStartupProbe.class.getName()));
        cmd.addAll(List.of(c.mode(), work.resolve(c.name()).resolve("pycache").toString()));
        Process process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !out.contains("total=")) {
            throw new IllegalStateException(c.name() + " failed (exit " + process.exitValue() + "): " + out);
        }
        Map<String, Long> stages = new LinkedHashMap<>();
        Matcher m = STAGE.matcher(out);
        while (m.find()) {
            stages.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return stages;
    }
}
