package dev.sequor.expr.python;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sequor.expr.jinja.Templates;
import dev.sequor.expr.python.syntax.OutsideSubset;
import dev.sequor.expr.python.syntax.Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Java evaluator must give exactly GraalPy's results and errors: every snippet of the repository and a
 * generated corpus run on both engines, and every difference is listed (grouped by cause) in one failure.
 * Values are compared as the repr each engine computes itself, so 1, 1.0 and True, or a tuple and a list, differ.
 *
 * <p>{@code -Dsequor.difftest.seed=N} and {@code -Dsequor.difftest.count=N} (expression cases; a sixth as many
 * function bodies) explore beyond what CI runs.
 */
class PythonDifferentialTest {

    /** Where repository snippets are; {@code ../shared} is the team's shared folder, absent in a plain clone. */
    private static final Path SHARED = Path.of("..", "shared");

    /** Constructs the subset leaves to GraalPy on purpose: a repository snippet may fall back only for these. */
    private static final Pattern EXCLUDED_CONSTRUCT = Pattern.compile(
            "'try' statements|'with' statements|'class' definitions|'yield'|'global' statements|'nonlocal' statements"
                    + "|'async'|'match' statements|invalid syntax");

    /** Share of generated cases that may fall back to GraalPy (builtins and methods the subset leaves out). */
    private static final double MAX_GENERATED_FALLBACK = 0.05;

    static {
        PythonTestSupport.engine(); // GraalPy's cache folder inside target/
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void repositorySnippetsRunOnTheJavaEvaluatorAndAgreeWithGraalPy() {
        long start = System.nanoTime();
        RepositorySnippets repository = new RepositorySnippets()
                .scanYamlTree(Path.of("examples"))
                .scanYamlTree(Path.of("src", "test", "resources", "golden"))
                .scanYamlTree(Path.of("bench", "projects"));
        if (Files.isDirectory(SHARED)) {
            repository.scanYamlTree(SHARED.resolve("compat/upstream-examples/flows")).scanMarkdownDir(SHARED.resolve("seeds"));
        } else {
            System.out.println("difftest: " + SHARED.toAbsolutePath() + " is not there, its snippets are skipped");
        }
        DiffReport plain = new DiffReport("repository snippets, plain results");
        DiffReport reprs = new DiffReport("repository snippets, repr inside each engine");
        List<String> notOnJava = new ArrayList<>();
        int jinja = 0;
        TwoEngines engines = new TwoEngines();
        for (RepositorySnippets.Found found : repository.found()) {
            boolean template = Templates.isTemplate(found.code());
            jinja += template ? 1 : 0;
            for (SampleScopes.Named scope : SampleScopes.all()) {
                // Sequor renders Jinja inside a snippet before running it; so do we, with the same scope
                String code = template ? render(found.code(), scope.scope()) : found.code();
                Outcome java = engines.java(code, scope.scope(), PlainValues::describe);
                if (java.kind() == Outcome.Kind.FALLBACK) {
                    plain.fellBack(found.where(), java.text());
                    if (!EXCLUDED_CONSTRUCT.matcher(java.text()).find()) {
                        notOnJava.add(found.where() + ": " + java.text());
                    }
                    break; // the same on every scope
                }
                plain.compared(found.where(), code, scope.name(), java, engines.graalPy(code, scope.scope(),
                        PlainValues::describe));
                String repr = reprOf(code);
                Outcome javaRepr = engines.java(repr, scope.scope(), TwoEngines.REPR);
                if (javaRepr.kind() == Outcome.Kind.FALLBACK) {
                    // repr() and def are in the subset: a snippet that runs on Java must run with them too
                    reprs.fellBack(found.where(), javaRepr.text());
                    notOnJava.add(found.where() + " in a repr wrapper: " + javaRepr.text());
                    break;
                }
                reprs.compared(found.where(), repr, scope.name(), javaRepr, engines.graalPy(repr, scope.scope(),
                        TwoEngines.REPR));
            }
        }
        String summary = repository.found().size() + " snippets (" + jinja + " with Jinja, rendered first; "
                + repository.unreadable().size() + " unreadable YAML files: " + repository.unreadable() + ") in "
                + seconds(start) + "\n" + plain.summary() + "\n" + plain.fallbackSummary() + reprs.summary() + "\n" + reprs.fallbackSummary();
        System.out.println("difftest: " + summary);
        plain.write();
        reprs.write();
        if (!notOnJava.isEmpty() || !plain.mismatches().isEmpty() || !reprs.mismatches().isEmpty()) {
            fail(summary + "\n\nRepository snippets that fall back to GraalPy without using a construct the subset"
                    + " excludes:\n  " + String.join("\n  ", notOnJava) + "\n\n" + plain.failureText() + "\n\n"
                    + reprs.failureText());
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void generatedSnippetsAgreeWithGraalPy() {
        long seed = Long.getLong("sequor.difftest.seed", GeneratedCorpus.DEFAULT_SEED);
        int expressions = Integer.getInteger("sequor.difftest.count", 3000);
        int bodies = Math.max(500, expressions / 6);
        long start = System.nanoTime();
        List<DiffCase> cases = new GeneratedCorpus(seed).cases(expressions, bodies);
        DiffReport report = new DiffReport("generated snippets, seed " + seed);
        DifferentialRun.run(cases, GeneratedCorpus.scope(), "", report);
        String summary = report.summary() + " in " + seconds(start) + " (" + expressions + " expressions, " + bodies
                + " function bodies)\nFell back to GraalPy:\n" + report.fallbackSummary();
        System.out.println("difftest: " + summary);
        report.write();
        double fallbackShare = report.fallbackCount() / (double) cases.size();
        if (!report.mismatches().isEmpty() || fallbackShare > MAX_GENERATED_FALLBACK) {
            fail(summary + "\n" + (fallbackShare > MAX_GENERATED_FALLBACK ? String.format(
                    "%.1f%% of the generated cases fell back to GraalPy (at most %.0f%% may)%n", 100 * fallbackShare,
                    100 * MAX_GENERATED_FALLBACK) : "") + report.failureText());
        }
    }

    /**
     * The snippet rewritten to return the repr of its value: {@code repr(EXPR)} for an expression, else the body
     * inside a function whose result goes through repr. Both engines get the same text.
     */
    private static String reprOf(String code) {
        boolean expression;
        try {
            expression = Parser.parseSnippet(code).expression() != null;
        } catch (OutsideSubset e) {
            expression = false;
        }
        if (expression) {
            return "repr(\n" + code.strip() + "\n)";
        }
        return "def _snippet():\n" + code.stripTrailing().indent(4) + "return repr(_snippet())\n";
    }

    private static String render(String code, MapScope scope) {
        return Templates.shared().render(Templates.shared().compile(code, PythonTestSupport.POS), scope, null);
    }

    private static String seconds(long start) {
        return String.format("%.1f s", (System.nanoTime() - start) / 1e9);
    }
}
