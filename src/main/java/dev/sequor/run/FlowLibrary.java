package dev.sequor.run;

import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.expr.python.PythonEngine;
import dev.sequor.flow.Diagnostics;
import dev.sequor.flow.Flow;
import dev.sequor.flow.FlowParser;
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
 * any of its steps runs; warnings go to the given sink. Parsing a flow that has Python snippets starts the
 * Python engine in the background, so its start-up overlaps with the first steps.
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
        if (flow.usesPython()) {
            PythonEngine.shared().startInBackground();
        }
        return flow;
    }
}
