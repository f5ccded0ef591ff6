package dev.sequor.run;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.expr.python.PythonEngine;
import dev.sequor.expr.python.SnippetEngine;
import dev.sequor.flow.Diagnostics;
import dev.sequor.flow.Dyn;
import dev.sequor.flow.Flow;
import dev.sequor.flow.FlowParser;
import dev.sequor.flow.OpDyns;
import dev.sequor.flow.op.Op;
import dev.sequor.project.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Flows of the project by name, each parsed once per run. A flow with errors is refused as a whole before
 * any of its steps runs; warnings go to the given sink. Parsing a flow with a Python snippet that the Java
 * evaluator cannot run starts GraalPy in the background, so its start-up overlaps with the first steps; flows whose
 * snippets all fit the subset never start it.
 */
public final class FlowLibrary {

    private final Project project;
    private final Consumer<Diagnostics.Problem> warnings;
    private final Map<String, Flow> flows = new ConcurrentHashMap<>();

    public FlowLibrary(Project project, Consumer<Diagnostics.Problem> warnings) {
        this.project = project;
        this.warnings = warnings;
    }

    public Flow get(String name, SourcePos usedAt) {
        Flow f = flows.get(name);
        if (f == null) {
            f = load(name, usedAt);
            flows.put(name, f);
        }
        return f;
    }

    private Flow load(String name, SourcePos usedAt) {
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
        Diagnostics diag = new Diagnostics();
        Flow flow = new FlowParser(diag).parse(text, name, project.display(file));
        diag.warnings().forEach(warnings);
        if (diag.hasErrors()) {
            throw new InvalidFlowException(diag);
        }
        if (flow.usesPython() && needsGraalPy(flow)) {
            PythonEngine.shared().startInBackground();
        }
        return flow;
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
