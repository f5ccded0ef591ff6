package dev.sequor.validate;

import dev.sequor.db.SourceTypes;
import dev.sequor.error.SequorException;
import dev.sequor.error.SourcePos;
import dev.sequor.flow.Diagnostics;
import dev.sequor.flow.Dyn;
import dev.sequor.flow.Flow;
import dev.sequor.flow.FlowCheck;
import dev.sequor.flow.FlowParser;
import dev.sequor.flow.OpDyns;
import dev.sequor.flow.op.Op;
import dev.sequor.expr.jinja.JinjaMarkup;
import dev.sequor.http.HttpSourceConfig;
import dev.sequor.http.TlsSettings;
import dev.sequor.project.Project;
import dev.sequor.run.Evaluator;
import dev.sequor.run.SourceFiles;
import dev.sequor.yaml.YNode.YMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a project without running it: every flow parses with every literal value of the right type and range,
 * every template compiles, every Python snippet compiles (optional: it starts the Python engine), every source file
 * is readable with a known type, and every source and {@code run_flow} target named literally exists
 * ({@link FlowCheck}, the checks {@code run} makes before the first step).
 */
public final class ProjectValidator {

    /** All problems found and how many files were read. */
    public record Result(List<Diagnostics.Problem> problems, int filesChecked) {
    }

    private final Project project;
    private final boolean checkPython;
    private final Evaluator evaluator = new Evaluator();

    public ProjectValidator(Project project, boolean checkPython) {
        this.project = project;
        this.checkPython = checkPython;
    }

    /**
     * Validates the named flows and the flows they call by literal name (what {@code run} checks before the first
     * step), or every flow when {@code flowNames} is null, plus all sources.
     */
    public Result validate(List<String> flowNames) {
        Diagnostics diag = new Diagnostics();
        int files = 0;
        SourceFiles sources = new SourceFiles(project);
        for (String s : sources.names()) {
            files++;
            checkSource(sources, s, diag);
        }
        FlowCheck check = new FlowCheck(diag, sources, project.flowsDir(), evaluator::compile);
        Deque<String> pending = new ArrayDeque<>(flowNames != null ? flowNames : project.flowNames());
        Set<String> seen = new HashSet<>(pending);
        while (!pending.isEmpty()) {
            files++;
            Flow flow = checkFlow(pending.poll(), check, diag);
            if (flow != null) {
                check.calledFlows(flow).stream().filter(seen::add).forEach(pending::add);
            }
        }
        // a source's problem that the flows using it found again (an unreadable tls.ca_file) is listed once
        return new Result(diag.all().stream().distinct().toList(), files);
    }

    private void checkSource(SourceFiles sources, String name, Diagnostics diag) {
        SourcePos pos = new SourcePos(project.display(project.sourceFile(name)), 1, 1);
        Diagnostics.Problem own = sources.fileProblem(name);
        if (own != null) {
            diag.error(own.pos(), own.message());
            return;
        }
        try {
            String type = sources.type(name, pos);
            if (SourceTypes.named(type).isEmpty()) {
                return; // a template: known when the run renders the file
            } else if (type.equals(SourceTypes.HTTP)) {
                checkHttpSource(sources, name, pos, diag);
            } else {
                SourceFiles.unknownDatabaseKeys(sources.load(name, pos), SourceTypes.named(type).orElseThrow())
                        .forEach(p -> diag.warning(p.pos(), p.message()));
            }
        } catch (SequorException e) {
            diag.error(e.pos() == null ? pos : e.pos(), e.getMessage());
        }
    }

    /**
     * Checks the settings of an http source as a run would, where they are literal: a value that is a template is
     * only known at run time, so the checks that depend on it wait for the run. Each setting is read on its own, so
     * that every bad one is reported, not only the first a run would stop at. A literal tls.ca_file must be a
     * readable PEM file of certificates.
     */
    private void checkHttpSource(SourceFiles sources, String name, SourcePos pos, Diagnostics diag) {
        YMap file = sources.load(name, pos);
        SourceFiles.unknownHttpKeys(file).forEach(p -> diag.warning(p.pos(), p.message()));
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) file.toPlain();
        if (!containsTemplate(plain.get("timeout_seconds")) && !containsTemplate(plain.get("retry"))
                && !(plain.get("auth") instanceof Map<?, ?> auth && (containsTemplate(auth.get("type"))
                || containsTemplate(auth.get("add_to")) || containsTemplate(auth.get("grant_type"))))) {
            Map<String, Object> literal = new LinkedHashMap<>(plain);
            literal.values().removeIf(ProjectValidator::containsTemplate);
            literal.put("auth", plain.get("auth"));
            for (Map.Entry<String, Object> setting : literal.entrySet()) {
                Map<String, Object> alone = new LinkedHashMap<>();
                alone.put(setting.getKey(), setting.getValue());
                try {
                    HttpSourceConfig.from(name, alone, file, project.dir());
                } catch (SequorException e) {
                    diag.error(e.pos() == null ? pos : e.pos(), e.getMessage());
                }
            }
        }
        // as every run that uses the source warns, when tls.insecure is literally true
        if (plain.get("tls") instanceof Map<?, ?> tls && !containsTemplate(tls)) {
            Map<String, Object> alone = new LinkedHashMap<>();
            alone.put("tls", tls);
            try {
                if (HttpSourceConfig.from(name, alone, file, project.dir()).connection().tls().insecure()) {
                    diag.warning(file.valuePos("tls"), TlsSettings.insecureWarning(name));
                }
            } catch (SequorException e) {
                // a tls mapping that does not read is reported with the other settings above
            }
        }
        // as run checks it before the first step, whatever the other settings are
        Diagnostics.Problem caFile = sources.unreadableCaFile(name);
        if (caFile != null) {
            diag.error(caFile.pos(), caFile.message());
        }
    }

    private static boolean containsTemplate(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(ProjectValidator::containsTemplate);
        }
        if (v instanceof List<?> l) {
            return l.stream().anyMatch(ProjectValidator::containsTemplate);
        }
        return v instanceof String s && JinjaMarkup.isTemplate(s);
    }

    /** Checks one flow; returns it parsed, or null when it could not be read or parsed. */
    private Flow checkFlow(String name, FlowCheck check, Diagnostics diag) {
        Path file = project.flowFile(name);
        String display = project.display(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            diag.error(new SourcePos(display, 1, 1), "Flow \"" + name + "\" not found: file does not exist: " + file);
            return null;
        }
        Flow flow;
        try {
            flow = new FlowParser(diag).parse(text, name, display);
        } catch (SequorException e) {
            diag.error(e.pos(), e.getMessage());
            return null;
        }
        check.check(flow);
        if (checkPython) {
            for (Op op : OpDyns.flatten(flow.steps())) {
                for (Dyn d : OpDyns.of(op)) {
                    compilePython(d, diag);
                }
            }
        }
        return flow;
    }

    /** Compiles a snippet as a run would (GraalPy only for a snippet outside the Java subset). */
    private void compilePython(Dyn d, Diagnostics diag) {
        if (d instanceof Dyn.Python p) {
            try {
                evaluator.compile(p);
            } catch (SequorException e) {
                diag.error(e.pos() == null ? d.pos() : e.pos(), e.getMessage());
            }
        }
    }

}
