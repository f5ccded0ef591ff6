package dev.sequor.expr.jinja;

import dev.sequor.error.SourcePos;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Render-heavy micro case: each template rendered {@code -renders N} times (default 100,000) per round, without a
 * time limit and with the default one (60 s, which ticks a deadline per node and loop item), rounds interleaved,
 * median time per render printed: wall clock and this thread's CPU time (steadier on a machine other jobs share).
 * Run it from the test class path, e.g.
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dev.sequor.expr.jinja.TemplateRenderBench
 * </pre>
 */
public final class TemplateRenderBench {

    private static final SourcePos POS = new SourcePos("flows/bench.yaml", 1, 1);
    private static final String[] TEMPLATES = {
        "{{ var('name') }}-{{ var('n') }}",
        "{% for i in range(100) %}{{ i }},{% endfor %}",
        "{% for r in var('rows') %}{% if r.n > 1 %}{{ r.name | upper }}{% endif %}{% endfor %}",
    };

    private TemplateRenderBench() {
    }

    public static void main(String[] args) {
        int renders = args.length > 1 && args[0].equals("-renders") ? Integer.parseInt(args[1]) : 100_000;
        int rounds = 7;
        Templates templates = Templates.shared();
        List<java.util.Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(java.util.Map.of("name", "row" + i, "n", (long) i));
        }
        MapScope scope = new MapScope().var("name", "ann").var("n", 42L).var("rows", rows);
        Duration[] limits = {null, Duration.ofSeconds(60)};
        long[][][] nanos = new long[TEMPLATES.length][limits.length][rounds];
        long[][][] cpu = new long[TEMPLATES.length][limits.length][rounds];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = -2; round < rounds; round++) { // two rounds of warm-up
            for (int t = 0; t < TEMPLATES.length; t++) {
                CompiledTemplate c = templates.compile(TEMPLATES[t], POS);
                for (int l = 0; l < limits.length; l++) {
                    long start = System.nanoTime();
                    long startCpu = threads.getCurrentThreadCpuTime();
                    int length = 0;
                    for (int i = 0; i < renders; i++) {
                        length += templates.render(c, scope, limits[l]).length();
                    }
                    long took = System.nanoTime() - start;
                    long tookCpu = threads.getCurrentThreadCpuTime() - startCpu;
                    if (round >= 0) {
                        nanos[t][l][round] = took / renders;
                        cpu[t][l][round] = tookCpu / renders;
                    }
                    if (length == 0) {
                        throw new AssertionError("nothing rendered");
                    }
                }
            }
        }
        for (int t = 0; t < TEMPLATES.length; t++) {
            for (int l = 0; l < limits.length; l++) {
                System.out.printf("%8.2f us/render wall, %8.2f us cpu (median of %d x %d, limit %s)  %s%n",
                        median(nanos[t][l]) / 1000.0, median(cpu[t][l]) / 1000.0, rounds, renders,
                        limits[l] == null ? "none" : limits[l].toSeconds() + " s", TEMPLATES[t]);
            }
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
