package dev.sequor.run;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.expr.python.PythonEngine;
import dev.sequor.expr.python.SnippetEngine;
import dev.sequor.flow.Diagnostics;
import dev.sequor.flow.Dyn;
import dev.sequor.flow.Flow;
import dev.sequor.flow.FlowCheck;
import dev.sequor.flow.FlowParser;
import dev.sequor.flow.OpDyns;
import dev.sequor.flow.SourceCatalog;
import dev.sequor.flow.op.Op;
import dev.sequor.project.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Flows of the project by name, each parsed once per run. A flow is loaded together with every flow its
 * {@code run_flow} ops name literally (and theirs, and so on), and all of them are checked ({@link FlowCheck}:
 * literal values, source names, templates) before any step runs: one problem anywhere refuses them all, every problem
 * reported at once. Warnings go to the given sink. Loading a flow with a Python snippet that the Java evaluator
 * cannot run starts GraalPy in the background, so its start-up overlaps with the first steps; flows whose snippets
 * all fit the subset never start it.
 */
public final class FlowLibrary {

    private final Project project;
    private final SourceCatalog sources;
    private final Consumer<Dyn.Template> compileTemplate;
    private final Consumer<Diagnostics.Problem> warnings;
    private final Map<String, Flow> flows = new ConcurrentHashMap<>();

    /** {@code compileTemplate} parses a template (the run's evaluator, which keeps it for rendering). */
    public FlowLibrary(Project project, SourceCatalog sources, Consumer<Dyn.Template> compileTemplate,
                       Consumer<Diagnostics.Problem> warnings) {
        this.project = project;
        this.sources = sources;
        this.compileTemplate = compileTemplate;
        this.warnings = warnings;
    }

    public synchronized Flow get(String name, SourcePos usedAt) {
        Flow f = flows.get(name);
        if (f == null) {
            Map<String, Flow> loaded = loadWithCallees(name, usedAt);
            flows.putAll(loaded);
            f = loaded.get(name);
        }
        return f;
    }

    /**
     * Whether the file of flow {@code name} contains {@code word} anywhere (comments too), read as plain text without
     * parsing; false when the file cannot be read (loading the flow reports that).
     */
    public boolean fileMentions(String name, String word) {
        try {
            return Files.readString(project.flowFile(name), StandardCharsets.UTF_8).contains(word);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Parses {@code name} and the flows it calls by literal name, not yet loaded, and checks them all; throws
     * {@link InvalidFlowException} with every error when any has one.
     */
    private Map<String, Flow> loadWithCallees(String name, SourcePos usedAt) {
        Diagnostics diag = new Diagnostics();
        FlowCheck check = new FlowCheck(diag, sources, project.flowsDir(), compileTemplate);
        Map<String, Flow> loaded = new LinkedHashMap<>();
        Flow root = parse(name, usedAt, diag);
        Deque<Flow> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>(Set.of(name));
        if (root != null) {
            loaded.put(name, root);
            pending.add(root);
        }
        while (!pending.isEmpty()) {
            Flow flow = pending.poll();
            check.check(flow);
            for (String callee : check.calledFlows(flow)) {
                if (!flows.containsKey(callee) && seen.add(callee)) {
                    Flow parsed = parse(callee, null, diag);
                    if (parsed != null) {
                        loaded.put(callee, parsed);
                        pending.add(parsed);
                    }
                }
            }
        }
        diag.warnings().forEach(warnings);
        if (diag.hasErrors()) {
            throw new InvalidFlowException(diag);
        }
        if (loaded.values().stream().anyMatch(f -> f.usesPython() && needsGraalPy(f))) {
            PythonEngine.shared().startInBackground();
        }
        return loaded;
    }

    /**
     * One flow file parsed; null when its YAML is malformed, which is reported with the other problems (it stops
     * that file's parsing, not the others'). A missing or unreadable file throws.
     */
    private Flow parse(String name, SourcePos usedAt, Diagnostics diag) {
        Path file = project.flowFile(name);
        if (!Files.isRegularFile(file)) {
            throw SequorException.invalid(usedAt, "Flow \"" + name + "\" not found: file does not exist: " + file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SequorException.invalid(usedAt, "Cannot read flow \"" + name + "\": " + e.getMessage());
        }
        try {
            return new FlowParser(diag).parse(text, name, project.display(file));
        } catch (SequorException e) {
            diag.error(e.pos(), e.getMessage());
            return null;
        }
    }

    /**
     * True when a snippet of the flow needs GraalPy. A snippet with Jinja inside is judged on its text before
     * rendering ({@code "{{ var('x') }}"} in a string literal, or even bare, is still valid Python); the rendered
     * code is judged again when it runs.
     */
    private static boolean needsGraalPy(Flow flow) {
        for (Op op : OpDyns.flatten(flow.steps())) {
            for (Dyn d : OpDyns.of(op)) {
                if (needsGraalPy(d)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean needsGraalPy(Dyn d) {
        return switch (d) {
            case null -> false;
            case Dyn.Python p -> SnippetEngine.needsGraalPy(p.code());
            case Dyn.DMap m -> m.entries().values().stream().anyMatch(FlowLibrary::needsGraalPy);
            case Dyn.DList l -> l.items().stream().anyMatch(FlowLibrary::needsGraalPy);
            default -> false;
        };
    }
}
